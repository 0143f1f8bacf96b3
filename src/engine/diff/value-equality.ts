import type { NodeValue } from '../model/node.js';

/**
 * When two evaluated values are the same value: magnitudes are SI (values.ts), so `1 GB` and `1000 MB`,
 * `2 year` and `17532 h`, `0.05 kWh/GB` and `50 Wh/GB` are one number each, up to the rounding of the
 * unit factors; a relative tolerance of 1e-9 absorbs that rounding (a double carries about 1e-16) and
 * still tells apart any figure a person would write differently.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** Two numbers equal up to RELATIVE_TOLERANCE of the larger. */
export function closeEnough(a: number, b: number): boolean {
    if (a === b) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Two input values are equal: the same dimension, and the same magnitude (a quantity), or the same
 * hours with the same values (a series; each hour within RELATIVE_TOLERANCE of the series' largest
 * value, so that an hour near zero does not count its rounding as a change).
 */
export function sameValue(a: NodeValue, b: NodeValue): boolean {
    if (a.kind === 'dict' || b.kind === 'dict') return false;
    if (a.kind === 'empty' || b.kind === 'empty') return a.kind === b.kind;
    if (!a.dimension.equals(b.dimension)) return false;
    if (a.kind === 'quantity' && b.kind === 'quantity') return closeEnough(a.value, b.value);
    if (a.kind === 'hourly' && b.kind === 'hourly') {
        const x = a.series, y = b.series;
        if (x.start !== y.start || x.length !== y.length) return false;
        const scale = Math.max(Math.abs(x.max()), Math.abs(x.min()), Math.abs(y.max()), Math.abs(y.min()));
        const bound = RELATIVE_TOLERANCE * scale;
        const xv = x.base, yv = y.base, xf = x.factor, yf = y.factor;
        for (let i = 0; i < xv.length; i++) if (Math.abs(xv[i] * xf - yv[i] * yf) > bound) return false;
        return true;
    }
    return false;
}

/**
 * A short text that two equal values share, for finding equal objects among many without comparing
 * each pair: the dimension and the magnitude to 9 significant digits (a series: its hours and two sums
 * of its values). Two values with the same fingerprint are almost surely equal, and are compared with
 * sameValue before anything is reported; two equal values rounding on either side of a digit get
 * different fingerprints, and are then matched by the slower rules.
 */
export function valueFingerprint(v: NodeValue): string {
    if (v.kind === 'dict') return 'dict';
    if (v.kind === 'empty') return 'empty';
    if (v.kind === 'quantity') return `${v.dimension.key}|${rounded(v.value)}`;
    const s = v.series;
    let sum = 0, weighted = 0;
    const values = s.base;
    for (let i = 0; i < values.length; i++) {
        sum += values[i];
        weighted += values[i] * ((i % 97) + 1);
    }
    return `${v.dimension.key}|${s.start}+${s.length}|${rounded(sum * s.factor)}|${rounded(weighted * s.factor)}`;
}

function rounded(x: number): string {
    return x === 0 ? '0' : x.toPrecision(9);
}
