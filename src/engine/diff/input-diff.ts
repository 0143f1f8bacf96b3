import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { InputDescription, Origin } from '../model/description.js';
import { summarize } from '../model/explain.js';
import { describeSummary } from '../model/value-format.js';
import { expressionKey, expressionText, listItemTarget, type IdMapping } from './expression-key.js';
import { matchObjects, type EfootprintIdsBySide, type MatchRule, type ObjectMatching } from './object-matching.js';

/** Where something is written, for people: a file (as the caller names files) and a 1-based line. */
export interface Place {
    readonly file: string;
    readonly line: number;
}

/** Names a document for people (a path relative to the repository, say); the URI itself by default. */
export type Locator = (uri: string) => string;

export interface SourceRef {
    readonly id: string;
    readonly name: string;
    readonly link?: string;
}

/** One version of an input. */
export interface InputVersion {
    /** As written (`300 W`), or the default's or archetype's value when the model leaves it out. */
    readonly text: string;
    /** The user wrote it, an archetype gave it, or it is e-footprint's default. */
    readonly given: 'user' | 'archetype' | 'default';
    /** The evaluated value in its unit (`300 W`, `26,298 hourly values, total …`), for numeric inputs. */
    readonly value?: string;
    /** Computed from an expression (`web.ram / 2`, `linear_growth(…)`) rather than written as a number. */
    readonly expression?: boolean;
    readonly unit?: string;
    readonly source?: SourceRef;
    readonly confidence?: string;
    readonly comment?: string;
    readonly place?: Place;
}

/** Items of a list input (a journey's steps, a step's jobs) that came or went, by the object they name. */
export interface ListChange {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    /** Same object, written otherwise (`watch` -> `watch * 2`). */
    readonly changed: ReadonlyArray<{ readonly old: string; readonly new: string }>;
}

export type AspectChanged = 'value' | 'source' | 'confidence' | 'comment';

export interface AttributeChange {
    /** e-footprint's parameter name; `from` for the archetype, `name` for the display name. */
    readonly attribute: string;
    /** `changed`: written on both sides; `written`: now written (was a default); `unwritten`: left out now. */
    readonly change: 'changed' | 'written' | 'unwritten';
    /** What differs. */
    readonly aspects: readonly AspectChanged[];
    readonly old?: InputVersion;
    readonly new?: InputVersion;
    readonly list?: ListChange;
}

export interface ObjectIdentity {
    /** The .efp name. */
    readonly id: string;
    /** The display name (e-footprint's `name`). */
    readonly name: string;
    readonly place?: Place;
}

export interface ObjectChange {
    readonly change: 'added' | 'removed' | 'renamed' | 'changed';
    /** The .efp keyword (`server`) and e-footprint class (`Server`). */
    readonly keyword: string;
    readonly className: string;
    readonly old?: ObjectIdentity;
    readonly new?: ObjectIdentity;
    /** How a renamed object was recognised (object-matching.ts). */
    readonly matchedBy?: MatchRule;
    /** Changed inputs; for an added or removed object, every input it writes (on its one side). */
    readonly attributes: readonly AttributeChange[];
}

export interface InputDiff {
    /** Objects that changed, in the new model's declaration order, removed ones last. */
    readonly objects: readonly ObjectChange[];
    /** The model's title, start date and modeling duration. */
    readonly settings: readonly AttributeChange[];
}

export interface InputDiffResult extends InputDiff {
    /** The matching it was computed with, for the footprint diff. */
    readonly matching: ObjectMatching;
}

const SAME: IdMapping = id => id;

