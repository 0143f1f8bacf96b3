import type { Dimension } from './dimension.js';
import { parseUnit } from './unit.js';

/** Dimensions named in words for messages: "expected a power (W), got an energy (kWh)". */
const NAMED: Array<[string, string]> = [
    ['a pure number', ''],
    ['a mass', 'kg'],
    ['a power', 'W'],
    ['an energy', 'kWh'],
    ['a duration', 'h'],
    ['an amount of data transferred', 'GB'],
    ['an amount of RAM', 'GB_ram'],
    ['an amount of data stored', 'TB_stored'],
    ['a number of CPU cores', 'cpu_core'],
    ['a number of GPUs', 'gpu'],
    ['a carbon intensity', 'g/kWh'],
    ['an energy per data transferred', 'kWh/GB'],
    ['a mass per storage capacity', 'kg/TB_stored'],
    ['a power per GPU', 'W/gpu'],
    ['an amount of RAM per GPU', 'GB_ram/gpu'],
    ['a mass per GPU', 'kg/gpu'],
    ['a frequency', '/year'],
    ['a data rate', 'MB/s'],
    ['a mass per year', 'kg/year'],
    ['an energy per year', 'kWh/year']
];

let table: Array<{ words: string; unit: string; dimension: Dimension }> | undefined;

function named() {
    table ??= NAMED.map(([words, unit]) => ({ words, unit, dimension: parseUnit(unit.startsWith('/') ? `dimensionless${unit}` : unit).dimension }));
    return table;
}

/** `a power (W)`, or the base factorisation for dimensions without a name. */
export function describeDimension(dimension: Dimension): string {
    const hit = named().find(n => n.dimension.equals(dimension));
    if (hit) return hit.unit === '' ? hit.words : `${hit.words} (${hit.unit})`;
    return `a quantity in ${dimension.toBaseString()}`;
}

