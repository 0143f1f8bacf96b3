import { Dimension } from '../units/dimension.js';
import {
    addSeries, divideSeries, HourlySeries, linearCombination, multiplySeries, subtractSeries, sumSeries
} from '../series/hourly-series.js';
import { describeDimension } from '../units/dimension-names.js';

/**
 * Values the engine computes with. Magnitudes are SI (kg, W, J, s, bits...); the unit a value is shown
 * in is chosen when it is displayed or exported. `empty` is e-footprint's "no value": the identity of
 * sums, absorbing in products, counted as 0 in totals.
 */
export interface Quantity { readonly kind: 'quantity'; readonly value: number; readonly dimension: Dimension }
export interface Hourly { readonly kind: 'hourly'; readonly series: HourlySeries; readonly dimension: Dimension }
export interface Empty { readonly kind: 'empty' }
export type NumericValue = Quantity | Hourly | Empty;

/** A value per object: per usage pattern, per job. */
export interface PerObject<K = unknown> { readonly kind: 'dict'; readonly items: ReadonlyMap<K, NumericValue> }

export const EMPTY: Empty = { kind: 'empty' };

export function quantity(value: number, dimension: Dimension = Dimension.none): Quantity {
    return { kind: 'quantity', value, dimension };
}

export function hourly(series: HourlySeries, dimension: Dimension = Dimension.none): Hourly {
    return { kind: 'hourly', series, dimension };
}

/** Raised when values cannot be combined (dimension mismatch, division by zero, bad spans). */
export class ValueError extends Error {}

function requireSameDimension(a: Dimension, b: Dimension, operation: string): void {
    if (!a.equals(b)) {
        throw new ValueError(`cannot ${operation} ${describeDimension(a)} and ${describeDimension(b)}`);
    }
}

export function add(a: NumericValue, b: NumericValue): NumericValue {
    if (a.kind === 'empty') return b;
    if (b.kind === 'empty') return a;
    requireSameDimension(a.dimension, b.dimension, 'add');
    if (a.kind === 'quantity' && b.kind === 'quantity') return quantity(a.value + b.value, a.dimension);
    if (a.kind === 'hourly' && b.kind === 'hourly') return hourly(addSeries(a.series, b.series), a.dimension);
    const [s, q] = a.kind === 'hourly' ? [a, b as Quantity] : [b as Hourly, a];
    const c = q.value;
    return hourly(s.series.map(v => v + c), a.dimension);
}

export function negate(a: NumericValue): NumericValue {
    if (a.kind === 'empty') return a;
    if (a.kind === 'quantity') return quantity(-a.value, a.dimension);
    return hourly(a.series.scale(-1), a.dimension);
}

export function subtract(a: NumericValue, b: NumericValue): NumericValue {
    if (b.kind === 'empty') return a;
    if (a.kind === 'empty') return negate(b);
    requireSameDimension(a.dimension, b.dimension, 'subtract');
    if (a.kind === 'hourly' && b.kind === 'hourly') return hourly(subtractSeries(a.series, b.series), a.dimension);
    return add(a, negate(b));
}

export function multiply(a: NumericValue, b: NumericValue): NumericValue {
    if (a.kind === 'empty' || b.kind === 'empty') return EMPTY;
    const dimension = a.dimension.multiply(b.dimension);
    if (a.kind === 'quantity' && b.kind === 'quantity') return quantity(a.value * b.value, dimension);
    if (a.kind === 'hourly' && b.kind === 'hourly') return hourly(multiplySeries(a.series, b.series), dimension);
    const [s, q] = a.kind === 'hourly' ? [a, b as Quantity] : [b as Hourly, a];
    return hourly(s.series.scale(q.value), dimension);
}

export function divide(a: NumericValue, b: NumericValue): NumericValue {
    if (a.kind === 'empty' || b.kind === 'empty') return EMPTY;
    const dimension = a.dimension.divide(b.dimension);
    if (b.kind === 'quantity') {
        if (b.value === 0) throw new ValueError('division by zero');
        return a.kind === 'quantity' ? quantity(a.value / b.value, dimension) : hourly(a.series.scale(1 / b.value), dimension);
    }
    if (a.kind === 'quantity') {
        const c = a.value;
        const out = b.series.map(v => c / v);
        if (out.values.some(v => !Number.isFinite(v))) throw new ValueError('division by zero in a series');
        return hourly(out, dimension);
    }
    const result = divideSeries(a.series, b.series);
    if ('error' in result) throw new ValueError(`cannot divide these series: ${result.error}`);
    return hourly(result, dimension);
}

/** Sum of values (empty when there are none, or all are empty). */
export function sum(values: readonly NumericValue[], dimension?: Dimension): NumericValue {
    const series: HourlySeries[] = [];
    let scalar: Quantity | undefined;
    let dim = dimension;
    for (const v of values) {
        if (v.kind === 'empty') continue;
        if (dim) requireSameDimension(dim, v.dimension, 'add'); else dim = v.dimension;
        if (v.kind === 'hourly') series.push(v.series);
        else scalar = quantity((scalar?.value ?? 0) + v.value, v.dimension);
    }
    const total = sumSeries(series);
    if (!total) return scalar ?? EMPTY;
    const result = hourly(total, dim);
    return scalar ? add(result, scalar) : result;
}

/** Scalar magnitude of a quantity; throws for series and empty. */
export function scalarOf(v: NumericValue, what: string): number {
    if (v.kind !== 'quantity') throw new ValueError(`${what} must be a single value, not ${v.kind === 'empty' ? 'empty' : 'an hourly series'}`);
    return v.value;
}

/** Sum over all hours (0 for empty). */
export function totalOf(v: NumericValue): number {
    if (v.kind === 'empty') return 0;
    if (v.kind === 'quantity') return v.value;
    return v.series.sum();
}

/**
 * Σ value × factor for values that are series, scalars or empty: the result has `dimension`. Empty
 * terms count as nothing; an all-empty sum is empty. With `fresh`, a series result is a new, unscaled
 * array that the caller may change in place.
 */
export function weightedSum(terms: ReadonlyArray<readonly [NumericValue, number]>, dimension: Dimension, fresh = false): NumericValue {
    const series: Array<readonly [HourlySeries, number]> = [];
    let scalar = 0;
    let anyScalar = false;
    for (const [v, factor] of terms) {
        if (v.kind === 'hourly') series.push([v.series, factor]);
        else if (v.kind === 'quantity') { scalar += v.value * factor; anyScalar = true; }
    }
    // one series alone is a scaled view of it, unless the caller will change the result in place
    if (series.length === 1 && !anyScalar && !fresh) return hourly(series[0][0].scale(series[0][1]), dimension);
    const combined = linearCombination(series);
    if (!combined) return anyScalar ? quantity(scalar, dimension) : EMPTY;
    if (anyScalar) {
        const v = combined.values;
        for (let i = 0; i < v.length; i++) v[i] += scalar;
    }
    return hourly(combined, dimension);
}