/** What changed in the inputs between two evaluated models; either may be absent (a model added or removed). */
export function diffInputs(oldModel: Model | undefined, newModel: Model | undefined, ids: EfootprintIdsBySide = {}, locate: Locator = u => u): InputDiffResult {
    const oldObjects = oldModel ? userObjects(oldModel) : [];
    const newObjects = newModel ? userObjects(newModel) : [];
    const matching = matchObjects(oldObjects, newObjects, ids);
    const { rename } = matching;
    const objects: ObjectChange[] = [];
    const matchOfNew = new Map(matching.matches.map(m => [m.new, m]));
    const added = new Set(matching.added);
    for (const n of newObjects) {
        const m = matchOfNew.get(n);
        if (m) {
            const attributes = changedAttributes(oldModel!, m.old, newModel!, n, rename, locate);
            const renamed = m.old.id !== n.id;
            if (!renamed && attributes.length === 0) continue;
            objects.push({
                change: renamed ? 'renamed' : 'changed', keyword: n.spec.keyword, className: n.className,
                old: identity(m.old, locate), new: identity(n, locate), matchedBy: renamed ? m.rule : undefined, attributes
            });
        } else if (added.has(n)) {
            objects.push({
                change: 'added', keyword: n.spec.keyword, className: n.className, new: identity(n, locate),
                attributes: writtenAttributes(newModel!, n, locate).map(v => ({ attribute: v.attribute, change: 'written', aspects: ['value'], new: v.version }))
            });
        }
    }
    for (const o of matching.removed) {
        objects.push({
            change: 'removed', keyword: o.spec.keyword, className: o.className, old: identity(o, locate),
            attributes: writtenAttributes(oldModel!, o, locate).map(v => ({ attribute: v.attribute, change: 'unwritten', aspects: ['value'], old: v.version }))
        });
    }
    return { objects, settings: settingsChanges(oldModel, newModel, locate), matching };
}

/** Objects the user declared (built-ins are the same library on both sides). */
function userObjects(model: Model): EfpObject[] {
    return [...model.objects.values()];
}

function identity(object: EfpObject, locate: Locator): ObjectIdentity {
    return { id: object.id, name: object.name, place: placeOf(object.origin, locate) };
}

function placeOf(origin: Origin | undefined, locate: Locator): Place | undefined {
    return origin ? { file: locate(origin.uri), line: origin.range.start.line + 1 } : undefined;
}

function sourceOf(model: Model, id: string | undefined): SourceRef | undefined {
    if (!id) return undefined;
    const s = model.sources.get(id);
    return s ? { id: s.id, name: s.name, ...(s.link ? { link: s.link } : {}) } : { id, name: id };
}

/** An input of an object as it stands in a model, with its evaluated value. */
function versionOf(model: Model, object: EfpObject, attribute: string, locate: Locator): InputVersion | undefined {
    const input = object.inputs.get(attribute);
    if (!input) return undefined;
    const node = model.findNode(object.key, attribute);
    const value = node?.value && node.value.kind !== 'dict' && node.value.kind !== 'empty' && !node.error
        ? describeSummary(summarize(node.value, node.unit)) : undefined;
    return compact({
        text: textOf(input),
        given: input.given,
        value,
        expression: input.expr.kind !== 'number' && input.expr.kind !== 'text' && input.expr.kind !== 'symbol' && input.expr.kind !== 'date' ? true : undefined,
        unit: value !== undefined ? node!.unit : undefined,
        source: sourceOf(model, input.source),
        confidence: input.confidence,
        comment: input.comment,
        place: input.given === 'user' ? placeOf(input.origin, locate) : undefined
    });
}

function textOf(input: InputDescription): string {
    return input.text?.replace(/\s+/g, ' ').trim() ?? expressionText(input.expr);
}

/** Inputs the user wrote, in the class's order. */
function writtenNames(object: EfpObject): string[] {
    const order = new Map(object.spec.inputs.map((s, i) => [s.name, i]));
    return Object.keys(object.description.inputs).sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
}

function writtenAttributes(model: Model, object: EfpObject, locate: Locator): Array<{ attribute: string; version: InputVersion }> {
    const result: Array<{ attribute: string; version: InputVersion }> = [];
    const d = object.description;
    if (d.archetype) result.push({ attribute: 'from', version: { text: d.archetype, given: 'user' } });
    for (const name of writtenNames(object)) {
        const version = versionOf(model, object, name, locate);
        if (version) result.push({ attribute: name, version });
    }
    return result;
}

