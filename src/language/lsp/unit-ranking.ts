import { parseUnit, unitAtom, unitSymbols, type Dimension, type InputSpec } from '../../engine/index.js';

/**
 * The order units are offered in after a number: first those of the dimension the input expects, the
 * input's own unit first, then the larger ones upwards and the smaller ones downwards (`W`, `kW`, `MW`,
 * `GW`, `mW`); then every other unit, in the library's order. A number's unit is the whole dimension for
 * simple units (`W`, `GB`, `year`) and the numerator of a rate (`50 g/kWh` is (50 g) / kWh): other
 * units may still make the dimension by arithmetic (`2.4 kWh / day`), so they stay, ranked after.
 */
export interface UnitRanking {
    /** Whether the unit makes the expected dimension on its own. */
    fits(symbol: string): boolean;
    /** The sort text of the unit: those that fit first. */
    sortText(symbol: string): string;
}

/** The unit a number of the input is written with (`g` for `g/kWh`), if the input takes a quantity. */
function numberUnit(input: InputSpec | undefined): string | undefined {
    if (!input || (input.type !== 'quantity' && input.type !== 'hourly')) return undefined;
    return input.unit.split('/')[0].trim() || 'dimensionless';
}

/** A plain byte unit means the kind of bytes the input expects (`GB` where `GB_ram` is): people write it so. */
function plain(symbol: string): string {
    return symbol.replace(/^([kMGTP]?B)_(ram|stored)$/, '$1');
}

function dimensionOf(unit: string): Dimension | undefined {
    try {
        return parseUnit(unit).dimension;
    } catch {
        return undefined;
    }
}

function fitsDimension(symbol: string, expected: Dimension): boolean {
    const atom = unitAtom(symbol);
    if (!atom) return false;
    return atom.dimension.equals(expected)
        || atom.dimension.replaceBase('data', 'data_ram').equals(expected)
        || atom.dimension.replaceBase('data', 'data_stored').equals(expected);
}

const LIBRARY_ORDER = new Map(unitSymbols().map((u, i) => [u.symbol, i]));
const pad = (n: number) => String(n).padStart(3, '0');

const rankings = new WeakMap<InputSpec, UnitRanking>();
const NO_INPUT = rankingFor(undefined);

/** The ranking for a number of `input`; with no input, or one that takes no quantity, the library's order alone. */
export function unitRanking(input: InputSpec | undefined): UnitRanking {
    if (!input) return NO_INPUT;
    let ranking = rankings.get(input);
    if (!ranking) rankings.set(input, ranking = rankingFor(input));
    return ranking;
}

function rankingFor(input: InputSpec | undefined): UnitRanking {
    const unit = numberUnit(input);
    const expected = unit === undefined ? undefined : dimensionOf(unit);
    const place = new Map<string, number>();
    // a dimensionless input (a rate, a fraction) takes plain numbers, `%` among its few units
    if (expected && unit !== undefined && !expected.exponents.every(e => e === 0)) {
        const preferred = plain(unit);
        const preferredFactor = unitAtom(preferred)?.factor ?? unitAtom(unit)?.factor ?? 1;
        const fitting = unitSymbols().map(u => u.symbol).filter(s => fitsDimension(s, expected));
        const key = (symbol: string): [number, number, number, number] => {
            const factor = unitAtom(symbol)!.factor;
            const up = factor >= preferredFactor;
            return [symbol === preferred ? 0 : symbol === unit ? 1 : 2, up ? 0 : 1, up ? factor : -factor, LIBRARY_ORDER.get(symbol) ?? 0];
        };
        const ordered = fitting.map(s => ({ s, k: key(s) }))
            .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3]);
        ordered.forEach(({ s }, i) => place.set(s, i));
    }
    return {
        fits: symbol => place.has(symbol),
        sortText: symbol => {
            const fit = place.get(symbol);
            return fit !== undefined ? `0_${pad(fit)}` : `1_${pad(LIBRARY_ORDER.get(symbol) ?? 999)}`;
        }
    };
}

/** Whether the input expects a quantity with a dimension, where a number alone would be an error: only units fit after its number. */
export function expectsDimension(input: InputSpec | undefined): boolean {
    const unit = numberUnit(input);
    const dimension = unit === undefined ? undefined : dimensionOf(unit);
    return dimension !== undefined && !dimension.exponents.every(e => e === 0);
}
