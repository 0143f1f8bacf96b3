import { newValues } from './series-memory.js';

/**
 * An hourly time series: a start hour (UTC, counted in hours since 1970-01-01T00:00Z) and one value per
 * hour in the engine's SI magnitude. Arithmetic follows e-footprint: sums and products of series with
 * different spans are taken over the union of the spans, missing hours counting as 0, starting at the
 * earlier start.
 */
export class HourlySeries {
    constructor(readonly start: number, readonly values: Float64Array) {}

    get length(): number {
        return this.values.length;
    }

    /** One past the last hour. */
    get end(): number {
        return this.start + this.values.length;
    }

    static constant(start: number, length: number, value: number): HourlySeries {
        return new HourlySeries(start, newValues(length, false).fill(value));
    }

    sum(): number {
        let total = 0;
        const v = this.values;
        for (let i = 0; i < v.length; i++) total += v[i];
        return total;
    }

    min(): number {
        let m = Infinity;
        const v = this.values;
        for (let i = 0; i < v.length; i++) if (v[i] < m) m = v[i];
        return m;
    }

    max(): number {
        let m = -Infinity;
        const v = this.values;
        for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
        return m;
    }

    /** Every value times `factor` (this same series when the factor is 1: series are never mutated once shared). */
    scale(factor: number): HourlySeries {
        if (factor === 1) return this;
        const src = this.values;
        const out = newValues(src.length, false);
        for (let i = 0; i < src.length; i++) out[i] = src[i] * factor;
        return new HourlySeries(this.start, out);
    }

    /** A new series: every value rounded up to a whole number. */
    ceil(): HourlySeries {
        const src = this.values;
        const out = newValues(src.length, false);
        for (let i = 0; i < src.length; i++) out[i] = Math.ceil(src[i]);
        return new HourlySeries(this.start, out);
    }

    /** A new series: `f` applied to every value (for cold paths; hot ones have their own loop). */
    map(f: (value: number) => number): HourlySeries {
        const src = this.values;
        const out = newValues(src.length, false);
        for (let i = 0; i < src.length; i++) out[i] = f(src[i]);
        return new HourlySeries(this.start, out);
    }

    /** The same values, starting `hours` later. */
    shift(hours: number): HourlySeries {
        return hours === 0 ? this : new HourlySeries(this.start + hours, this.values);
    }
}

/** `a + b` over the union of both spans (missing hours are 0). */
export function addSeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    return combineOnUnion(a, b, 1);
}

/** `a - b` over the union of both spans (missing hours are 0). */
export function subtractSeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    return combineOnUnion(a, b, -1);
}

function combineOnUnion(a: HourlySeries, b: HourlySeries, sign: 1 | -1): HourlySeries {
    if (a.start === b.start && a.length === b.length) {
        const out = newValues(a.length, false);
        const x = a.values, y = b.values;
        for (let i = 0; i < out.length; i++) out[i] = x[i] + sign * y[i];
        return new HourlySeries(a.start, out);
    }
    const start = Math.min(a.start, b.start);
    const out = newValues(Math.max(a.end, b.end) - start);
    out.set(a.values, a.start - start);
    const offset = b.start - start;
    const y = b.values;
    for (let i = 0; i < y.length; i++) out[offset + i] += sign * y[i];
    return new HourlySeries(start, out);
}

/** `a × b` over the union of both spans: hours covered by only one of them are 0. */
export function multiplySeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    if (a.start === b.start && a.length === b.length) {
        const out = newValues(a.length, false);
        const x = a.values, y = b.values;
        for (let i = 0; i < out.length; i++) out[i] = x[i] * y[i];
        return new HourlySeries(a.start, out);
    }
    const start = Math.min(a.start, b.start);
    const end = Math.max(a.end, b.end);
    const out = newValues(end - start);
    const from = Math.max(a.start, b.start);
    const to = Math.min(a.end, b.end);
    const x = a.values, y = b.values;
    for (let h = from; h < to; h++) out[h - start] = x[h - a.start] * y[h - b.start];
    return new HourlySeries(start, out);
}

/**
 * `a / b`: the divisor must cover the dividend's span and be non-zero there. Returns the failing
 * hour's offset instead of a series when it is not.
 */
export function divideSeries(a: HourlySeries, b: HourlySeries): HourlySeries | { error: string } {
    if (b.start > a.start || b.end < a.end) {
        return { error: `the divisor covers hours ${b.start - a.start}..${b.end - a.start - 1} of the dividend's ${a.length}, not all of them` };
    }
    const out = newValues(a.length, false);
    const x = a.values, y = b.values;
    const offset = a.start - b.start;
    for (let i = 0; i < out.length; i++) {
        const d = y[i + offset];
        if (d === 0) return { error: `division by zero at hour ${i}` };
        out[i] = x[i] / d;
    }
    return new HourlySeries(a.start, out);
}

/** Sum of many series over the union of their spans; undefined when there are none. */
export function sumSeries(series: readonly HourlySeries[]): HourlySeries | undefined {
    if (series.length === 0) return undefined;
    if (series.length === 1) return series[0];
    return linearCombination(series.map(s => [s, 1] as const));
}

/**
 * out[i] = Σ factors[k] × arrays[k][i], every array as long as `out`. These loops are memory-bound:
 * reading up to three inputs per pass over the output saves passes over it.
 */
export function combineArrays(out: Float64Array, arrays: readonly Float64Array[], factors: readonly number[]): void {
    const n = out.length;
    const m = arrays.length;
    if (m === 0) {
        out.fill(0);
        return;
    }
    for (let k = 0; k < m; k += 3) {
        const left = m - k;
        const a = arrays[k], fa = factors[k];
        if (left === 1) {
            if (k === 0) for (let i = 0; i < n; i++) out[i] = fa * a[i];
            else for (let i = 0; i < n; i++) out[i] += fa * a[i];
        } else if (left === 2) {
            const b = arrays[k + 1], fb = factors[k + 1];
            if (k === 0) for (let i = 0; i < n; i++) out[i] = fa * a[i] + fb * b[i];
            else for (let i = 0; i < n; i++) out[i] += fa * a[i] + fb * b[i];
        } else {
            const b = arrays[k + 1], fb = factors[k + 1], c = arrays[k + 2], fc = factors[k + 2];
            if (k === 0) for (let i = 0; i < n; i++) out[i] = fa * a[i] + fb * b[i] + fc * c[i];
            else for (let i = 0; i < n; i++) out[i] += fa * a[i] + fb * b[i] + fc * c[i];
        }
    }
}

/**
 * Σ factor × series over the union of the spans, in one pass per term and one allocation: the shape of
 * most e-footprint formulas (a server's need is Σ over its jobs of occurrences × need per run).
 */
export function linearCombination(terms: ReadonlyArray<readonly [HourlySeries, number]>): HourlySeries | undefined {
    if (terms.length === 0) return undefined;
    const first = terms[0][0];
    if (terms.every(([s]) => s.start === first.start && s.length === first.length)) {
        const out = newValues(first.length, false);
        combineArrays(out, terms.map(([s]) => s.values), terms.map(([, f]) => f));
        return new HourlySeries(first.start, out);
    }
    let start = Infinity, end = -Infinity;
    for (const [s] of terms) {
        if (s.start < start) start = s.start;
        if (s.end > end) end = s.end;
    }
    const out = newValues(end - start);
    for (const [s, factor] of terms) {
        const offset = s.start - start;
        const v = s.values;
        for (let i = 0; i < v.length; i++) out[offset + i] += factor * v[i];
    }
    return new HourlySeries(start, out);
}
