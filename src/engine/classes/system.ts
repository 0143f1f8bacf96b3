import type { ClassSpec } from './class-spec.js';
import { valueOf } from './formula-helpers.js';
import { hourly, weightedSum, type Hourly } from '../model/values.js';
import { combineArrays, HourlySeries } from '../series/hourly-series.js';
import { newValues } from '../series/series-memory.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/**
 * e-footprint rounds the hourly total to 4 decimals of a kilogram on float32 values (numpy's round:
 * scale in float32, round half to even, scale back); done the same way so that totals on a rounding
 * boundary round to the same side.
 */
function roundToTenthOfGram(kg: number): number {
    const scaled = Math.fround(Math.fround(kg) * 1e4);
    const up = Math.floor(scaled + 0.5); // half up...
    // ...but half to even, as numpy; a product rather than a division, which is slow
    return (up - scaled === 0.5 && up % 2 !== 0 ? up - 1 : up) * 1e-4;
}

function roundAllToTenthOfGram(values: Float64Array): void {
    for (let i = 0; i < values.length; i++) values[i] = roundToTenthOfGram(values[i]);
}

/** Σ of equally long arrays, rounded: the sum in passes of three arrays, then one rounding pass. */
function roundedSum(series: readonly HourlySeries[]): Float64Array {
    const out = newValues(series[0].length, false);
    combineArrays(out, series.map(s => s.base), series.map(s => s.factor));
    roundAllToTenthOfGram(out);
    return out;
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
                        const values = parts.map(valueOf);
                        const series = values.filter((v): v is Hourly => v.kind === 'hourly').map(v => v.series);
                        if (series.length > 0 && values.every(v => v.kind !== 'quantity')
                            && series.every(x => x.start === series[0].start && x.length === series[0].length)) {
                            // the usual case, every footprint over the same hours: sum and round in one pass
                            return hourly(new HourlySeries(series[0].start, roundedSum(series)), MASS);
                        }
                        // a fresh sum (weightedSum never returns an operand's array), rounded in place
                        const total = weightedSum(values.map(v => [v, 1] as const), MASS);
                        if (total.kind === 'hourly') roundAllToTenthOfGram(total.series.base);
                        return total;
                    }
                };
            }
        }
    ]
};
