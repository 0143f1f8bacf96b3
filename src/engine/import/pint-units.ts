import { UNIT_ATOMS } from '../units/unit-atoms.js';

/**
 * pint unit names (as e-footprint's JSON writes them: `kilowatt_hour / gigabyte`) turned into efp unit
 * text (`kWh/GB`). Several efp symbols share a pint name (`h`, `hour`, `hours`); the first one listed in
 * the unit table is the canonical spelling, which is also the shortest.
 */
let symbolByPint: Map<string, string> | undefined;

function symbolsByPint(): Map<string, string> {
    if (!symbolByPint) {
        symbolByPint = new Map();
        for (const atom of UNIT_ATOMS) if (!symbolByPint.has(atom.pint)) symbolByPint.set(atom.pint, atom.symbol);
    }
    return symbolByPint;
}

/** The efp symbol of one pint unit name (`kilowatt_hour` -> `kWh`), if efp has the unit. */
export function efpSymbolOfPint(name: string): string | undefined {
    return symbolsByPint().get(name);
}

/** Thrown with the pint atom that efp does not know. */
export class UnknownPintUnit extends Error {}

/** `kilowatt_hour / gigabyte` -> `kWh/GB`; `dimensionless` -> `` (a plain number). */
export function efpUnitOfPint(pint: string): string {
    const text = pint.trim();
    if (text === '' || text === 'dimensionless') return '';
    const parts = text.split(/\s*([*/])\s*/);
    // `1 / second` (a frequency): the 1 only holds the `/`; efp reads `1/s` as a unit. A loop, not a call
    // for each `1 /`: a file may repeat it more times than the JavaScript stack is deep
    let first = 0;
    while (parts[first] === '1' && parts[first + 1] === '/') first += 2;
    if (first > 0) {
        const rest = parts.slice(first).join(' ').trim();
        const numerators = '1/'.repeat(first / 2);
        return rest === '' || rest === 'dimensionless' ? numerators : numerators + efpUnitOfPint(rest);
    }
    let out = '';
    for (const part of parts) {
        if (part === '*' || part === '/') { out += part; continue; }
        if (part.includes('**')) throw new UnknownPintUnit(`'${pint}' (powers of units are not supported)`);
        const symbol = efpSymbolOfPint(part);
        if (symbol === undefined) throw new UnknownPintUnit(`'${part}'`);
        out += symbol;
    }
    // `1 / hour` has no numerator atom: efp cannot write a quantity literal for it
    if (out.startsWith('/')) throw new UnknownPintUnit(`'${pint}' (no numerator)`);
    return out;
}
