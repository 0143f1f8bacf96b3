import type { CalculatedSpec, ClassSpec, FormulaDefinition, InputSpec } from '../model/class-spec.js';
import { newValues } from '../series/series-memory.js';
import { ONE_HOUR, valueOf } from '../formulas/formula-values.js';
import { formula, nodeOf, onEach, own } from '../formulas/operands.js';
import { instancesFabricationFootprint } from './instances-fabrication.js';
import {
    add, EMPTY, hourly, multiply, quantity, scalarOf, subtract, ValueError, weightedSum, type NumericValue
} from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { HourlySeries } from '../series/hourly-series.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { Node } from '../model/node.js';

const MASS = Dimension.base('mass');
const RAM = Dimension.base('data_ram');
const ENERGY = Dimension.base('mass').multiply(Dimension.base('length', 2)).divide(Dimension.base('time', 2));

export const SERVER_TYPES = ['autoscaling', 'on-premise', 'serverless'] as const;

type ComputeUnit = 'cpu_core' | 'gpu';

/** Inputs every server kind shares (after the ones a GPU server computes). */
function sharedServerInputs(computeUnit: ComputeUnit): InputSpec[] {
    const gpu = computeUnit === 'gpu';
    return [
        {
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long a server is used before it is replaced.'
        },
        {
            type: 'quantity', name: 'fraction_of_usage_time', label: 'Fraction of usage time', unit: '', default: { value: 1, unit: '' },
            min: 0, max: 1, description: 'Share of its life a server is in use (e-footprint keeps it at 1 for servers).',
            // e-footprint's infrastructure hardware (servers, storage) is built with 1 whatever is given, and
            // no server formula reads it (a server's fabrication is spread over its lifespan alone)
            usedWhen: { when: 'never', why: 'e-footprint keeps a server in use all the time' }
        },
        {
            type: 'enum', name: 'server_type', label: 'Server type', values: SERVER_TYPES, default: 'autoscaling',
            description: 'autoscaling: instances follow the load hour by hour; on_premise: enough instances for the peak, all the time; serverless: exactly the load.'
        },
        {
            type: 'quantity', name: 'compute', label: gpu ? 'Nb gpus' : 'Nb cpu cores', unit: computeUnit,
            default: { value: gpu ? 4 : 24, unit: computeUnit }, min: 0, exclusiveMin: true,
            description: gpu ? 'GPUs in one server instance.' : 'CPU cores in one server instance.'
        },
        {
            type: 'quantity', name: 'power_usage_effectiveness', label: 'PUE', unit: '', default: { value: 1.2, unit: '' }, min: 1,
            description: 'Data-centre energy per unit of IT energy (1 is a perfect data centre).'
        },
        {
            type: 'quantity', name: 'average_carbon_intensity', label: 'Average carbon intensity of electricity', unit: 'g/kWh',
            default: { value: 400, unit: 'g/kWh' }, min: 0, description: 'Carbon intensity of the electricity the data centre uses.'
        },
        {
            type: 'quantity', name: 'utilization_rate', label: 'Utilization rate', unit: '', default: { value: gpu ? 1 : 0.9, unit: '' },
            min: 0, max: 1, exclusiveMin: true, description: 'Share of RAM and compute usable before another instance is needed.'
        },
        {
            type: 'quantity', name: 'base_ram_consumption', label: 'Base RAM consumption', unit: gpu ? 'GB_ram' : 'MB_ram',
            default: { value: 0, unit: gpu ? 'GB_ram' : 'MB_ram' }, min: 0, description: 'RAM the operating system and base services hold on each instance.'
        },
        {
            type: 'quantity', name: 'base_compute_consumption', label: gpu ? 'Base gpu consumption' : 'Base cpu core consumption', unit: computeUnit,
            default: { value: 0, unit: computeUnit }, min: 0, description: 'Compute the operating system and base services hold on each instance.'
        },
        {
            type: 'quantity', name: 'fixed_nb_of_instances', label: 'User defined number of instances', unit: 'concurrent', optional: true, min: 0,
            // e-footprint 22.2.1 (the spec's Server, nb_of_instances): autoscaling servers run ceil(raw_nb_of_instances)
            // hour by hour and serverless ones raw_nb_of_instances, whatever is given; only an on-premise server runs
            // fixed_nb_of_instances all the time (or ceil of the peak when it is not given)
            usedWhen: { when: 'own-input', input: 'server_type', values: ['on-premise'] },
            description: 'On-premise only: the number of instances installed (an error if the peak load needs more).'
        },
        { type: 'ref', name: 'storage', label: 'Storage', classes: ['Storage'], description: 'The storage the server writes its jobs\' data to.' }
    ];
}

