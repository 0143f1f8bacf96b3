/**
 * e-footprint's BoaviztaCloudServer, offline: a Server whose compute, RAM, power and fabrication footprint
 * come from a cloud provider's instance type. e-footprint asks the Boavizta API; efp reads Cloud Carbon
 * Footprint's catalogue (src/engine/cloud/, mapping explained in cloud-server-inputs.ts). Everything else
 * is Server's: same inputs, same calculated attributes, same formulas.
 */
import type { CalculatedSpec, ClassSpec, InputSpec } from '../model/class-spec.js';
import { Server } from './server.js';
import {
    CLOUD_PROVIDERS, cloudProvider, cloudRegion, instanceType, CloudCatalogueError, type CloudInstanceType
} from '../cloud/cloud-catalogue.js';
import { BOAVIZTA_CLOUD_WORKLOAD, cloudServerHardware } from '../cloud/cloud-server-inputs.js';
import { DEFAULT_CLOUD_PROVIDER } from '../cloud/cloud-region.js';
import { ModelError, suggestionData } from '../model/diagnostics.js';
import { quantity, type NumericValue } from '../model/values.js';
import { parseUnit } from '../units/unit.js';
import type { EfpObject } from '../model/efp-object.js';
import { own } from '../formulas/operands.js';

/** The Server inputs the catalogue gives; a cloud server does not take them. */
const DERIVED = ['compute', 'ram', 'power', 'carbon_footprint_fabrication'] as const;

/**
 * e-footprint's default is Scaleway's ent1-s, which CCF does not list: efp defaults to a common AWS
 * general-purpose type instead.
 */
const DEFAULT_INSTANCE_TYPE = 'm5.large';

const cloudInputs: InputSpec[] = [
    {
        type: 'enum', name: 'provider', label: 'Cloud provider', values: CLOUD_PROVIDERS, default: DEFAULT_CLOUD_PROVIDER,
        description: 'Cloud provider of the offline catalogue (aws, gcp, azure).'
    },
    {
        type: 'text', name: 'instance_type', label: 'Instance type', default: DEFAULT_INSTANCE_TYPE,
        description: 'Instance type of the provider ("m5.large", "n2-standard-2", "D2s v3"); it sets compute, RAM, power and fabrication footprint.'
    },
    {
        // its grid intensity and PUE are written as the server's own inputs
        type: 'text', name: 'region', label: 'Cloud region', efpOnly: true, optional: true,
        description: 'Optional region ("eu-west-3"); it sets average_carbon_intensity and power_usage_effectiveness unless they are given.'
    }
];

/** Server's inputs without the derived ones; idle power defaults to 0 W as in e-footprint's BoaviztaCloudServer. */
const serverInputs: InputSpec[] = Server.inputs
    .filter(i => !(DERIVED as readonly string[]).includes(i.name))
    .map(i => i.name === 'idle_power' && i.type === 'quantity'
        ? { ...i, default: { value: 0, unit: 'W' }, description: 'Power drawn when idle (0 W by default: the catalogue power is already an average at 50 % load).' }
        : i);

/** The catalogue entry the object names; unknown names raise a ModelError located on the input, with a suggestion. */
function entryOf(object: EfpObject): CloudInstanceType {
    const provider = cloudProvider(object.text('provider') ?? DEFAULT_CLOUD_PROVIDER);
    const entry = lookUp(() => instanceType(provider, object.text('instance_type') ?? DEFAULT_INSTANCE_TYPE), object, 'instance_type');
    const region = object.text('region');
    // the region's values are filled in before the model is built (cloud-region.ts); a name it could not find is reported here
    if (region !== undefined) lookUp(() => cloudRegion(provider, region), object, 'region');
    return entry;
}

function lookUp<T>(find: () => T, object: EfpObject, input: string): T {
    try {
        return find();
    } catch (e) {
        if (e instanceof CloudCatalogueError) {
            const written = object.text(input);
            throw new ModelError('invalid-value', e.message, object.inputs.get(input)?.origin, e.hint,
                written === undefined ? undefined : suggestionData(written, e.suggestion));
        }
        throw e;
    }
}

function inUnit(value: number, unit: string): NumericValue {
    const u = parseUnit(unit);
    return quantity(value * u.factor, u.dimension);
}

function describe(object: EfpObject): string {
    return `${object.text('provider') ?? DEFAULT_CLOUD_PROVIDER} ${object.text('instance_type') ?? DEFAULT_INSTANCE_TYPE} in the offline catalogue (Cloud Carbon Footprint)`;
}

/**
 * compute reads the catalogue first and reports an unknown name; the other derived values list it as an
 * operand, so that they stay quiet then (one diagnostic, not four) and the graph shows where they come from.
 */
const derivedCalculations: CalculatedSpec[] = [
    {
        name: 'compute', label: 'Nb cpu cores', unit: 'cpu_core',
        define: (object) => ({
            operands: {}, formula: `vCPUs of ${describe(object)}`,
            compute: () => inUnit(cloudServerHardware(entryOf(object)).compute, 'cpu_core')
        })
    },
    {
        name: 'ram', label: 'RAM', unit: 'GB_ram',
        define: object => ({
            operands: own(object, ['compute']), formula: `memory of ${describe(object)}, read after compute (which reports an instance type the catalogue lacks)`,
            compute: () => inUnit(cloudServerHardware(entryOf(object)).ramGB, 'GB_ram')
        })
    },
    {
        name: 'power', label: 'Power', unit: 'W',
        define: object => ({
            operands: own(object, ['compute']),
            formula: `compute × (min W/vCPU + ${BOAVIZTA_CLOUD_WORKLOAD} × (max W/vCPU − min W/vCPU)) of ${describe(object)}: the draw at Boavizta's default 50 % load`,
            compute: () => inUnit(cloudServerHardware(entryOf(object)).powerW, 'W')
        })
    },
    {
        name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg',
        define: object => ({
            operands: own(object, ['compute']),
            formula: `the platform's embodied carbon × compute / the platform's vCPUs, of ${describe(object)}`,
            compute: () => inUnit(cloudServerHardware(entryOf(object)).carbonFootprintFabricationKg, 'kg')
        })
    }
];

/** A cloud instance: a Server whose hardware comes from the offline cloud catalogue. Not registered yet. */
export const BoaviztaCloudServer: ClassSpec = {
    className: 'BoaviztaCloudServer',
    extends: ['Server'],
    keyword: 'cloud_server',
    article: 'a cloud server',
    description: 'A cloud instance (AWS, GCP, Azure): compute, RAM, power and fabrication footprint come from its instance type; the rest is a server\'s.',
    typicalInputs: ['provider', 'instance_type', 'server_type', 'storage'],
    category: 'Servers',
    inputs: [...cloudInputs, ...serverInputs],
    calculated: [...derivedCalculations, ...Server.calculated]
};
