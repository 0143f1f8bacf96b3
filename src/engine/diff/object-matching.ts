import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { IdMapping } from './expression-key.js';
import { InputKeys, type Token } from './input-values.js';
import { comparedObjects, linksOf, referrersOf } from './object-links.js';

/**
 * Which object of the old model is which of the new one. The rules, in order, each among the objects
 * the earlier ones left unmatched, and always between objects of the same e-footprint class:
 *
 * 1. `name`: the same .efp identifier.
 * 2. `efootprint-id`: the same e-footprint id kept in the declaration's `// e-footprint id: …` comment
 *    (efp import writes them).
 * 3. `display-name`: the same display name (`"streaming job"`), when one object on each side has it.
 * 4. `references`: the same references to matched objects, from and to them (the only job on a matched
 *    server), and the same values in every input. Objects alike in all that are paired in declaration
 *    order. This runs again while it pairs objects, since each pair makes more references comparable.
 * 5. `inputs`: close inputs: at least RENAME_SIMILARITY of the inputs either side writes (and the display
 *    name when one is given) have the same value on both sides, references compared through the matching
 *    found so far. The closest pairs are taken first (ties in declaration order); then rules 4 and 5 run
 *    again, at most MATCH_ROUNDS times. An object whose inputs mostly changed too is reported as removed
 *    and added.
 *
 * The objects compared are those each model declares and the built-in ones it uses, so that a model
 * using the library's `laptop` and one declaring `device default_laptop "Default laptop" {…}` in its
 * place are matched (by display name, or by references and values).
 *
 * The cost stays near linear in the objects: rules 1 to 4 look objects up by a text they share (an
 * identifier, a name, references and values); rule 5 scores an object only against the objects that share
 * its rarest input values, at most CANDIDATES of them (among many objects alike, a renamed one may then
 * be missed, and reported as removed and added).
 */
export type MatchRule = 'name' | 'efootprint-id' | 'display-name' | 'references' | 'inputs';

export const RENAME_SIMILARITY = 0.75;
/** Rounds of rules 4 and 5. */
const MATCH_ROUNDS = 4;
/** The objects rule 5 scores an object against, at most. */
const CANDIDATES = 256;

export interface ObjectMatch {
    readonly old: EfpObject;
    readonly new: EfpObject;
    readonly rule: MatchRule;
    /** For `inputs`: the share of entries that are the same. */
    readonly similarity?: number;
}

export interface ObjectMatching {
    /** Every pair, built-in objects included. */
    readonly matches: readonly ObjectMatch[];
    /** Declared objects of the old model only, in declaration order (an unused built-in is not removed). */
    readonly removed: readonly EfpObject[];
    /** Declared objects of the new model only, in declaration order. */
    readonly added: readonly EfpObject[];
    /** The new object an old one is matched with. */
    newOf(old: EfpObject): EfpObject | undefined;
    /** How objects read when the sides are compared (input-values.ts). */
    readonly oldToken: Token;
    readonly newToken: Token;
    /** The same for references written in expressions, by name (expression-key.ts). */
    readonly oldRefs: IdMapping;
    readonly newRefs: IdMapping;
    /** An old footprint row's object id as the new model names it (unmatched ids stay as they are). */
    readonly rename: (id: string) => string;
}

/** e-footprint ids kept in comments: efp name -> id, per side. */
export interface EfootprintIdsBySide {
    readonly old?: ReadonlyMap<string, string>;
    readonly new?: ReadonlyMap<string, string>;
}

export function matchObjects(oldModel: Model | undefined, newModel: Model | undefined, ids: EfootprintIdsBySide = {}): ObjectMatching {
    const oldObjects = comparedObjects(oldModel), newObjects = comparedObjects(newModel);
    const matcher = new Matcher(oldObjects, newObjects);
    matcher.byKey(o => (o.description.builtin ? undefined : o.id), 'name');
    matcher.byKey(o => (o.description.builtin ? o.id : undefined), 'name');
    matcher.byKey(o => o.id, 'name');
    if (ids.old && ids.new) {
        const oldIds = ids.old, newIds = ids.new;
        matcher.byKey(o => (o.description.builtin ? undefined : oldIds.get(o.id)), 'efootprint-id', n => (n.description.builtin ? undefined : newIds.get(n.id)));
    }
    matcher.byKey(o => o.name, 'display-name');
    if (oldModel && newModel) {
        const oldKeys = new InputKeys(oldModel), newKeys = new InputKeys(newModel);
        for (let round = 0; round < MATCH_ROUNDS; round++) {
            matcher.byReferences(oldKeys, newKeys);
            if (!matcher.byInputs(oldKeys, newKeys)) break;
        }
    }
    return matcher.result(oldModel, newModel);
}