/** Σ over the server's jobs of `hourly_avg_occurrences_across_usage_patterns × <per-run need>`. */
function hourByHourNeed(server: EfpObject, model: Model, need: string, dimension: Dimension): FormulaDefinition {
    const jobs = model.relations.jobsOfServer(server);
    const avg = onEach(jobs, 'hourly_avg_occurrences_across_usage_patterns');
    const needs = onEach(jobs, need);
    return formula({ hourly_avg_occurrences_across_usage_patterns: avg, [need]: needs }, `Σ over jobs of hourly_avg_occurrences_across_usage_patterns × ${need}`,
        () => weightedSum(jobs.map((_, i) => [valueOf(avg[i]), scalarOf(valueOf(needs[i]), need)] as const), dimension));
}

/**
 * What every instance holds before any job runs: the server's own base consumption plus that of each
 * service installed on it (a video streaming service's base RAM). A service without a value adds nothing.
 */
function occupiedPerInstance(server: EfpObject, model: Model, base: string, dimension: Dimension): FormulaDefinition {
    // an optional value left out (e-footprint's "no value") has no node at all
    const services = model.relations.servicesOfServer(server).map(s => s.nodes.get(base)).filter((n): n is Node => n !== undefined);
    // the server's own and its services' under one name, the server's first
    const nodes = [nodeOf(server, base), ...services];
    return formula({ [base]: nodes }, `${base} + Σ of installed services' ${base}`,
        () => weightedSum(nodes.map(n => [valueOf(n), 1] as const), dimension));
}

/** Why a server's needs are empty: they sum over its jobs, and it has none. */
const NO_JOB = (server: EfpObject) => `no job runs on ${server.id}`;

