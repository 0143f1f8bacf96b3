import { Dimension } from '../units/dimension.js';
import { describeDimension } from '../units/dimension-names.js';
import { parseUnit, unitAtom, type Unit } from '../units/unit.js';
import { quantityAsWritten, unitAsWritten } from '../units/written-unit.js';
import { coercionBetween } from './dimension-coercion.js';

/** A way to write a value in the unit an input expects: the quick fix's title and the text replacing the value. */
export interface UnitChoice {
    readonly title: string;
    readonly replacement: string;
    /** The one meant beyond doubt (bytes of the wrong kind): the editor may apply it alone. */
    readonly preferred?: boolean;
}

/**
 * The periods a total may be meant over, when a total is written where a rate is expected (an energy for
 * a power): each is a different number, so each is a choice of its own and none is guessed.
 */
const PERIODS = ['hour', 'day', 'year'] as const;

/** Digits kept in a converted number: a converted value is rounded, never written with 17 digits. */
const SIGNIFICANT_DIGITS = 6;

/**
 * The ways to write `number unit` (as written, `number` its text) where an input expects `expected` (a
 * spec's unit, `W`) and the two differ in dimension:
 * - bytes of another kind (`128 GB_stored` for RAM): the same bytes, in the kind expected, one choice;
 * - otherwise, the number in the expected unit ("300 W (change unit)"), and, when the value is a total
 *   over time where a rate is expected (`300 Wh` for a power), that total over each of an hour, a day,
 *   a year ("300 Wh per day → 12.5 W"), converted.
 * None when a unit is not known, or the number does not read as one.
 */
export function unitChoices(number: string, unit: string, expected: string): UnitChoice[] {
    const value = Number(number.replace(/_/g, ''));
    let written: Unit, wanted: Unit;
    try {
        written = parseUnit(unit);
        wanted = parseUnit(expected);
    } catch {
        return [];
    }
    if (!Number.isFinite(value) || coercionBetween(written.dimension, wanted.dimension) !== undefined) return [];
    const plain = plainBytes(unit);
    if (plain !== undefined && coercionBetween(parseUnit(plain).dimension, wanted.dimension) !== undefined) {
        const replacement = `${number} ${plain}`;
        // `an amount of RAM (GB_ram)`: the words, the unit being the one written
        return [{ title: `${replacement} (${describeDimension(wanted.dimension).replace(/ \(.*\)$/, '')})`, replacement, preferred: true }];
    }
    const expectedText = unitAsWritten(expected);
    const changed = quantityAsWritten(number, expected);
    const choices: UnitChoice[] = [{ title: `${changed} (${unit === '' ? 'add' : expectedText === '' ? 'remove' : 'change'} unit)`, replacement: changed }];
    const time = Dimension.base('time');
    if (unit !== '' && written.dimension.divide(time).equals(wanted.dimension)) {
        for (const period of PERIODS) {
            const converted = value * written.factor / parseUnit(period).factor / parseUnit(expectedText).factor;
            const replacement = quantityAsWritten(String(Number(converted.toPrecision(SIGNIFICANT_DIGITS))), expected);
            choices.push({ title: `${number} ${unit} per ${period} → ${replacement}`, replacement });
        }
    }
    return choices;
}

/** `GB_stored` -> `GB`, `kg/TB_ram` -> `kg/TB`: the unit with its bytes plain, if it names bytes of a kind. */
function plainBytes(unit: string): string | undefined {
    let changed = false;
    const plain = unit.split(/([*/^])/).map(token => {
        const bare = /^(\w+)_(ram|stored)$/.exec(token);
        if (!bare || !unitAtom(bare[1])) return token;
        changed = true;
        return bare[1];
    }).join('');
    return changed ? plain : undefined;
}
