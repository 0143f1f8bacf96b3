import type { Dimension } from '../units/dimension.js';
import { unitAtom } from '../units/unit.js';

export type Coercion = 'none' | 'data_ram' | 'data_stored';

/** A plain byte count is accepted where RAM or stored bytes are expected, and means that kind of byte. */
export function coercionBetween(actual: Dimension, expected: Dimension): Coercion | undefined {
    if (actual.equals(expected)) return 'none';
    if (actual.exponent('data') !== 0) {
        if (actual.replaceBase('data', 'data_ram').equals(expected)) return 'data_ram';
        if (actual.replaceBase('data', 'data_stored').equals(expected)) return 'data_stored';
    }
    return undefined;
}

export function coerceUnitText(text: string, coercion: Coercion): string {
    if (coercion === 'none') return text;
    const suffix = coercion === 'data_ram' ? '_ram' : '_stored';
    return text.split(/([*/])/).map(token => {
        const atom = unitAtom(token);
        return atom && atom.dimension.exponent('data') !== 0 && unitAtom(token + suffix) ? token + suffix : token;
    }).join('');
}

export function dimensionHint(unit: string): string {
    return unit === '' ? 'Write a plain number.' : `Write it in ${unit} or a unit of the same kind.`;
}