function serverCalculations(computeUnit: ComputeUnit): CalculatedSpec[] {
    const COMPUTE = Dimension.base(computeUnit);
    return [
        {
            name: 'hour_by_hour_ram_need', label: 'Hour by hour ram need', unit: 'GB_ram', emptyBecause: NO_JOB,
            define: (server, model) => hourByHourNeed(server, model, 'ram_needed', RAM)
        },
        {
            name: 'hour_by_hour_compute_need', label: 'Hour by hour compute need', unit: computeUnit, emptyBecause: NO_JOB,
            define: (server, model) => hourByHourNeed(server, model, 'compute_needed', COMPUTE)
        },
        {
            name: 'occupied_ram_per_instance', label: 'Occupied RAM per instance including services', unit: 'GB_ram',
            define: (server, model) => occupiedPerInstance(server, model, 'base_ram_consumption', RAM)
        },
        {
            name: 'occupied_compute_per_instance', label: 'Occupied CPU per instance including services', unit: computeUnit,
            define: (server, model) => occupiedPerInstance(server, model, 'base_compute_consumption', COMPUTE)
        },
        {
            name: 'available_ram_per_instance', label: 'Available RAM per instance', unit: 'GB_ram',
            define(server) {
                const operands = own(server, ['ram', 'utilization_rate', 'occupied_ram_per_instance']);
                const { ram, utilization_rate: rate, occupied_ram_per_instance: occupied } = operands;
                return formula(operands, 'ram × utilization_rate − occupied_ram_per_instance', () => {
                    const available = subtract(multiply(valueOf(ram), valueOf(rate)), valueOf(occupied));
                    if (available.kind === 'quantity' && available.value <= 0) {
                        throw new ValueError(`no RAM is left for jobs: ram × utilization_rate is not more than the occupied RAM (${formatGB(valueOf(occupied))})`);
                    }
                    return available;
                });
            }
        },
        {
            name: 'available_compute_per_instance', label: 'Available CPU per instance', unit: computeUnit,
            define(server) {
                const operands = own(server, ['compute', 'utilization_rate', 'occupied_compute_per_instance']);
                const { compute, utilization_rate: rate, occupied_compute_per_instance: occupied } = operands;
                return formula(operands, 'compute × utilization_rate − occupied_compute_per_instance', () => {
                    const available = subtract(multiply(valueOf(compute), valueOf(rate)), valueOf(occupied));
                    if (available.kind === 'quantity' && available.value <= 0) {
                        throw new ValueError('no compute is left for jobs: compute × utilization_rate is not more than the occupied compute');
                    }
                    return available;
                });
            }
        },
        {
            name: 'raw_nb_of_instances', label: 'Hourly raw number of instances', unit: 'concurrent',
            define(server) {
                const operands = own(server, ['hour_by_hour_ram_need', 'hour_by_hour_compute_need', 'available_ram_per_instance', 'available_compute_per_instance']);
                const { hour_by_hour_ram_need: ramNeed, hour_by_hour_compute_need: computeNeed, available_ram_per_instance: ram,
                    available_compute_per_instance: compute } = operands;
                return formula(operands,
                    'hourly max(hour_by_hour_ram_need / available_ram_per_instance, hour_by_hour_compute_need / available_compute_per_instance)', () => {
                        const r = valueOf(ramNeed), c = valueOf(computeNeed);
                        const perRam = 1 / scalarOf(valueOf(ram), 'available_ram_per_instance');
                        const perCompute = 1 / scalarOf(valueOf(compute), 'available_compute_per_instance');
                        if (r.kind !== 'hourly' || c.kind !== 'hourly') return EMPTY;
                        return hourly(hourlyMax(r.series, perRam, c.series, perCompute));
                    });
            }
        },
        {
            name: 'nb_of_instances', label: 'Hourly number of instances', unit: 'concurrent',
            define(server) {
                const raw = nodeOf(server, 'raw_nb_of_instances');
                const fixed = server.inputs.has('fixed_nb_of_instances') ? nodeOf(server, 'fixed_nb_of_instances') : undefined;
                const type = server.text('server_type') ?? 'autoscaling';
                const text = type === 'autoscaling' ? 'ceil(raw_nb_of_instances) hour by hour'
                    : type === 'serverless' ? 'raw_nb_of_instances'
                        : fixed ? 'fixed_nb_of_instances all the time (the peak of raw_nb_of_instances must fit)' : 'ceil(max of raw_nb_of_instances) all the time';
                return formula(fixed ? { raw_nb_of_instances: raw, fixed_nb_of_instances: fixed } : { raw_nb_of_instances: raw }, text, () => {
                    const r = valueOf(raw);
                    if (r.kind !== 'hourly') return r;
                    if (type === 'serverless') return r;
                    if (type === 'autoscaling') return hourly(r.series.ceil());
                    const peak = Math.ceil(r.series.max());
                    if (fixed) {
                        const installed = scalarOf(valueOf(fixed), 'fixed_nb_of_instances');
                        if (peak > installed) {
                            throw new ValueError(`the peak load needs ${peak} instances but fixed_nb_of_instances is ${installed}`);
                        }
                        return hourly(HourlySeries.constant(r.series.start, r.series.length, installed));
                    }
                    return hourly(HourlySeries.constant(r.series.start, r.series.length, peak));
                });
            }
        },
        instancesFabricationFootprint,
        {
            name: 'instances_energy', label: 'Hourly energy consumed by instances', unit: 'kWh',
            define(server) {
                const operands = own(server, ['idle_power', 'power', 'power_usage_effectiveness', 'nb_of_instances', 'raw_nb_of_instances']);
                const { idle_power: idle, power, power_usage_effectiveness: pue, nb_of_instances: nb, raw_nb_of_instances: raw } = operands;
                return formula(operands,
                    'idle_power × power_usage_effectiveness × 1 h × nb_of_instances + (power − idle_power) × power_usage_effectiveness × 1 h × raw_nb_of_instances',
                    () => {
                        return weightedSum([
                            [valueOf(nb), idleEnergyPerHour(valueOf(idle), valueOf(pue))],
                            [valueOf(raw), loadEnergyPerHour(valueOf(power), valueOf(idle), valueOf(pue))]
                        ], ENERGY);
                    });
            }
        },
        {
            name: 'idle_energy_footprint', label: 'Hourly idle energy footprint', unit: 'kg',
            define(server) {
                const operands = own(server, ['idle_power', 'power_usage_effectiveness', 'nb_of_instances', 'average_carbon_intensity']);
                const { idle_power: idle, power_usage_effectiveness: pue, nb_of_instances: nb, average_carbon_intensity: ci } = operands;
                return formula(operands, 'idle_power × power_usage_effectiveness × 1 h × nb_of_instances × average_carbon_intensity', () => {
                    const idleEnergy = idleEnergyPerHour(valueOf(idle), valueOf(pue));
                    return multiply(valueOf(nb), quantity(idleEnergy * scalarOf(valueOf(ci), 'average_carbon_intensity'), MASS));
                });
            }
        },
        {
            name: 'load_energy_footprint', label: 'Hourly load energy footprint', unit: 'kg',
            define(server) {
                const operands = own(server, ['idle_power', 'power', 'power_usage_effectiveness', 'raw_nb_of_instances', 'average_carbon_intensity']);
                const { idle_power: idle, power, power_usage_effectiveness: pue, raw_nb_of_instances: raw, average_carbon_intensity: ci } = operands;
                return formula(operands, '(power − idle_power) × power_usage_effectiveness × 1 h × raw_nb_of_instances × average_carbon_intensity', () => {
                    const loadEnergy = loadEnergyPerHour(valueOf(power), valueOf(idle), valueOf(pue));
                    return multiply(valueOf(raw), quantity(loadEnergy * scalarOf(valueOf(ci), 'average_carbon_intensity'), MASS));
                });
            }
        },
        {
            name: 'energy_footprint', label: 'Hourly energy footprint', unit: 'kg', min: 0,
            define(server) {
                const operands = own(server, ['idle_energy_footprint', 'load_energy_footprint']);
                const { idle_energy_footprint: idle, load_energy_footprint: load } = operands;
                return formula(operands, 'idle_energy_footprint + load_energy_footprint', () => add(valueOf(idle), valueOf(load)));
            }
        }
    ];
}

