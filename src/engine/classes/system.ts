import type { ClassSpec } from './class-spec.js';
import { valueOf } from './formula-helpers.js';
import { weightedSum } from '../model/values.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/**
 * e-footprint rounds the hourly total to 4 decimals of a kilogram on float32 values (numpy's round:
 * scale in float32, round half to even, scale back); done the same way so that totals on a rounding
 * boundary round to the same side.
 */
function roundAllToTenthOfGram(values: Float64Array): void {
    for (let i = 0; i < values.length; i++) {
        const scaled = Math.fround(Math.fround(values[i]) * 1e4);
        const up = Math.floor(scaled + 0.5); // half up...
        // ...but half to even, as numpy
        values[i] = (up - scaled === 0.5 && up % 2 !== 0 ? up - 1 : up) * 1e-4; // (a product: divisions are slow)
    }
}

/** The system: its usage patterns, and through them every server, storage, network and device. */
export const System: ClassSpec = {
    className: 'System',
    keyword: 'system',
    article: 'a system',
    description: 'The digital service modeled: its usage patterns and everything they use.',
    inputs: [
        { type: 'refs', name: 'usage_patterns', label: 'Usage patterns', classes: ['UsagePattern'], description: 'Usage patterns of the service.' },
        { type: 'refs', name: 'edge_usage_patterns', label: 'Edge usage patterns', classes: ['EdgeUsagePattern'], description: 'Usage patterns of edge devices (not supported yet).' }
    ],
    calculated: [
        {
            name: 'total_footprint', label: 'Total carbon footprint', unit: 'kg',
            define(system, model) {
                const members = model.relations.footprintObjects(system);
                const parts = members.flatMap(o => [model.node(o, 'instances_fabrication_footprint'), model.node(o, 'energy_footprint')]);
                return {
                    operands: parts,
                    formula: 'Σ over servers, storage, networks and devices of instances_fabrication_footprint + energy_footprint, rounded to 0.1 g',
                    compute() {
                        // a fresh sum (weightedSum never returns an operand's array), rounded in place
                        const total = weightedSum(parts.map(p => [valueOf(p), 1] as const), MASS);
                        if (total.kind === 'hourly') roundAllToTenthOfGram(total.series.values);
                        return total;
                    }
                };
            }
        }
    ]
};