class Matcher {
    private readonly matches: ObjectMatch[] = [];
    private readonly oldToNew = new Map<EfpObject, EfpObject>();
    private readonly newToOld = new Map<EfpObject, EfpObject>();
    private readonly oldReferrers: ReturnType<typeof referrersOf>;
    private readonly newReferrers: ReturnType<typeof referrersOf>;
    /** Each new object's values, by the same rule as the old ones' (computed once: they depend on no matching). */
    private readonly newValueKeys = new Map<EfpObject, string>();
    /** An unmatched built-in object reads as itself: the library is the same on both sides. */
    readonly oldToken: Token = o => {
        const n = this.oldToNew.get(o);
        return n ? n.key : o.description.builtin ? o.key : `old:${o.key}`;
    };
    readonly newToken: Token = n => n.key;

    constructor(private readonly oldObjects: readonly EfpObject[], private readonly newObjects: readonly EfpObject[]) {
        this.oldReferrers = referrersOf(oldObjects);
        this.newReferrers = referrersOf(newObjects);
    }

    private take(o: EfpObject, n: EfpObject, rule: MatchRule, similarity?: number): void {
        this.matches.push({ old: o, new: n, rule, ...(similarity !== undefined ? { similarity } : {}) });
        this.oldToNew.set(o, n);
        this.newToOld.set(n, o);
    }

    private unmatchedOld(): EfpObject[] {
        return this.oldObjects.filter(o => !this.oldToNew.has(o));
    }

    private unmatchedNew(): EfpObject[] {
        return this.newObjects.filter(n => !this.newToOld.has(n));
    }

    /**
     * Pairs unmatched objects of the same class whose `key` is the same and is one object's only on each
     * side (`newKey` reads the new side, `key` by default). Returns whether it paired any.
     */
    byKey(key: (o: EfpObject) => string | undefined, rule: MatchRule, newKey = key): boolean {
        const buckets = new Map<string, { old: EfpObject[]; new: EfpObject[] }>();
        const add = (o: EfpObject, k: string | undefined, side: 'old' | 'new') => {
            if (k === undefined) return;
            const b = `${o.className}|${k}`;
            let bucket = buckets.get(b);
            if (!bucket) buckets.set(b, (bucket = { old: [], new: [] }));
            bucket[side].push(o);
        };
        for (const o of this.unmatchedOld()) add(o, key(o), 'old');
        for (const n of this.unmatchedNew()) add(n, newKey(n), 'new');
        let found = false;
        for (const bucket of buckets.values()) {
            if (bucket.old.length === 1 && bucket.new.length === 1) {
                this.take(bucket.old[0], bucket.new[0], rule);
                found = true;
            }
        }
        return found;
    }

    /** Rule 4, until it pairs nothing more: objects alike with the same display name first, then the others alike. */
    byReferences(oldKeys: InputKeys, newKeys: InputKeys): void {
        for (;;) {
            const signatures = new Map<EfpObject, string>();
            for (const o of this.unmatchedOld()) signatures.set(o, this.signature(o, this.oldToken, this.oldReferrers, this.valuesOf(o, oldKeys, this.oldToken)));
            for (const n of this.unmatchedNew()) {
                let values = this.newValueKeys.get(n);
                if (values === undefined) this.newValueKeys.set(n, (values = this.valuesOf(n, newKeys, this.newToken)));
                signatures.set(n, this.signature(n, this.newToken, this.newReferrers, values));
            }
            let found = false;
            for (const withName of [true, false]) {
                const key = (o: EfpObject) => (withName ? `${signatures.get(o)}\n${o.name}` : signatures.get(o)!);
                const waiting = new Map<string, EfpObject[]>();
                for (const o of this.unmatchedOld()) {
                    const k = key(o);
                    let list = waiting.get(k);
                    if (!list) waiting.set(k, (list = []));
                    list.push(o);
                }
                // first come, first paired: declaration order on both sides
                const next = new Map<string, number>();
                for (const n of this.unmatchedNew()) {
                    const k = key(n);
                    const list = waiting.get(k);
                    const at = next.get(k) ?? 0;
                    if (!list || at >= list.length) continue;
                    next.set(k, at + 1);
                    this.take(list[at], n, 'references');
                    found = true;
                }
            }
            if (!found) return;
        }
    }

    /** An object's class, its references to and from matched objects, and its other values. */
    private signature(object: EfpObject, token: Token, referrers: ReturnType<typeof referrersOf>, values: string): string {
        const matched = (o: EfpObject) => this.oldToNew.has(o) || this.newToOld.has(o);
        const parts: string[] = [];
        for (const link of linksOf(object)) parts.push(matched(link.target) ? `>${link.attribute}:${token(link.target)}*${link.weight}` : `>${link.attribute}:?`);
        for (const r of referrers.get(object) ?? []) if (matched(r.source)) parts.push(`<${r.attribute}:${token(r.source)}`);
        parts.sort();
        return `${object.className}\n${parts.join('\n')}\n${values}`;
    }

    /** The values of an object's inputs other than references (those are in the signature's links). */
    private valuesOf(object: EfpObject, keys: InputKeys, token: Token): string {
        const parts: string[] = [];
        for (const [name, input] of object.inputs) {
            const type = input.spec.type;
            if (type === 'ref' || type === 'refs' || type === 'weighted') continue;
            parts.push(`${name}=${keys.key(object, name, token)}`);
        }
        return parts.sort().join('\n');
    }

