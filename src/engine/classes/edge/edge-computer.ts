import type { CalculatedSpec, ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { fromDevice } from './from-device.js';
import { computerComponentsValidation } from './builder-validation.js';
import { componentInputs } from './edge-component.js';
import { cpuCalculations } from './edge-cpu-component.js';
import { ramCalculations } from './edge-ram-component.js';
import { componentsInput, edgeDeviceCalculations } from './edge-device.js';

/** A value an edge computer's own CPU or RAM takes from the computer (e-footprint's copies). */
function fromComputer(name: string, label: string, unit: string, attribute: string): CalculatedSpec {
    return fromDevice('EdgeComputer', name, label, unit, attribute);
}

/** The CPU of an edge computer: its cores, power and lifespan are the computer's. */
export const EdgeComputerCPUComponent: ClassSpec = {
    className: 'EdgeComputerCPUComponent',
    extends: ['EdgeCPUComponent'],
    keyword: 'edge_computer_cpu_component',
    article: 'an edge computer CPU component',
    description: 'The CPU of an edge computer; its cores, power and lifespan come from the computer.',
    inputs: componentInputs({ fabrication: 0 }),
    calculated: [
        fromComputer('compute_per_unit', 'Compute per unit', 'cpu_core', 'compute'),
        fromComputer('base_compute_consumption', 'Base compute consumption', 'cpu_core', 'base_compute_consumption'),
        fromComputer('lifespan', 'Lifespan', 'year', 'lifespan'),
        fromComputer('power_per_unit', 'Power per unit', 'W', 'power'),
        fromComputer('idle_power_per_unit', 'Idle power per unit', 'W', 'idle_power'),
        ...cpuCalculations()
    ]
};

/** The RAM of an edge computer: its memory and lifespan are the computer's (its power is its own, 0 by default). */
export const EdgeComputerRAMComponent: ClassSpec = {
    className: 'EdgeComputerRAMComponent',
    extends: ['EdgeRAMComponent'],
    keyword: 'edge_computer_ram_component',
    article: 'an edge computer RAM component',
    description: 'The RAM of an edge computer; its memory and lifespan come from the computer.',
    inputs: componentInputs({ fabrication: 0, power: 0, idle: 0 }),
    calculated: [
        fromComputer('ram_per_unit', 'RAM per unit', 'GB_ram', 'ram'),
        fromComputer('base_ram_consumption', 'Base RAM consumption', 'GB_ram', 'base_ram_consumption'),
        fromComputer('lifespan', 'Lifespan', 'year', 'lifespan'),
        ...ramCalculations()
    ]
};

/**
 * A computer-like edge device described by its totals (power, RAM, cores, fabrication) and a storage. Its
 * components are its CPU, its RAM and the storage: left out, efp creates the CPU and RAM as e-footprint's
 * builder does (builder-parts.ts); written (edge_computer_cpu_component / edge_computer_ram_component, as an
 * import keeps them with their ids), they are checked (builder-validation.ts).
 */
export const EdgeComputer: ClassSpec = {
    className: 'EdgeComputer',
    extends: ['EdgeDevice'],
    keyword: 'edge_computer',
    article: 'an edge computer',
    description: 'An edge computer: CPU, RAM and storage; its fabrication footprint is booked as its structure\'s.',
    typicalInputs: ['components', 'storage', 'power', 'idle_power', 'compute'],
    category: 'EdgeDevices',
    inputs: [
        {
            type: 'quantity', name: 'lifespan', label: 'Lifespan', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true,
            description: 'How long a computer is used before it is replaced.'
        },
        {
            ...componentsInput, classes: ['EdgeComputerCPUComponent', 'EdgeComputerRAMComponent', 'EdgeStorage'],
            description: 'Its CPU, RAM and storage; left out, efp creates the CPU and RAM as e-footprint does.'
        },
        { type: 'ref', name: 'storage', label: 'Storage', classes: ['EdgeStorage'], description: 'The computer\'s storage (also one of its components).' },
        {
            type: 'quantity', name: 'carbon_footprint_fabrication', label: 'Carbon footprint fabrication', unit: 'kg', default: { value: 60, unit: 'kg' }, min: 0,
            description: 'Emissions of making one computer.'
        },
        { type: 'quantity', name: 'power', label: 'Power', unit: 'W', default: { value: 30, unit: 'W' }, min: 0, description: 'Power drawn at full load.' },
        { type: 'quantity', name: 'idle_power', label: 'Idle power', unit: 'W', default: { value: 5, unit: 'W' }, min: 0, description: 'Power drawn when idle.' },
        { type: 'quantity', name: 'ram', label: 'RAM', unit: 'GB_ram', default: { value: 8, unit: 'GB_ram' }, min: 0, exclusiveMin: true, description: 'Memory of one computer.' },
        { type: 'quantity', name: 'compute', label: 'Compute', unit: 'cpu_core', default: { value: 4, unit: 'cpu_core' }, min: 0, exclusiveMin: true, description: 'Cores of one computer.' },
        {
            type: 'quantity', name: 'base_ram_consumption', label: 'Base RAM consumption', unit: 'GB_ram', default: { value: 1, unit: 'GB_ram' }, min: 0,
            description: 'Memory always in use (operating system, base processes).'
        },
        {
            type: 'quantity', name: 'base_compute_consumption', label: 'Base compute consumption', unit: 'cpu_core', default: { value: 0, unit: 'cpu_core' }, min: 0,
            description: 'Cores always in use, whatever the processes.'
        }
    ],
    calculated: [
        {
            name: 'structure_carbon_footprint_fabrication', label: 'Structure fabrication carbon footprint', unit: 'kg',
            define(computer) {
                const fabrication = nodeOf(computer, 'carbon_footprint_fabrication');
                return { operands: { carbon_footprint_fabrication: fabrication }, formula: 'carbon_footprint_fabrication (its CPU and RAM have none of their own)', compute: () => valueOf(fabrication) };
            }
        },
        computerComponentsValidation,
        ...edgeDeviceCalculations
    ]
};
