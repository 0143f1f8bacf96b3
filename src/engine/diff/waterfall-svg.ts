import type { WaterfallStep } from './waterfall.js';
import { xmlText as escape } from '../text/xml-text.js';

export interface WaterfallSvgOptions {
    /** Text of a value for the labels at the bars' ends (`+533.6 t`). */
    readonly format: (kg: number) => string;
    readonly title?: string;
}

const ROW = 22, LABEL = 190, BARS = 300, VALUE = 110, PAD = 8;
const COLOURS = { up: '#d1495b', down: '#2e9e6a', total: '#5b6770' };

/** Rounded to 0.1 px: short, stable text. */
function px(v: number): string {
    return (Math.round(v * 10) / 10).toString();
}

/**
 * A waterfall of a change as a small standalone SVG: one row per step, increases red, decreases green,
 * the total grey, a line at zero. No fonts or scripts beyond the SVG itself, so that it renders as an
 * image anywhere.
 */
export function waterfallSvg(steps: readonly WaterfallStep[], options: WaterfallSvgOptions): string {
    const top = options.title ? ROW + PAD : PAD;
    const height = top + steps.length * ROW + PAD;
    const width = LABEL + BARS + VALUE + 2 * PAD;
    const lo = steps.reduce((m, s) => Math.min(m, s.from, s.to), 0), hi = steps.reduce((m, s) => Math.max(m, s.from, s.to), 0);
    const scale = hi > lo ? BARS / (hi - lo) : 0;
    const x = (v: number) => PAD + LABEL + (v - lo) * scale;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
        `<rect width="${width}" height="${height}" fill="#ffffff"/>`
    ];
    if (options.title) parts.push(`<text x="${PAD}" y="${PAD + 14}" font-weight="bold">${escape(options.title)}</text>`);
    steps.forEach((s, i) => {
        const y = top + i * ROW;
        const a = x(Math.min(s.from, s.to)), b = x(Math.max(s.from, s.to));
        const colour = s.kind === 'total' ? COLOURS.total : s.to >= s.from ? COLOURS.up : COLOURS.down;
        parts.push(`<text x="${PAD + LABEL - 6}" y="${y + 15}" text-anchor="end">${escape(s.label)}</text>`);
        parts.push(`<rect x="${px(a)}" y="${y + 4}" width="${px(Math.max(1, b - a))}" height="${ROW - 8}" fill="${colour}"/>`);
        const delta = s.to - s.from;
        parts.push(`<text x="${PAD + LABEL + BARS + 6}" y="${y + 15}">${escape(options.format(s.kind === 'total' ? s.to : delta))}</text>`);
    });
    parts.push(`<line x1="${px(x(0))}" y1="${top}" x2="${px(x(0))}" y2="${top + steps.length * ROW}" stroke="#333333" stroke-width="1"/>`);
    parts.push('</svg>');
    return parts.join('\n');
}
