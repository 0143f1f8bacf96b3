import type { CalculatedSpec, ClassSpec, InputSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { own } from '../../formulas/operands.js';
import { add, divide, subtract, ValueError } from '../../model/values.js';
import { componentInputs, footprintCalculations, loadPerPattern, perUnitTotals, product, unitaryPower } from './edge-component.js';

/** What a RAM component computes from ram_per_unit, base_ram_consumption and its needs (shared with an edge computer's RAM). */
export function ramCalculations(): CalculatedSpec[] {
    return [
        product('ram', 'RAM', 'GB_ram', 'ram_per_unit', 'nb_of_units'),
        {
            name: 'available_ram_per_instance', label: 'Available RAM per instance', unit: 'GB_ram',
            define(component) {
                const operands = own(component, ['ram', 'base_ram_consumption']);
                const { ram, base_ram_consumption: base } = operands;
                return {
                    operands, formula: 'ram − base_ram_consumption',
                    compute() {
                        const available = subtract(valueOf(ram), valueOf(base));
                        if (available.kind === 'quantity' && available.value < 0) throw new ValueError('base_ram_consumption is more than the component\'s RAM');
                        return available;
                    }
                };
            }
        },
        loadPerPattern('unitary_hourly_ram_need_per_usage_pattern', 'Hourly RAM need', 'GB_ram', 'unitary_hourly_need_per_usage_pattern', 'available_ram_per_instance'),
        ...perUnitTotals(),
        unitaryPower('unitary_hourly_ram_need_per_usage_pattern', '(unitary_hourly_ram_need_per_usage_pattern + base_ram_consumption) / ram', ['base_ram_consumption', 'ram'],
            (load, [base, ram]) => divide(add(load, base), ram)),
        ...footprintCalculations()
    ];
}

export const ramOwnInputs: InputSpec[] = [
    {
        type: 'quantity', name: 'ram_per_unit', label: 'RAM per unit', unit: 'GB_ram', default: { value: 8, unit: 'GB_ram' }, min: 0, exclusiveMin: true,
        description: 'Memory of one unit.'
    },
    {
        type: 'quantity', name: 'base_ram_consumption', label: 'Base RAM consumption', unit: 'GB_ram', default: { value: 1, unit: 'GB_ram' }, min: 0,
        description: 'Memory always in use (operating system, base processes).'
    }
];

/** The memory of a custom edge device. */
export const EdgeRAMComponent: ClassSpec = {
    className: 'EdgeRAMComponent',
    extends: ['EdgeComponent'],
    keyword: 'edge_ram_component',
    article: 'an edge RAM component',
    description: 'The memory of an edge device: its power follows the memory in use.',
    inputs: [...componentInputs({ fabrication: 20, power: 10, lifespan: true, idle: 2 }), ...ramOwnInputs],
    calculated: ramCalculations()
};
