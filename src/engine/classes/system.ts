import type { ClassSpec } from '../model/class-spec.js';
import { valueOf } from '../formulas/formula-values.js';
import { onEach } from '../formulas/operands.js';
import { hourly, weightedSum, type Hourly } from '../model/values.js';
import { combineArrays, HourlySeries } from '../series/hourly-series.js';
import { keptValues, newValues } from '../series/series-memory.js';
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

/**
 * The system's hourly sum before rounding, kept between evaluations: after one input changes, usually
 * one or two footprints differ, and the sum is corrected by their differences instead of being
 * summed again. Values replaced in an evaluation stay readable until it ends (the model recycles their
 * arrays then), and arrays are never changed once they are values, so the old terms are still right.
 * Every so often the sum is recomputed in full so that rounding errors cannot pile up.
 */
class IncrementalSum {
    private unrounded: Float64Array | undefined;
    private bases: Float64Array[] = [];
    private factors: number[] = [];
    private updates = 0;

    reset(): void {
        this.unrounded = undefined;
        this.bases = [];
    }

    /** The rounded total of `series` (equally long), in a new array from the pool. */
    total(series: readonly HourlySeries[]): Float64Array {
        const n = series[0].length;
        const out = newValues(n, false);
        const changed: number[] = [];
        const comparable = this.bases.length === series.length && this.updates < 64;
        if (comparable) {
            series.forEach((s, j) => {
                if (s.base !== this.bases[j] || s.factor !== this.factors[j]) changed.push(j);
            });
        }
        if (comparable && changed.length <= 2) {
            // after a change: the previous sum (kept from the first recomputation on), corrected
            const sum = this.unrounded ?? this.sumOf(this.bases.map((b, j) => new HourlySeries(series[0].start, b, this.factors[j])));
            for (const j of changed) {
                const now = series[j].base, before = this.bases[j], kNow = series[j].factor, kBefore = this.factors[j];
                for (let i = 0; i < n; i++) sum[i] += kNow * now[i] - kBefore * before[i];
            }
            this.unrounded = sum;
            this.updates++;
            for (let i = 0; i < n; i++) out[i] = roundToTenthOfGram(sum[i]);
        } else {
            // a full evaluation: summed straight into the result, no sum kept until something changes
            combineArrays(out, series.map(s => s.base), series.map(s => s.factor));
            roundAllToTenthOfGram(out);
            this.unrounded = undefined;
            this.updates = 0;
        }
        this.bases = series.map(s => s.base);
        this.factors = series.map(s => s.factor);
        return out;
    }

    private sumOf(series: readonly HourlySeries[]): Float64Array {
        // kept across evaluations, so outside the array pool
        const sum = keptValues(series[0].length);
        combineArrays(sum, series.map(s => s.base), series.map(s => s.factor));
        return sum;
    }
}

/** The system: its usage patterns, and through them every server, storage, network and device. */
export const System: ClassSpec = {
    className: 'System',
    extends: ['ModelingObject'],
    keyword: 'system',
    article: 'a system',
    description: 'The digital service modeled: its usage patterns and everything they use.',
    typicalInputs: ['usage_patterns'],
    inputs: [
        {
            type: 'refs', name: 'usage_patterns', label: 'Usage patterns', classes: ['UsagePattern'], description: 'Usage patterns of the service.',
            // a system of edge devices or of measured runs only has none
            requiredUnless: ['edge_usage_patterns', 'measurements']
        },
        { type: 'refs', name: 'edge_usage_patterns', label: 'Edge usage patterns', classes: ['EdgeUsagePattern'], description: 'Edge usage patterns: fleets of edge devices.' },
        // efp's addition: e-footprint has no measured runs
        { type: 'refs', name: 'measurements', label: 'Measurements', classes: ['Measurement'], efpOnly: true, description: 'Runs measured by CodeCarbon whose emissions the system counts.' }
    ],
    calculated: [
        {
            name: 'total_footprint', label: 'Total carbon footprint', unit: 'kg',
            define(system, model) {
                const members = model.relations.footprintObjects(system);
                const fabrication = onEach(members, 'instances_fabrication_footprint');
                const energy = onEach(members, 'energy_footprint');
                // summed object by object, fabrication then energy: the order of a sum decides its last bits
                const parts = members.flatMap((_, i) => [fabrication[i], energy[i]]);
                const sum = new IncrementalSum();
                return {
                    operands: { instances_fabrication_footprint: fabrication, energy_footprint: energy },
                    operandOrder: parts,
                    formula: 'Σ over servers, storage, external APIs, networks, devices, edge devices and measurements of instances_fabrication_footprint + energy_footprint, rounded to 0.1 g',
                    compute() {
                        const values = parts.map(valueOf);
                        const series = values.filter((v): v is Hourly => v.kind === 'hourly').map(v => v.series);
                        if (series.length > 0 && values.every(v => v.kind !== 'quantity')
                            && series.every(x => x.start === series[0].start && x.length === series[0].length)) {
                            // the usual case, every footprint over the same hours
                            return hourly(new HourlySeries(series[0].start, sum.total(series)), MASS);
                        }
                        sum.reset();
                        // a fresh sum (weightedSum never returns an operand's array), rounded in place
                        const total = weightedSum(values.map(v => [v, 1] as const), MASS, true);
                        if (total.kind === 'hourly') roundAllToTenthOfGram(total.series.base);
                        return total;
                    }
                };
            }
        }
    ]
};
