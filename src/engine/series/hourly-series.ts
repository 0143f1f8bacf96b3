import { keptValues, newValues } from './series-memory.js';

/**
 * An hourly time series: a start hour (UTC, counted in hours since 1970-01-01T00:00Z) and one value per
 * hour in the engine's SI magnitude. Arithmetic follows e-footprint: sums and products of series with
 * different spans are taken over the union of the spans, missing hours counting as 0, starting at the
 * earlier start.
 *
 * A series may be a scaled view of another one's array (value[i] = base[i] × factor): most of
 * e-footprint's formulas multiply a series by a scalar, and the loops that read such a series fold the
 * factor in (`base`, `factor`) instead of writing a new array. `values` computes the scaled values on
 * first read. Arrays are never changed once a series is shared.
 */
export class HourlySeries {
    private scaled: Float64Array | undefined;

    constructor(readonly start: number, readonly base: Float64Array, readonly factor = 1) {}

    /** The values (for a scaled view, computed once, outside the array pool: views share their base). */
    get values(): Float64Array {
        if (this.factor === 1) return this.base;
        if (!this.scaled) {
            const src = this.base, k = this.factor;
            const out = keptValues(src.length);
            for (let i = 0; i < src.length; i++) out[i] = src[i] * k;
            this.scaled = out;
        }
        return this.scaled;
    }

    get length(): number {
        return this.base.length;
    }

    /** One past the last hour. */
    get end(): number {
        return this.start + this.base.length;
    }

    static constant(start: number, length: number, value: number): HourlySeries {
        return new HourlySeries(start, newValues(length, false).fill(value));
    }

    sum(): number {
        let total = 0;
        const v = this.base;
        for (let i = 0; i < v.length; i++) total += v[i];
        return total * this.factor;
    }

    min(): number {
        return this.factor >= 0 ? this.baseMin() * this.factor : this.baseMax() * this.factor;
    }

    max(): number {
        return this.factor >= 0 ? this.baseMax() * this.factor : this.baseMin() * this.factor;
    }

    private baseMin(): number {
        let m = Infinity;
        const v = this.base;
        for (let i = 0; i < v.length; i++) if (v[i] < m) m = v[i];
        return m;
    }

    private baseMax(): number {
        let m = -Infinity;
        const v = this.base;
        for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
        return m;
    }

    /** Every value times `factor`: a view of the same array. */
    scale(factor: number): HourlySeries {
        return factor === 1 ? this : new HourlySeries(this.start, this.base, this.factor * factor);
    }

    /** A new series: every value rounded up to a whole number. */
    ceil(): HourlySeries {
        const src = this.base, k = this.factor;
        const out = newValues(src.length, false);
        for (let i = 0; i < src.length; i++) out[i] = Math.ceil(src[i] * k);
        return new HourlySeries(this.start, out);
    }

    /** A new series: `f` applied to every value (for cold paths; hot ones have their own loop). */
    map(f: (value: number) => number): HourlySeries {
        const src = this.base, k = this.factor;
        const out = newValues(src.length, false);
        for (let i = 0; i < src.length; i++) out[i] = f(src[i] * k);
        return new HourlySeries(this.start, out);
    }

    /** The same values, starting `hours` later. */
    shift(hours: number): HourlySeries {
        return hours === 0 ? this : new HourlySeries(this.start + hours, this.base, this.factor);
    }
}

/** `a + b` over the union of both spans (missing hours are 0). */
export function addSeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    return linearCombination([[a, 1], [b, 1]])!;
}

/** `a - b` over the union of both spans (missing hours are 0). */
export function subtractSeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    return linearCombination([[a, 1], [b, -1]])!;
}

/** `a × b` over the union of both spans: hours covered by only one of them are 0. */
export function multiplySeries(a: HourlySeries, b: HourlySeries): HourlySeries {
    const x = a.base, y = b.base, k = a.factor * b.factor;
    if (a.start === b.start && a.length === b.length) {
        const out = newValues(a.length, false);
        for (let i = 0; i < out.length; i++) out[i] = k * x[i] * y[i];
        return new HourlySeries(a.start, out);
    }
    const start = Math.min(a.start, b.start);
    const end = Math.max(a.end, b.end);
    const out = newValues(end - start);
    const from = Math.max(a.start, b.start);
    const to = Math.min(a.end, b.end);
    for (let h = from; h < to; h++) out[h - start] = k * x[h - a.start] * y[h - b.start];
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
    if (b.factor === 0) return { error: 'division by zero at hour 0' };
    const out = newValues(a.length, false);
    const x = a.base, y = b.base, k = a.factor / b.factor;
    const offset = a.start - b.start;
    for (let i = 0; i < out.length; i++) {
        const d = y[i + offset];
        if (d === 0) return { error: `division by zero at hour ${i}` };
        out[i] = k * x[i] / d;
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
        combineArrays(out, terms.map(([s]) => s.base), terms.map(([s, f]) => f * s.factor));
        return new HourlySeries(first.start, out);
    }
    let start = Infinity, end = -Infinity;
    for (const [s] of terms) {
        if (s.start < start) start = s.start;
        if (s.end > end) end = s.end;
    }
    const out = newValues(end - start);
    for (const [s, f] of terms) {
        const offset = s.start - start;
        const v = s.base, factor = f * s.factor;
        for (let i = 0; i < v.length; i++) out[offset + i] += factor * v[i];
    }
    return new HourlySeries(start, out);
}
