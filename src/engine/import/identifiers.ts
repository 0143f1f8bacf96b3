import { UNIT_ATOMS } from '../units/unit-atoms.js';
import { BUILTIN_ENUMS, enumMember } from '../classes/builtin-enums.js';
import { CLASS_SPECS } from '../classes/registry.js';

/**
 * Names for imported objects: e-footprint names ("Default SSD storage") in snake case
 * (`default_ssd_storage`), unique, and never a word the .efp grammar or the built-in library already
 * gives a meaning to (keywords, unit symbols, enumerated values), which would not parse or would link
 * to the wrong thing.
 */
const KEYWORDS = ['import', 'model', 'source', 'unit', 'enum', 'from', 'on', 'in', 'per', 'confidence', 'comment', 'scenario', 'at'];

let reserved: Set<string> | undefined;

function reservedWords(): Set<string> {
    // object kinds are keywords too: the grammar lists every class spec's keyword
    reserved ??= new Set([...KEYWORDS, ...CLASS_SPECS.map(c => c.keyword), ...UNIT_ATOMS.map(a => a.symbol),
        ...BUILTIN_ENUMS.flatMap(e => e.values.map(v => enumMember(v).name))]);
    return reserved;
}

/** Whether the grammar or the built-in library gives `name` a meaning of its own (a keyword, a unit, an enumerated value). */
export function isReservedWord(name: string): boolean {
    return reservedWords().has(name);
}

export function snakeCase(name: string): string {
    const snake = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
        .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    if (snake === '') return 'object';
    return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

/** key -> identifier, for entries in order; `taken` are names already in use (built-in sources). */
export function efpIdentifiers(entries: ReadonlyArray<{ key: string; name: string }>, taken: Iterable<string> = []): Map<string, string> {
    const used = new Set(taken);
    const result = new Map<string, string>();
    for (const { key, name } of entries) {
        const base = snakeCase(name);
        let candidate = base;
        for (let n = 2; used.has(candidate) || reservedWords().has(candidate); n++) candidate = `${base}_${n}`;
        used.add(candidate);
        result.set(key, candidate);
    }
    return result;
}
