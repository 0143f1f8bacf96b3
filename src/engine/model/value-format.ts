import type { ValueSummary } from './explain.js';

/** `1,234.5` with a fixed number of decimals and thousands separators. */
export function formatNumber(value: number, decimals = 1): string {
    return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A number with as many digits as its size deserves: `1,234.5`, `21.167`, `0.000123`, `1.2346e-7`. */
export function formatMagnitude(v: number): string {
    const abs = Math.abs(v);
    if (abs !== 0 && (abs < 0.001 || abs >= 1e15)) return v.toExponential(4);
    const text = formatNumber(v, abs >= 100 ? 1 : abs >= 1 ? 3 : 6);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * The units that are words counting something, and their plural: `100,000 occurrences`, `3 years`, but
 * `1 occurrence`. Symbols (`W`, `kg`, `cpu_core`) stay as they are written in a model.
 */
const PLURAL_UNITS: Readonly<Record<string, string>> = {
    occurrence: 'occurrences', hour: 'hours', day: 'days', week: 'weeks', month: 'months', year: 'years',
    // not a unit: the count of an hourly series' values
    'hourly value': 'hourly values'
};

/** A number as written (`1`, `100,000`) with its unit: the unit's plural after any number but one. */
export function withUnit(numberText: string, unit: string): string {
    if (!unit) return numberText;
    const plural = PLURAL_UNITS[unit];
    return `${numberText} ${plural && numberText !== '1' ? plural : unit}`;
}

/** `300 W`, `26,298 hourly values, total 170,628.9 kg, min 0.128 kg, max 22.817 kg`, `no value (empty)`. */
export function describeSummary(s: ValueSummary): string {
    const value = (v: number) => withUnit(formatMagnitude(v), s.unit);
    switch (s.kind) {
        case 'empty': return 'no value (empty)';
        case 'quantity': return value(s.value!);
        case 'hourly': return `${withUnit(formatNumber(s.hours!, 0), 'hourly value')}, total ${value(s.total!)}, min ${value(s.min!)}, max ${value(s.max!)}`;
        case 'dict': return Object.entries(s.items ?? {}).map(([k, v]) => `${k}: ${describeSummary(v)}`).join('; ') || 'nothing';
    }
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline of hourly values: `width` buckets (mean of each), scaled between the smallest and
 * the largest bucket. Flat series give a flat line.
 */
export function sparkline(base: Float64Array, factor = 1, width = 32): string {
    const n = base.length;
    if (n === 0) return '';
    const buckets = Math.min(width, n);
    const means: number[] = [];
    for (let b = 0; b < buckets; b++) {
        const from = Math.floor((b * n) / buckets), to = Math.floor(((b + 1) * n) / buckets);
        let sum = 0;
        for (let i = from; i < to; i++) sum += base[i];
        means.push((sum / Math.max(1, to - from)) * factor);
    }
    const lo = means.reduce((m, x) => Math.min(m, x), Infinity), hi = means.reduce((m, x) => Math.max(m, x), -Infinity);
    return means.map(m => BARS[hi > lo ? Math.min(BARS.length - 1, Math.floor(((m - lo) / (hi - lo)) * BARS.length)) : 0]).join('');
}
