import type { EfpObject } from '../model/efp-object.js';
import { expressionKey, type IdMapping } from './expression-key.js';

/**
 * Which object of the old model is which of the new one. The rule, in order:
 *
 * 1. `name`: the same .efp name and the same kind (e-footprint class): the same object.
 * 2. `efootprint-id`: the same kind and the same e-footprint id kept in the declaration's
 *    `// e-footprint id: …` comment (efp import writes them): the object was renamed.
 * 3. `inputs`: an old object and a new one of the same kind, both left unmatched, whose written inputs
 *    are close: at least RENAME_SIMILARITY of the entries either writes (each input, `from`, and the
 *    display name when one is given) are the same on both sides, references compared through the
 *    matching found so far. The closest pairs are taken first (ties in declaration order), and the
 *    rule runs again while it finds pairs, since a rename makes the references to it compare equal.
 *    A rename is thus "the same object under a new name", possibly with a few inputs changed; an object
 *    whose inputs mostly changed too is reported as removed and added.
 *
 * Built-in objects (countries, archetypes) are matched by name only and never reported.
 */
export type MatchRule = 'name' | 'efootprint-id' | 'inputs';

export const RENAME_SIMILARITY = 0.75;

export interface ObjectMatch {
    readonly old: EfpObject;
    readonly new: EfpObject;
    readonly rule: MatchRule;
    /** For `inputs`: the share of entries that are the same. */
    readonly similarity?: number;
}

export interface ObjectMatching {
    readonly matches: readonly ObjectMatch[];
    /** Objects of the old model only, in declaration order. */
    readonly removed: readonly EfpObject[];
    /** Objects of the new model only, in declaration order. */
    readonly added: readonly EfpObject[];
    /** An old object's id as the new model names it (unmatched ids stay as they are). */
    readonly rename: IdMapping;
}

/** e-footprint ids kept in comments: efp name -> id, per side. */
export interface EfootprintIdsBySide {
    readonly old?: ReadonlyMap<string, string>;
    readonly new?: ReadonlyMap<string, string>;
}

export function matchObjects(oldObjects: readonly EfpObject[], newObjects: readonly EfpObject[], ids: EfootprintIdsBySide = {}): ObjectMatching {
    const matches: ObjectMatch[] = [];
    const oldTaken = new Set<EfpObject>(), newTaken = new Set<EfpObject>();
    const oldToNew = new Map<string, string>();
    const take = (o: EfpObject, n: EfpObject, rule: MatchRule, similarity?: number) => {
        matches.push({ old: o, new: n, rule, similarity });
        oldTaken.add(o);
        newTaken.add(n);
        oldToNew.set(o.id, n.id);
    };
    const rename: IdMapping = id => oldToNew.get(id) ?? id;

    const newById = new Map(newObjects.map(n => [n.id, n]));
    for (const o of oldObjects) {
        const n = newById.get(o.id);
        if (n && n.className === o.className) take(o, n, 'name');
    }

    if (ids.old && ids.new) {
        const newByEfootprintId = new Map<string, EfpObject>();
        for (const n of newObjects) {
            const id = ids.new.get(n.id);
            if (id && !newTaken.has(n)) newByEfootprintId.set(`${n.className}|${id}`, n);
        }
        for (const o of oldObjects) {
            const id = ids.old.get(o.id);
            const n = id && !oldTaken.has(o) ? newByEfootprintId.get(`${o.className}|${id}`) : undefined;
            if (n && !newTaken.has(n)) take(o, n, 'efootprint-id');
        }
    }

    // the new side's entries do not depend on the matching: computed once (a series input is long text)
    const newEntries = new Map<EfpObject, Map<string, string>>();
    const entriesOfNew = (n: EfpObject) => {
        let e = newEntries.get(n);
        if (!e) newEntries.set(n, (e = entriesOf(n)));
        return e;
    };
    for (;;) {
        const candidates: Array<{ o: EfpObject; n: EfpObject; score: number; order: number }> = [];
        let order = 0;
        for (const o of oldObjects) {
            if (oldTaken.has(o)) continue;
            const oldEntries = entriesOf(o, rename);
            for (const n of newObjects) {
                order++;
                if (newTaken.has(n) || n.className !== o.className) continue;
                const score = similarity(oldEntries, entriesOfNew(n));
                if (score >= RENAME_SIMILARITY) candidates.push({ o, n, score, order });
            }
        }
        candidates.sort((a, b) => b.score - a.score || a.order - b.order);
        let found = false;
        for (const c of candidates) {
            if (oldTaken.has(c.o) || newTaken.has(c.n)) continue;
            take(c.o, c.n, 'inputs', c.score);
            found = true;
        }
        if (!found) break;
    }

    return {
        matches,
        removed: oldObjects.filter(o => !oldTaken.has(o)),
        added: newObjects.filter(n => !newTaken.has(n)),
        rename
    };
}

/** What the user wrote of an object, entry by entry, as canonical text. */
function entriesOf(object: EfpObject, rename?: IdMapping): Map<string, string> {
    const entries = new Map<string, string>();
    const d = object.description;
    for (const [name, input] of Object.entries(d.inputs)) entries.set(name, expressionKey(input.expr, rename));
    if (d.archetype) entries.set(' from', (d.archetypeIsBuiltin ? 'builtin:' : '') + (d.archetypeIsBuiltin || !rename ? d.archetype : rename(d.archetype)));
    // a display name is an entry only when one is written (without one it is the .efp name, which changed)
    if (d.name !== d.id) entries.set(' name', d.name);
    return entries;
}

function similarity(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
    const keys = new Set([...a.keys(), ...b.keys()]);
    if (keys.size === 0) return 1;
    let same = 0;
    for (const k of keys) if (a.has(k) && a.get(k) === b.get(k)) same++;
    return same / keys.size;
}
