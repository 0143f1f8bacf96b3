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

/** `300 W`, `26,298 hourly values, total 170,628.9 kg, min 0.128 kg, max 22.817 kg`, `no value (empty)`. */
export function describeSummary(s: ValueSummary): string {
    const unit = s.unit ? ` ${s.unit}` : '';
    switch (s.kind) {
        case 'empty': return 'no value (empty)';
        case 'quantity': return `${formatMagnitude(s.value!)}${unit}`;
        case 'hourly': return `${formatNumber(s.hours!, 0)} hourly values, total ${formatMagnitude(s.total!)}${unit}, min ${formatMagnitude(s.min!)}${unit}, max ${formatMagnitude(s.max!)}${unit}`;
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
