import type { ExprDescription } from '../model/description.js';
import { dailyFluctuation, linearGrowth, sinusoidalFluctuation } from '../series/builders.js';

/**
 * Recognises the builder expression that produced an hourly series, so that an import writes
 * `(linear_growth(5000, 100000) + sinusoidal(amplitude: 3000, period: 90 day)) * daily_fluctuation(scale: 0.8, min_hour: 4)`
 * where e-footprint's JSON holds 26,298 float32 values. e-footprint's own examples build their journey
 * starts from the same three shapes (a linear trend, a slow sinusoidal swing added to it, a daily cycle
 * multiplying both), so those are the shapes tried; anything else is left as values.
 *
 * The parameters are estimated from the values, rounded to the fewest significant digits that still
 * reproduce them, and the expression is accepted only if efp's own builders, evaluated as the model
 * would, give back every value within float32 precision (1e-6 of the series' largest value): a
 * recognised series evaluates to the numbers the file holds.
 */

/** Within float32 precision of the series' scale: e-footprint stores hourly values as float32. */
const TOLERANCE = 1e-6;
/** Series shorter than two days are written as values: short enough to read, too short to estimate a daily cycle. */
const MIN_HOURS = 48;
/** The longest period tried for a sinusoidal swing, in days. */
const MAX_PERIOD_DAYS = 731;
/** Points the period scan looks at: a sample keeps it linear in the series' length. */
const SCAN_POINTS = 4096;

export interface RecognisedSeries {
    readonly expr: ExprDescription;
}

interface Trend { readonly from: number; readonly to: number; readonly amplitude: number; readonly periodDays: number }
interface Daily { readonly scale: number; readonly minHour: number }

