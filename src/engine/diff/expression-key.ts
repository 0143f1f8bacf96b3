import type { ExprDescription } from '../model/description.js';
import { parseUnit } from '../units/unit.js';

/**
 * How a reference reads when two sides are compared: on the new side, the object's key; on the old side,
 * the key of the new object it is matched with (object-matching.ts). `builtin` when the reference names
 * the built-in object although the model declares one of the same name.
 */
export type IdMapping = (id: string, builtin: boolean) => string;

const SAME: IdMapping = (id, builtin) => (builtin ? `builtin:${id}` : id);

/** `1 GB` and `1000 MB` alike: the magnitude in SI units and the dimension, or as written when the unit is unknown. */
function numberKey(value: number, unit: string | undefined): string {
    if (!unit) return String(value);
    try {
        const u = parseUnit(unit);
        return `${+(value * u.factor).toPrecision(12)}[${u.dimension.key}]`;
    } catch {
        return `${value} ${unit}`;
    }
}

/**
 * A canonical text of an input's expression, to compare two versions of it: spacing, comments,
 * annotations and the unit numbers are written in do not count (`1 GB` and `1000 MB` read alike), and
 * references to objects are written with `rename`, so that `jobs: [stream]` reads the same before and
 * after `stream` was renamed. With `as-written`, numbers keep their units (`1 GB` and `1000 MB` differ).
 */
export function expressionKey(expr: ExprDescription, rename: IdMapping = SAME, units: 'canonical' | 'as-written' = 'canonical'): string {
    const number = units === 'canonical' ? numberKey : (value: number, unit: string | undefined) => (unit ? `${value} ${unit}` : String(value));
    const key = (e: ExprDescription): string => {
        switch (e.kind) {
            case 'number': return number(e.value, e.unit);
            case 'unit': return number(1, e.unit);
            case 'ref': return rename(e.object, e.builtin ?? false) + e.path.map(p => `.${p}`).join('');
            case 'symbol': return e.name;
            case 'binary': return `(${key(e.left)} ${e.operator} ${key(e.right)})`;
            case 'negate': return `-(${key(e.operand)})`;
            case 'call': return `${e.function}(${e.args.map(a => `${a.name ? `${a.name}: ` : ''}${key(a.value)}${a.per ? ` per ${a.per}` : ''}`).join(', ')})`;
            case 'list': return `[${e.items.map(key).join(', ')}]`;
            case 'text': return JSON.stringify(e.value);
            case 'date': return e.value;
            case 'convert': return `${key(e.expr)} in ${e.unit}`;
            case 'series': return `series(${e.start}, ${e.unit}, ${e.values.join(' ')})`;
        }
    };
    return key(expr);
}

/**
 * The object a list item stands for: `watch` and `watch * 2` (a weighted step) both stand for `watch`.
 * Items that name no single object stand for themselves.
 */
export function listItemTarget(item: ExprDescription, rename: IdMapping = SAME): string {
    if (item.kind === 'ref' && item.path.length === 0) return expressionKey(item, rename);
    if (item.kind === 'binary' && item.operator === '*') {
        for (const side of [item.left, item.right]) {
            if (side.kind === 'ref' && side.path.length === 0) return expressionKey(side, rename);
        }
    }
    return expressionKey(item, rename);
}

/** `300 W`, `[watch, capture]`: an expression written back for people when the text as written is not at hand. */
export function expressionText(expr: ExprDescription): string {
    const text = (e: ExprDescription): string => {
        switch (e.kind) {
            case 'number': return e.unit ? `${e.value} ${e.unit}` : String(e.value);
            case 'ref': return [e.object, ...e.path].join('.');
            case 'binary': return `${text(e.left)} ${e.operator} ${text(e.right)}`;
            case 'negate': return `-${text(e.operand)}`;
            case 'call': return `${e.function}(${e.args.map(a => `${a.name ? `${a.name}: ` : ''}${text(a.value)}${a.per ? ` per ${a.per}` : ''}`).join(', ')})`;
            case 'list': return `[${e.items.map(text).join(', ')}]`;
            case 'text': return e.value;
            case 'series': return `hourly_values([${e.values.length} values], start_date: ${e.start.slice(0, 10)}) * ${e.unit}`;
            case 'convert': return `${text(e.expr)} in ${e.unit}`;
            default: return expressionKey(e);
        }
    };
    return text(expr);
}
