import { classEntries, copyOf, isRecord, type JsonRecord } from './json.js';
import { hoistInlineSources } from './source-hoisting.js';
import { dropObsoleteInputs } from './obsolete-inputs.js';
import type { UpgradeResult } from './upgrade-step.js';

/** e-footprint's generic sources, which its loader knows without a `Sources` entry. */
const GENERIC_SOURCES: Readonly<Record<string, string>> = { hypothesis: 'e-footprint hypothesis', user_data: 'user data' };

/**
 * What e-footprint 22's loader (`json_to_system`) reads beyond the layout it writes, put in that layout so
 * that efp's importer has one shape to read: a source object written inline in a value (files from before
 * 21 that no upgrade step moved) gets an entry in `Sources`, and the generic sources `hypothesis` and
 * `user_data` get theirs when a value refers to them without one; inputs an older e-footprint wrote and
 * e-footprint 22 sets aside unread are dropped (obsolete-inputs). Runs on every file, upgraded or not.
 */
export function readAsEfootprintLoads(input: JsonRecord): UpgradeResult {
    const root = copyOf(input);
    const notes = dropObsoleteInputs(root);
    hoistInlineSources(root);
    const used = new Set<string>();
    const collect = (node: unknown): void => {
        if (Array.isArray(node)) { node.forEach(collect); return; }
        if (typeof node !== 'object' || node === null) return;
        const source = (node as Record<string, unknown>).source;
        if (typeof source === 'string') used.add(source);
        Object.values(node).forEach(collect);
    };
    for (const [, objects] of classEntries(root)) collect(objects);
    for (const [id, name] of Object.entries(GENERIC_SOURCES)) {
        if (!used.has(id) || (isRecord(root.Sources) && id in root.Sources)) continue;
        if (!isRecord(root.Sources)) root.Sources = {};
        (root.Sources as JsonRecord)[id] = { id, name, link: null };
    }
    return { root, notes };
}
