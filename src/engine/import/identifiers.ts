import { UNIT_ATOMS } from '../units/unit-atoms.js';
import { BUILTIN_ENUMS, enumMember } from '../classes/builtin-enums.js';
import { CLASS_SPECS } from '../classes/registry.js';

/**
 * Names for imported objects: e-footprint names ("Default SSD storage") in snake case
 * (`default_ssd_storage`), unique, and never a word the .efp grammar or the built-in library already
 * gives a meaning to (keywords, unit symbols, enumerated values), which would not parse or would link
 * to the wrong thing. A numeric suffix appears only when two objects really share a name: a name that
 * cannot stand alone takes a word instead (`step_20_min_streaming`, `main_server`), which reads as
 * what a person would have written.
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

/** A name in snake case, letters and digits only (`20_min_streaming`); `object` when nothing is left. */
function snakeWords(name: string): string {
    const snake = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
        .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    return snake === '' ? 'object' : snake;
}

/** A name in snake case that is an identifier: one starting with a digit gets a leading `_`. */
export function snakeCase(name: string): string {
    const snake = snakeWords(name);
    return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

export interface IdentifierEntry {
    readonly key: string;
    readonly name: string;
    /**
     * A word for what the object is (`step`, `server`), put before a name that starts with a digit
     * (`step_20_min_streaming`); `main` goes before a name that is a keyword when the object is alone in
     * its kind (`main_server`).
     */
    readonly word?: string;
    /** Whether another entry has the same `word`: `main_` would then not say which one is meant. */
    readonly shared?: boolean;
}

/** key -> identifier, for entries in order; `taken` are names already in use (built-in sources). */
export function efpIdentifiers(entries: ReadonlyArray<IdentifierEntry>, taken: Iterable<string> = []): Map<string, string> {
    const used = new Set(taken);
    const result = new Map<string, string>();
    for (const entry of entries) {
        let base = snakeWords(entry.name);
        if (/^[0-9]/.test(base)) base = `${entry.word ?? ''}_${base}`;
        else if (reservedWords().has(base) && entry.word !== undefined && !entry.shared) base = `main_${base}`;
        let candidate = base;
        for (let n = 2; used.has(candidate) || reservedWords().has(candidate); n++) candidate = `${base}_${n}`;
        used.add(candidate);
        result.set(entry.key, candidate);
    }
    return result;
}
