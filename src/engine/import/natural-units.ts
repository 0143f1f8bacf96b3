import type { ExprDescription } from '../model/description.js';
import { parseUnit } from '../units/unit.js';

/**
 * A quantity in the unit a person would write it in: `2 year` rather than `17532 h`, `50 kB` rather than
 * `0.05 MB`, `128 GB` rather than `128 GB_ram` (a plain byte is accepted wherever RAM or stored bytes are
 * expected, and means that kind). The value is the same; only its spelling changes.
 */

/** Units of one kind from small to large; a quantity moves only along its own ladder. */
const LADDERS: readonly (readonly string[])[] = [
    ['s', 'min', 'h', 'day', 'year'],
    ['B', 'kB', 'MB', 'GB', 'TB', 'PB'],
    ['W', 'kW', 'MW'],
    ['Wh', 'kWh', 'MWh', 'GWh'],
    ['g', 'kg', 't']
];

/** `GB_ram` -> `GB`, `kg/TB_stored` -> `kg/TB`. */
function plainBytes(unit: string): string {
    return unit.replace(/([kMGTP]?B)_(?:ram|stored)\b/g, '$1');
}

/** Significant digits of the shortest decimal for `value`. */
function digits(value: number): number {
    const text = Math.abs(value).toExponential().split('e')[0].replace('.', '').replace(/0+$/, '');
    return Math.max(1, text.length);
}

function sameValue(a: number, b: number): boolean {
    return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

export function naturalQuantity(expr: Extract<ExprDescription, { kind: 'number' }>): ExprDescription {
    if (expr.unit === undefined) return expr;
    const unit = plainBytes(expr.unit);
    const ladder = LADDERS.find(l => l.includes(unit));
    if (!ladder || expr.value === 0 || !Number.isFinite(expr.value)) return unit === expr.unit ? expr : { ...expr, unit };
    const base = expr.value * parseUnit(unit).factor;
    const longest = digits(expr.value);
    let best = { value: expr.value, unit };
    for (const candidate of ladder) {
        const value = Number((base / parseUnit(candidate).factor).toPrecision(12));
        if (!sameValue(value * parseUnit(candidate).factor, base) || digits(value) > longest) continue;
        // the largest unit the value is at least one of
        if (Math.abs(value) >= 1 && parseUnit(candidate).factor > parseUnit(best.unit).factor) best = { value, unit: candidate };
        else if (Math.abs(best.value) < 1 && Math.abs(value) >= 1) best = { value, unit: candidate };
    }
    return { ...expr, value: best.value, unit: best.unit };
}
