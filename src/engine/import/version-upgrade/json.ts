/**
 * The parsed e-footprint JSON the upgrade steps work on, and the few edits they share. A step never changes
 * the JSON it is given: it edits a deep copy (`copyOf`), as e-footprint deep-copies the dict before upgrading.
 */
export type Json = null | boolean | number | string | Json[] | JsonRecord;
export type JsonRecord = { [key: string]: Json };

export function isRecord(v: Json | undefined): v is JsonRecord {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The most levels of arrays and objects a file may nest: e-footprint's JSON has five or six (classes, objects,
 * fields, values, a form's inputs). Deeper is not e-footprint's, and copies and walks of it (structuredClone
 * among them) recurse once per level, past the JavaScript stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `v` nests arrays and objects more than `limit` levels deep (found without recursing). */
export function nestedDeeperThan(v: Json, limit: number): boolean {
    const stack: Array<[Json, number]> = [[v, 0]];
    while (stack.length > 0) {
        const [value, depth] = stack.pop()!;
        if (value === null || typeof value !== 'object') continue;
        if (depth + 1 > limit) return true;
        for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, depth + 1]);
    }
    return false;
}

export function copyOf<T extends Json>(v: T): T {
    return structuredClone(v);
}

/** The top-level keys that are not classes of objects. */
const NOT_CLASSES = new Set(['efootprint_version', 'Sources']);

/** Each class key of the file with its objects by id (only well-formed entries: the importer reports the rest). */
export function classEntries(root: JsonRecord): Array<[string, JsonRecord]> {
    return Object.entries(root).filter((e): e is [string, JsonRecord] => !NOT_CLASSES.has(e[0]) && isRecord(e[1]));
}

/** The objects of one class, `[id, object]`. */
export function objectsOf(root: JsonRecord, className: string): Array<[string, JsonRecord]> {
    const objects = root[className];
    if (!isRecord(objects)) return [];
    return Object.entries(objects).filter((e): e is [string, JsonRecord] => isRecord(e[1]));
}

/** The objects of a class, created empty when the file has none yet. */
export function classOf(root: JsonRecord, className: string): JsonRecord {
    const existing = root[className];
    if (isRecord(existing)) return existing;
    const created: JsonRecord = {};
    root[className] = created;
    return created;
}

/**
 * Renames a key in place, keeping its position among the other keys (the printed .efp follows the JSON's
 * order). Nothing happens when the old key is absent or the new one is already there.
 */
export function renameKey(o: JsonRecord, from: string, to: string): boolean {
    if (!(from in o) || to in o) return false;
    const entries = Object.entries(o).map(([k, v]): [string, Json] => [k === from ? to : k, v]);
    for (const k of Object.keys(o)) delete o[k];
    for (const [k, v] of entries) o[k] = v;
    return true;
}

/** Moves a class key to a new name (at the end of the file, as a dict pop-and-set does). */
export function renameClass(root: JsonRecord, from: string, to: string): boolean {
    if (!(from in root)) return false;
    const objects = root[from];
    delete root[from];
    root[to] = objects;
    return true;
}