/** Energy of one instance idling for an hour (J), PUE included. */
function idleEnergyPerHour(idle: NumericValue, pue: NumericValue): number {
    return scalarOf(idle, 'idle_power') * scalarOf(pue, 'power_usage_effectiveness') * ONE_HOUR;
}

/** Energy one fully loaded instance adds to its idle energy in an hour (J), PUE included. */
function loadEnergyPerHour(power: NumericValue, idle: NumericValue, pue: NumericValue): number {
    return (scalarOf(power, 'power') - scalarOf(idle, 'idle_power')) * scalarOf(pue, 'power_usage_effectiveness') * ONE_HOUR;
}

function hourlyMax(a: HourlySeries, aFactor: number, b: HourlySeries, bFactor: number): HourlySeries {
    const start = Math.min(a.start, b.start);
    const out = newValues(Math.max(a.end, b.end) - start);
    const x = a.base, y = b.base, ka = aFactor * a.factor, kb = bFactor * b.factor;
    const ao = a.start - start, bo = b.start - start;
    for (let i = 0; i < x.length; i++) out[ao + i] = x[i] * ka;
    for (let i = 0; i < y.length; i++) {
        const v = y[i] * kb;
        if (v > out[bo + i]) out[bo + i] = v;
    }
    return new HourlySeries(start, out);
}

function formatGB(v: NumericValue): string {
    return v.kind === 'quantity' ? `${+(v.value / 8e9).toPrecision(6)} GB` : 'a series';
}