/** A number rounded to `digits` significant digits, as a plain decimal. */
function rounded(x: number, digits: number): number {
    return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/** The values the expression gives, computed as the model computes it (float64, the same builders). */
function evaluate(start: number, length: number, trend: Trend, daily: Daily | undefined): Float64Array {
    const line = linearGrowth(start, length, trend.from, trend.to).values;
    const out = new Float64Array(length);
    out.set(line);
    if (trend.amplitude !== 0) {
        const swing = sinusoidalFluctuation(start, length, trend.amplitude, trend.periodDays * 24).values;
        for (let t = 0; t < length; t++) out[t] += swing[t];
    }
    if (daily) {
        const cycle = dailyFluctuation(start, length, daily.scale, daily.minHour).values;
        for (let t = 0; t < length; t++) out[t] *= cycle[t];
    }
    return out;
}

function reproduces(values: ArrayLike<number>, candidate: Float64Array, scale: number): boolean {
    const tolerance = TOLERANCE * scale;
    for (let t = 0; t < values.length; t++) {
        if (!(Math.abs(candidate[t] - values[t]) <= tolerance)) return false;
    }
    return true;
}

/**
 * The daily cycle's depth and lowest hour, from each hour of the day's value relative to the day's
 * average (a centred 24-hour mean): lowest at `min_hour`, `1 − scale` there and `1 + scale` twelve hours later.
 */
function estimateDaily(values: ArrayLike<number>, start: number): Daily | undefined {
    const n = values.length;
    const ratio = new Float64Array(24);
    const count = new Float64Array(24);
    let window = 0;
    for (let t = 0; t < 24; t++) window += values[t];
    for (let t = 12; t + 12 < n; t++) {
        // window holds values[t - 12 .. t + 11]
        const mean = window / 24;
        if (mean > 0) {
            const hour = (((start + t) % 24) + 24) % 24;
            ratio[hour] += values[t] / mean;
            count[hour]++;
        }
        window += values[t + 12] - values[t - 12];
    }
    let low = 0, high = 0;
    for (let h = 0; h < 24; h++) {
        if (count[h] === 0) return undefined;
        ratio[h] /= count[h];
        if (ratio[h] < ratio[low]) low = h;
        if (ratio[h] > ratio[high]) high = h;
    }
    const scale = (ratio[high] - ratio[low]) / 2;
    if (scale < 1e-4) return undefined;
    return { scale, minHour: low };
}

/**
 * The line from g(0) to g(n−1), then `from + (to − from)·t/(n−1) + amplitude·sin(2πt/period)` fitted
 * to `g` by least squares for each period of whole days, on a sample of the hours (the best period
 * wins). `from` is g(0), where the sine is zero.
 */
function estimateTrends(g: Float64Array): Trend[] {
    const n = g.length;
    const from = g[0];
    // the line alone first: a swing fitted to float32 noise would reproduce the values too
    const line: Trend = { from, to: g[n - 1], amplitude: 0, periodDays: 1 };
    let best: Trend | undefined;
    let bestError = Infinity;
    const stride = Math.max(1, Math.ceil(n / SCAN_POINTS));
    const maxDays = Math.min(MAX_PERIOD_DAYS, Math.floor(n / 24));
    for (let days = 1; days <= maxDays; days++) {
        const w = (2 * Math.PI) / (days * 24);
        let tt = 0, ss = 0, ts = 0, ty = 0, sy = 0;
        for (let t = 0; t < n; t += stride) {
            const s = Math.sin(w * t);
            const y = g[t] - from;
            tt += t * t; ss += s * s; ts += t * s; ty += t * y; sy += s * y;
        }
        const det = tt * ss - ts * ts;
        if (!(Math.abs(det) > 0)) continue;
        const slope = (ty * ss - sy * ts) / det;
        const amplitude = (tt * sy - ts * ty) / det;
        let error = 0;
        for (let t = 0; t < n; t += stride) error += (g[t] - from - slope * t - amplitude * Math.sin(w * t)) ** 2;
        if (error < bestError) {
            bestError = error;
            best = { from, to: from + slope * (n - 1), amplitude, periodDays: days };
        }
    }
    return best ? [line, best] : [line];
}

/** The estimate with each parameter rounded to the fewest digits that still reproduce the values. */
function roundedTrend(values: ArrayLike<number>, start: number, trend: Trend, daily: Daily | undefined, scale: number): Trend | undefined {
    for (let digits = 1; digits <= 8; digits++) {
        const candidate: Trend = {
            from: rounded(trend.from, digits), to: rounded(trend.to, digits),
            amplitude: rounded(trend.amplitude, digits), periodDays: trend.periodDays
        };
        if (reproduces(values, evaluate(start, values.length, candidate, daily), scale)) return candidate;
    }
    return undefined;
}

function num(value: number, unit?: string): ExprDescription {
    return { kind: 'number', value, ...(unit ? { unit } : {}) };
}

function expression(trend: Trend, daily: Daily | undefined): ExprDescription {
    let expr: ExprDescription = trend.from === trend.to && trend.amplitude === 0 ? num(trend.from)
        : { kind: 'call', function: 'linear_growth', args: [{ value: num(trend.from) }, { value: num(trend.to) }] };
    if (trend.amplitude !== 0) {
        const swing: ExprDescription = {
            kind: 'call', function: 'sinusoidal',
            args: [{ name: 'amplitude', value: num(trend.amplitude) }, { name: 'period', value: num(trend.periodDays, 'day') }]
        };
        expr = { kind: 'binary', operator: '+', left: expr, right: swing };
    }
    if (daily) {
        const cycle: ExprDescription = {
            kind: 'call', function: 'daily_fluctuation',
            args: [{ name: 'scale', value: num(daily.scale) }, { name: 'min_hour', value: num(daily.minHour) }]
        };
        expr = { kind: 'binary', operator: '*', left: expr, right: cycle };
    }
    return expr;
}

/**
 * The builder expression that gives `values` (plain numbers, hourly from `start`, hours since the epoch,
 * over the model's whole period), or undefined when none of the shapes does within float32 precision.
 */
export function recogniseSeries(values: ArrayLike<number>, start: number): RecognisedSeries | undefined {
    const n = values.length;
    if (n < MIN_HOURS) return undefined;
    let scale = 0;
    for (let t = 0; t < n; t++) {
        if (!Number.isFinite(values[t])) return undefined;
        scale = Math.max(scale, Math.abs(values[t]));
    }
    if (scale === 0) return { expr: num(0) };
    const estimated = estimateDaily(values, start);
    const dailies: Array<Daily | undefined> = [];
    if (estimated) {
        for (let digits = 1; digits <= 4; digits++) dailies.push({ scale: rounded(estimated.scale, digits), minHour: estimated.minHour });
    } else {
        dailies.push(undefined);
    }
    for (const daily of dailies) {
        if (daily && !(daily.scale > 0 && daily.scale <= 1)) continue;
        const cycle = daily ? dailyFluctuation(start, n, daily.scale, daily.minHour).values : undefined;
        const g = new Float64Array(n);
        let divisible = true;
        for (let t = 0; t < n && divisible; t++) {
            const f = cycle ? cycle[t] : 1;
            if (f === 0) divisible = false;
            else g[t] = values[t] / f;
        }
        if (!divisible) continue;
        for (const estimate of estimateTrends(g)) {
            const trend = roundedTrend(values, start, estimate, daily, scale);
            if (trend) return { expr: expression(trend, daily) };
        }
    }
    return undefined;
}