    /**
     * Rule 5, once. Returns whether it paired any. An old object is scored only against the new objects
     * that share one of its rarest entries: a pair with a similarity of RENAME_SIMILARITY or more shares
     * all but a third of the old object's entries at most (same ≥ 0.75 × union and same ≤ the old
     * object's entries), so it shares one of any third-plus-one of them (prefix filtering).
     */
    byInputs(oldKeys: InputKeys, newKeys: InputKeys): boolean {
        // the new objects by each value they have (written or not), to find an old object's candidates without trying them all
        const index = new Map<string, EfpObject[]>();
        const newEntries = new Map<EfpObject, Map<string, string>>();
        const newWritten = new Map<EfpObject, Set<string>>();
        for (const n of this.unmatchedNew()) {
            const entries = this.entriesOf(n, newKeys, this.newToken, n.inputs.keys());
            newEntries.set(n, entries);
            newWritten.set(n, new Set(writtenNames(n)));
            for (const [name, key] of entries) {
                const k = `${n.className}|${name}=${key}`;
                let list = index.get(k);
                if (!list) index.set(k, (list = []));
                list.push(n);
            }
        }
        const candidates: Array<{ o: EfpObject; n: EfpObject; score: number; order: number }> = [];
        const position = new Map(this.newObjects.map((n, i) => [n, i]));
        this.unmatchedOld().forEach((o, i) => {
            const all = this.entriesOf(o, oldKeys, this.oldToken, o.inputs.keys());
            const written = new Set(writtenNames(o));
            const entries = [...all].filter(([name]) => written.has(name) || name === ' name');
            // the rarest values first: they tell objects apart
            const lists = entries.map(([name, key]) => index.get(`${o.className}|${name}=${key}`) ?? [])
                .sort((a, b) => a.length - b.length).slice(0, Math.floor(entries.length / 3) + 1);
            const tried = new Set<EfpObject>();
            for (const list of lists) {
                for (const n of list) {
                    if (tried.size >= CANDIDATES) break;
                    if (tried.has(n)) continue;
                    tried.add(n);
                    const score = similarity(all, written, newEntries.get(n)!, newWritten.get(n)!);
                    if (score >= RENAME_SIMILARITY) candidates.push({ o, n, score, order: i * this.newObjects.length + position.get(n)! });
                }
            }
        });
        candidates.sort((a, b) => b.score - a.score || a.order - b.order);
        let found = false;
        for (const c of candidates) {
            if (this.oldToNew.has(c.o) || this.newToOld.has(c.n)) continue;
            this.take(c.o, c.n, 'inputs', c.score);
            found = true;
        }
        return found;
    }

    /** The written inputs of an object (all given names), with their values, and its display name when one is written. */
    private entriesOf(object: EfpObject, keys: InputKeys, token: Token, names: Iterable<string>): Map<string, string> {
        const entries = new Map<string, string>();
        for (const name of names) {
            const key = keys.key(object, name, token);
            if (key !== undefined) entries.set(name, key);
        }
        // a display name is an entry only when one is written (without one it is the .efp name, which changed)
        if (object.name !== object.id) entries.set(' name', object.name);
        return entries;
    }

    result(oldModel: Model | undefined, newModel: Model | undefined): ObjectMatching {
        const { oldToNew, oldToken, newToken } = this;
        const declared = (o: EfpObject) => !o.description.builtin;
        const lookupOld = (id: string, builtin: boolean) => oldModel?.lookup(id, builtin);
        const lookupNew = (id: string, builtin: boolean) => newModel?.lookup(id, builtin);
        return {
            matches: this.matches,
            removed: this.oldObjects.filter(o => declared(o) && !oldToNew.has(o)),
            added: this.newObjects.filter(n => declared(n) && !this.newToOld.has(n)),
            newOf: o => oldToNew.get(o),
            oldToken,
            newToken,
            oldRefs: (id, builtin) => {
                const o = lookupOld(id, builtin);
                return o ? oldToken(o) : `old:${id}`;
            },
            newRefs: (id, builtin) => lookupNew(id, builtin)?.key ?? id,
            rename: id => {
                const o = lookupOld(id, false);
                return (o && oldToNew.get(o)?.id) ?? id;
            }
        };
    }
}

/**
 * The share of the entries either side writes (`written`: input names; the display name when either
 * gives one) that have the same value on both sides, an input left out read as the value it takes.
 */
function similarity(a: ReadonlyMap<string, string>, aWritten: ReadonlySet<string>, b: ReadonlyMap<string, string>, bWritten: ReadonlySet<string>): number {
    let same = 0, total = 0;
    const count = (name: string) => {
        total++;
        const x = a.get(name);
        if (x !== undefined && x === b.get(name)) same++;
    };
    for (const name of aWritten) count(name);
    for (const name of bWritten) if (!aWritten.has(name)) count(name);
    if (a.has(' name') || b.has(' name')) count(' name');
    return total === 0 ? 1 : same / total;
}

/** The inputs an object's declaration writes (for a built-in, the library's). */
function writtenNames(object: EfpObject): string[] {
    return Object.keys(object.description.inputs).filter(name => object.inputs.has(name));
}