/** A server in a data centre (autoscaling, on-premise or serverless) running jobs. */
export const Server: ClassSpec = {
    className: 'Server',
    extends: ['ServerBase'],
    keyword: 'server',
    article: 'a server',
    description: 'A server that runs jobs: as many instances as the load needs (autoscaling, on-premise or serverless).',
    typicalInputs: [
        'server_type', 'carbon_footprint_fabrication', 'power', 'idle_power', 'lifespan', 'ram', 'compute', 'power_usage_effectiveness',
        'average_carbon_intensity', 'utilization_rate', 'base_ram_consumption', 'base_compute_consumption', 'storage'
    ],
    category: 'Servers',
    inputs: [
        {
            type: 'quantity', name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg',
            default: { value: 600, unit: 'kg', source: 'base_ademe_v19' }, min: 0, description: 'Emissions of making one server.'
        },
        { type: 'quantity', name: 'power', label: 'Power', unit: 'W', default: { value: 300, unit: 'W' }, min: 0, description: 'Power drawn at full load.' },
        ...sharedServerInputs('cpu_core').slice(0, 3),
        { type: 'quantity', name: 'idle_power', label: 'Idle power', unit: 'W', default: { value: 50, unit: 'W' }, min: 0, description: 'Power drawn when idle.' },
        { type: 'quantity', name: 'ram', label: 'RAM', unit: 'GB_ram', default: { value: 128, unit: 'GB_ram' }, min: 0, exclusiveMin: true, description: 'Memory of one instance.' },
        ...sharedServerInputs('cpu_core').slice(3)
    ],
    calculated: serverCalculations('cpu_core')
};

/** A GPU server: power, RAM and fabrication follow from its number of GPUs. */
export const GPUServer: ClassSpec = {
    className: 'GPUServer',
    extends: ['ServerBase'],
    keyword: 'gpu_server',
    article: 'a GPU server',
    description: 'A server with GPUs; its power, RAM and fabrication footprint follow from the number of GPUs.',
    typicalInputs: [
        'server_type', 'compute', 'gpu_power', 'gpu_idle_power', 'ram_per_gpu', 'carbon_footprint_fabrication_without_gpu',
        'carbon_footprint_fabrication_per_gpu', 'lifespan', 'power_usage_effectiveness', 'average_carbon_intensity', 'utilization_rate',
        'storage'
    ],
    category: 'Servers',
    inputs: [
        ...sharedServerInputs('gpu'),
        { type: 'quantity', name: 'gpu_power', label: 'GPU power', unit: 'W/gpu', default: { value: 400, unit: 'W/gpu' }, min: 0, description: 'Power of one GPU at full load.' },
        { type: 'quantity', name: 'gpu_idle_power', label: 'GPU idle power', unit: 'W/gpu', default: { value: 50, unit: 'W/gpu' }, min: 0, description: 'Power of one idle GPU.' },
        { type: 'quantity', name: 'ram_per_gpu', label: 'RAM per GPU', unit: 'GB_ram/gpu', default: { value: 80, unit: 'GB_ram/gpu' }, min: 0, description: 'Memory that comes with each GPU.' },
        {
            type: 'quantity', name: 'carbon_footprint_fabrication_without_gpu', label: 'Carbon footprint without GPU', unit: 'kg',
            default: { value: 2500, unit: 'kg' }, min: 0, description: 'Emissions of making the server without its GPUs.'
        },
        {
            type: 'quantity', name: 'carbon_footprint_fabrication_per_gpu', label: 'Carbon footprint one GPU', unit: 'kg/gpu',
            default: { value: 150, unit: 'kg/gpu' }, min: 0, description: 'Emissions of making one GPU.'
        }
    ],
    calculated: [
        {
            name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg',
            define(server) {
                const operands = own(server, ['carbon_footprint_fabrication_without_gpu', 'carbon_footprint_fabrication_per_gpu', 'compute']);
                const { carbon_footprint_fabrication_without_gpu: without, carbon_footprint_fabrication_per_gpu: perGpu, compute } = operands;
                return formula(operands, 'carbon_footprint_fabrication_without_gpu + compute × carbon_footprint_fabrication_per_gpu',
                    () => add(valueOf(without), multiply(valueOf(compute), valueOf(perGpu))));
            }
        },
        ...(['power', 'idle_power', 'ram'] as const).map((name): CalculatedSpec => {
            const perGpu = { power: 'gpu_power', idle_power: 'gpu_idle_power', ram: 'ram_per_gpu' }[name];
            return {
                name, label: { power: 'Power', idle_power: 'Idle power', ram: 'RAM' }[name], unit: name === 'ram' ? 'GB_ram' : 'W',
                define(server) {
                    const operands = own(server, [perGpu, 'compute']);
                    const { [perGpu]: per, compute } = operands;
                    return formula(operands, `${perGpu} × compute`, () => multiply(valueOf(per), valueOf(compute)));
                }
            };
        }),
        ...serverCalculations('gpu')
    ]
};
