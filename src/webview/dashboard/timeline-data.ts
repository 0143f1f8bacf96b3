import type { FootprintCategory, Phase } from '../../engine/presentation.js';
import type { Resolution, SeriesSplit } from './messages.js';
import { calendarBuckets, resample, type TimeBuckets } from './resample.js';
import type { HourlySeries } from './series-decode.js';
import { categoryLabel, phaseLabel, PHASES } from './vocabulary.js';

/** One band of the stacked footprint-over-time chart: a category or a phase, kg CO2e per bucket. */
export interface TimelineLayer {
    readonly key: FootprintCategory | Phase;
    readonly label: string;
    readonly values: Float64Array;
}

export interface TimelineData {
    readonly resolution: Resolution;
    readonly buckets: TimeBuckets;
    /** First hour after the period (where the last bucket ends), hours since the epoch. */
    readonly end: number;
    readonly layers: readonly TimelineLayer[];
}

/**
 * A system's hourly series added up by category (both phases) or by phase (all categories), then
 * summed over the buckets of the resolution.
 */
export function timelineData(series: readonly HourlySeries[], periodStart: number, hours: number, resolution: Resolution, split: SeriesSplit): TimelineData {
    const hourly = new Map<FootprintCategory | Phase, Float64Array>();
    for (const s of series) {
        const key = split === 'category' ? s.category : s.phase;
        let sum = hourly.get(key);
        if (!sum) hourly.set(key, (sum = new Float64Array(hours)));
        const n = Math.min(hours, s.values.length);
        for (let i = 0; i < n; i++) sum[i] += s.values[i];
    }
    // phases in life-cycle order; categories in the server's (e-footprint's) order
    const keys = split === 'phase' ? PHASES.filter(p => hourly.has(p)) : [...hourly.keys()];
    const buckets = calendarBuckets(periodStart, hours, resolution);
    return {
        resolution,
        buckets,
        end: periodStart + hours,
        layers: keys.map(key => ({
            key,
            label: split === 'phase' ? phaseLabel(key as Phase) : categoryLabel(key as FootprintCategory),
            values: resample(hourly.get(key)!, buckets)
        }))
    };
}

/** Running sums of the layers, bottom first: what a stacked area chart draws as each band's top edge. */
export function stackLayers(layers: readonly TimelineLayer[]): Float64Array[] {
    const stacked: Float64Array[] = [];
    let below: Float64Array | undefined;
    for (const layer of layers) {
        const top = new Float64Array(layer.values.length);
        for (let i = 0; i < top.length; i++) top[i] = layer.values[i] + (below ? below[i] : 0);
        stacked.push(top);
        below = top;
    }
    return stacked;
}
