import type { CalculatedSpec, ClassSpec, InputSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { own } from '../../formulas/operands.js';
import { add, divide, subtract, ValueError } from '../../model/values.js';
import { componentInputs, footprintCalculations, loadPerPattern, perUnitTotals, product, unitaryPower } from './edge-component.js';

/** What a CPU computes from compute_per_unit, base_compute_consumption and its needs (shared with an edge computer's CPU). */
export function cpuCalculations(): CalculatedSpec[] {
    return [
        product('compute', 'Compute', 'cpu_core', 'compute_per_unit', 'nb_of_units'),
        {
            name: 'available_compute_per_instance', label: 'Available compute per instance', unit: 'cpu_core',
            define(cpu) {
                const operands = own(cpu, ['compute', 'base_compute_consumption']);
                const { compute, base_compute_consumption: base } = operands;
                return {
                    operands, formula: 'compute − base_compute_consumption',
                    compute() {
                        const available = subtract(valueOf(compute), valueOf(base));
                        if (available.kind === 'quantity' && available.value < 0) throw new ValueError('base_compute_consumption is more than the CPU\'s compute');
                        return available;
                    }
                };
            }
        },
        loadPerPattern('unitary_hourly_compute_need_per_usage_pattern', 'Hourly compute need', 'cpu_core', 'unitary_hourly_need_per_usage_pattern', 'available_compute_per_instance'),
        ...perUnitTotals(),
        unitaryPower('unitary_hourly_compute_need_per_usage_pattern', '(unitary_hourly_compute_need_per_usage_pattern + base_compute_consumption) / compute', ['base_compute_consumption', 'compute'],
            (load, [base, compute]) => divide(add(load, base), compute)),
        ...footprintCalculations()
    ];
}

export const cpuOwnInputs: InputSpec[] = [
    {
        type: 'quantity', name: 'compute_per_unit', label: 'Compute per unit', unit: 'cpu_core', default: { value: 4, unit: 'cpu_core' }, min: 0, exclusiveMin: true,
        description: 'Cores of one unit.'
    },
    {
        type: 'quantity', name: 'base_compute_consumption', label: 'Base compute consumption', unit: 'cpu_core', default: { value: 0, unit: 'cpu_core' }, min: 0,
        description: 'Cores always in use, whatever the recurrent needs.'
    }
];

/** The CPU of a custom edge device. */
export const EdgeCPUComponent: ClassSpec = {
    className: 'EdgeCPUComponent',
    extends: ['EdgeComponent'],
    keyword: 'edge_cpu_component',
    article: 'an edge CPU component',
    description: 'The CPU of an edge device: its power follows the cores in use.',
    inputs: [...componentInputs({ fabrication: 20, power: 15, lifespan: true, idle: 3 }), ...cpuOwnInputs],
    calculated: cpuCalculations()
};
