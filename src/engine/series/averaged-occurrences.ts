import { HourlySeries } from './hourly-series.js';
import { newValues } from './series-memory.js';

/**
 * e-footprint's averaged occurrences: how many events of duration `durationHours` are in progress in
 * each hour, given `starts[h]` events starting in hour h. With D = F + r (F whole hours, r the rest):
 * the starts convolved with F ones, plus the fraction r of each hour's starts spilling into the hour F
 * after it. Computed with a sliding window (O(n) whatever F), where e-footprint uses an FFT.
 * Returns undefined (e-footprint's "no value") for a zero duration.
 */
export function averagedOccurrences(starts: HourlySeries, durationHours: number): HourlySeries | undefined {
    if (durationHours === 0) return undefined;
    const whole = Math.floor(durationHours);
    const rest = durationHours - whole;
    // the convolution is linear: computed on the base array, the factor carried over (a negative
    // factor would turn the clipping of negative values around, so it is applied first)
    const factor = starts.factor >= 0 ? starts.factor : 1;
    const x = factor === starts.factor ? starts.base : starts.values;
    const n = x.length;
    if (whole === 0) {
        return starts.scale(rest);
    }
    const length = rest > 0 ? n + whole : n + whole - 1;
    const y = newValues(length);
    // y[i] = sum of x[j] for j in (i - whole, i], restricted to the series
    let window = 0;
    for (let i = 0; i < n + whole - 1; i++) {
        if (i < n) window += x[i];
        const leaving = i - whole;
        if (leaving >= 0) window -= x[leaving];
        y[i] = window;
    }
    if (rest > 0) {
        for (let j = 0; j < n; j++) y[j + whole] += rest * x[j];
    }
    for (let i = 0; i < length; i++) if (y[i] < 0) y[i] = 0;
    return new HourlySeries(starts.start, y, factor);
}