function changedAttributes(oldModel: Model, o: EfpObject, newModel: Model, n: EfpObject, rename: IdMapping, locate: Locator): AttributeChange[] {
    const changes: AttributeChange[] = [];
    const od = o.description, nd = n.description;
    if (od.name !== nd.name && !(od.name === od.id && nd.name === nd.id)) {
        changes.push({ attribute: 'name', change: 'changed', aspects: ['value'], old: { text: od.name, given: 'user' }, new: { text: nd.name, given: 'user' } });
    }
    const oldFrom = od.archetype ? (od.archetypeIsBuiltin ? od.archetype : rename(od.archetype)) : undefined;
    if (oldFrom !== nd.archetype) {
        changes.push({
            attribute: 'from', change: !od.archetype ? 'written' : !nd.archetype ? 'unwritten' : 'changed', aspects: ['value'],
            old: od.archetype ? { text: od.archetype, given: 'user' } : undefined, new: nd.archetype ? { text: nd.archetype, given: 'user' } : undefined
        });
    }
    const names = [...new Set([...writtenNames(n), ...writtenNames(o)])];
    for (const name of names) {
        const ow = od.inputs[name], nw = nd.inputs[name];
        const oldInput = o.inputs.get(name), newInput = n.inputs.get(name);
        const oldKey = oldInput ? expressionKey(oldInput.expr, rename) : undefined;
        const newKey = newInput ? expressionKey(newInput.expr, SAME) : undefined;
        const aspects: AspectChanged[] = [];
        if (oldKey !== newKey) aspects.push('value');
        if (ow && nw) {
            if (ow.source !== nw.source) aspects.push('source');
            if (ow.confidence !== nw.confidence) aspects.push('confidence');
            if (ow.comment !== nw.comment) aspects.push('comment');
        }
        // writing down the default, or leaving out a value equal to it, is still a change of the text
        if (aspects.length === 0 && Boolean(ow) === Boolean(nw)) continue;
        if (aspects.length === 0) aspects.push('value');
        const list = oldInput?.expr.kind === 'list' && newInput?.expr.kind === 'list' && aspects.includes('value')
            ? listChange(oldInput.expr.items, newInput.expr.items, rename) : undefined;
        changes.push(compact({
            attribute: name,
            change: ow && nw ? 'changed' : nw ? 'written' : 'unwritten',
            aspects,
            old: versionOf(oldModel, o, name, locate),
            new: versionOf(newModel, n, name, locate),
            list
        }) as AttributeChange);
    }
    return changes;
}

type Items = Extract<InputDescription['expr'], { kind: 'list' }>['items'];

function listChange(oldItems: Items, newItems: Items, rename: IdMapping): ListChange {
    const byTarget = (items: Items, mapping: IdMapping) => new Map(items.map(i => [listItemTarget(i, mapping), i]));
    const before = byTarget(oldItems, rename), after = byTarget(newItems, SAME);
    const added: string[] = [], removed: string[] = [], changed: Array<{ old: string; new: string }> = [];
    for (const [target, item] of after) {
        const old = before.get(target);
        if (!old) added.push(expressionText(item));
        else if (expressionKey(old, rename) !== expressionKey(item)) changed.push({ old: expressionText(old), new: expressionText(item) });
    }
    for (const [target, item] of before) if (!after.has(target)) removed.push(expressionText(item));
    return { added, removed, changed };
}

function settingsChanges(oldModel: Model | undefined, newModel: Model | undefined, locate: Locator): AttributeChange[] {
    if (!oldModel || !newModel) return [];
    const changes: AttributeChange[] = [];
    const os = oldModel.description.settings, ns = newModel.description.settings;
    if ((os.title ?? '') !== (ns.title ?? '')) {
        changes.push({ attribute: 'title', change: 'changed', aspects: ['value'], old: { text: os.title ?? '', given: 'user' }, new: { text: ns.title ?? '', given: 'user' } });
    }
    for (const name of ['start_date', 'modeling_duration'] as const) {
        const o = os[name], n = ns[name];
        const version = (input: InputDescription | undefined, model: Model): InputVersion | undefined => input
            ? compact<InputVersion>({ text: textOf(input), given: 'user', source: sourceOf(model, input.source), place: placeOf(input.origin, locate) }) : undefined;
        if ((o ? expressionKey(o.expr) : '') === (n ? expressionKey(n.expr) : '')) continue;
        changes.push(compact({
            attribute: name, change: o && n ? 'changed' : n ? 'written' : 'unwritten', aspects: ['value'],
            old: version(o, oldModel), new: version(n, newModel)
        }) as AttributeChange);
    }
    return changes;
}

/** Without the undefined fields, so that JSON and snapshots show only what is there. */
function compact<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
