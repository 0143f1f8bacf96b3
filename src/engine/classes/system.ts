import type { ClassSpec } from './class-spec.js';
import { valueOf } from './formula-helpers.js';
import { sum } from '../model/values.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/**
 * e-footprint rounds the hourly total to 4 decimals of a kilogram on float32 values (numpy's round:
 * scale in float32, round half to even, scale back); done the same way so that totals on a rounding
 * boundary round to the same side.
 */
function roundToTenthOfGram(kg: number): number {
    const scaled = Math.fround(Math.fround(kg) * 1e4);
    let rounded = Math.round(scaled); // half up...
    if (rounded - scaled === 0.5 && rounded % 2 !== 0) rounded -= 1; // ...but half to even, as numpy
    return Math.fround(rounded / 1e4);
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
                        const total = sum(parts.map(valueOf), MASS);
                        if (total.kind !== 'hourly') return total;
                        const v = total.series.values;
                        for (let i = 0; i < v.length; i++) v[i] = roundToTenthOfGram(v[i]);
                        return total;
                    }
                };
            }
        }
    ]
};
