import type { ClassSpec } from '../../model/class-spec.js';
import { itemOf, mapItems, valueOf } from '../../formulas/formula-values.js';
import { onEach, own } from '../../formulas/operands.js';
import { add, EMPTY, sum, ValueError } from '../../model/values.js';
import { componentInputs, footprintCalculations, product } from './edge-component.js';

/** The storage of an edge device (flash, SSD): its fabrication follows its capacity; it draws no power. */
export const EdgeStorage: ClassSpec = {
    className: 'EdgeStorage',
    extends: ['EdgeComponent'],
    keyword: 'edge_storage',
    article: 'an edge storage',
    description: 'The storage of an edge device: fabrication per capacity; it must hold the data its needs write.',
    typicalInputs: ['storage_capacity_per_unit', 'base_storage_need'],
    inputs: [
        // e-footprint fixes these three at 0 for a storage but writes them in its files
        ...componentInputs({ fabrication: 0, power: 0, lifespan: true, idle: 0 }),
        {
            type: 'quantity', name: 'carbon_footprint_fabrication_per_storage_capacity', label: 'Fabrication carbon footprint per unit per storage capacity',
            unit: 'kg/TB_stored', default: { value: 160, unit: 'kg/TB_stored' }, min: 0, description: 'Emissions of making one terabyte of capacity.'
        },
        {
            type: 'quantity', name: 'storage_capacity_per_unit', label: 'Storage capacity per unit', unit: 'TB_stored', default: { value: 1, unit: 'TB_stored' },
            min: 0, exclusiveMin: true, description: 'Capacity of one unit.'
        },
        {
            type: 'quantity', name: 'base_storage_need', label: 'Initial storage need', unit: 'GB_stored', default: { value: 30, unit: 'GB_stored' }, min: 0,
            description: 'Data always stored (system files, base assets).'
        }
    ],
    calculated: [
        product('storage_capacity', 'Storage capacity', 'TB_stored', 'storage_capacity_per_unit', 'nb_of_units'),
        {
            name: 'cumulative_unitary_storage_need_per_usage_pattern', label: 'Cumulative storage need', unit: 'TB_stored',
            min: 0,
            itemLabel: p => `Cumulative storage need for ${p.name}`,
            define(storage, model) {
                const patterns = model.relations.edge.patternsOfComponent(storage);
                const needs = model.relations.edge.needsOfComponent(storage);
                const held = onEach(needs, 'cumulative_unitary_storage_need_per_usage_pattern');
                const mine = own(storage, ['base_storage_need', 'storage_capacity']);
                const { base_storage_need: base, storage_capacity: capacity } = mine;
                return {
                    operands: { cumulative_unitary_storage_need_per_usage_pattern: held, ...mine },
                    formula: 'Σ over the storage needs of cumulative_unitary_storage_need_per_usage_pattern + base_storage_need, between 0 and storage_capacity',
                    compute: () => mapItems(patterns, p => {
                        const total = sum(held.map(h => itemOf(h, p)));
                        if (total.kind === 'empty') return EMPTY;
                        const withBase = add(total, valueOf(base));
                        const cap = valueOf(capacity);
                        if (withBase.kind === 'hourly') {
                            if (withBase.series.min() < 0) throw new ValueError(`the data stored goes below 0 in ${p.name}: the needs delete more than they wrote; raise base_storage_need`);
                            if (cap.kind === 'quantity' && withBase.series.max() > cap.value * (1 + 1e-9)) {
                                throw new ValueError(`the data stored in ${p.name} goes above storage_capacity`);
                            }
                        }
                        return withBase;
                    })
                };
            }
        },
        product('carbon_footprint_fabrication', 'Carbon footprint', 'kg', 'carbon_footprint_fabrication_per_storage_capacity', 'storage_capacity'),
        {
            // e-footprint neglects the power of edge storage
            name: 'unitary_power_per_usage_pattern', label: 'Unitary power', unit: 'W', itemLabel: p => `Unitary power for ${p.name}`,
            emptyBecause: 'e-footprint does not model it',
            define: (storage, model) => ({
                operands: {}, formula: 'none: e-footprint neglects what an edge storage draws',
                compute: () => mapItems(model.relations.edge.patternsOfComponent(storage), () => EMPTY)
            })
        },
        ...footprintCalculations()
    ]
};
