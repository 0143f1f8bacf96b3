import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { ExprDescription, InputDescription, Origin } from '../model/description.js';
import { summarize } from '../model/explain.js';
import { describeSummary, formatNumber } from '../model/value-format.js';
import type { NodeValue } from '../model/node.js';
import { expressionKey, expressionText, listItemTarget, type IdMapping } from './expression-key.js';
import { matchObjects, type EfootprintIdsBySide, type MatchRule, type ObjectMatching } from './object-matching.js';
import { comparedObjects } from './object-links.js';
import { sameInputValue } from './input-values.js';
import type { AspectChanged } from './aspects.js';


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
    /** A built-in object of efp's library (`laptop`, `France`), which the other side declares in its place. */
    readonly builtin?: boolean;
}

export interface ObjectChange {
    /**
     * `renamed`: its .efp name changed (its inputs may have changed too); `moved`: only the file it is
     * declared in changed; `changed`: some of its inputs.
     */
    readonly change: 'added' | 'removed' | 'renamed' | 'moved' | 'changed';
    /** The .efp keyword (`server`) and e-footprint class (`Server`). */
    readonly keyword: string;
    readonly className: string;
    readonly old?: ObjectIdentity;
    readonly new?: ObjectIdentity;
    /** How a renamed or moved object was recognised (object-matching.ts). */
    readonly matchedBy?: MatchRule;
    /** The files it was and is declared in, when that changed (a model of several files). */
    readonly moved?: { readonly from: string; readonly to: string };
    /** Changed inputs; for an added or removed object, every input it writes (on its one side). */
    readonly attributes: readonly AttributeChange[];
}

/**
 * An input written otherwise with the same value (`1 GB` → `1000 MB`, a default written out, an
 * archetype's values written in full, a built-in object declared in the model with the same values):
 * no change, listed for who wants to know (`efp diff --json`).
 */
export interface RewrittenInput {
    /** The object's .efp name in the new model. */
    readonly object: string;
    readonly keyword: string;
    /** The input; `from` for the archetype; `declaration` for a built-in object declared in the model (or the reverse). */
    readonly attribute: string;
    readonly old: string;
    readonly new: string;
}

export interface InputDiff {
    /** Objects that changed, in the new model's declaration order, removed ones last. */
    readonly objects: readonly ObjectChange[];
    /** The model's title, start date and modeling duration. */
    readonly settings: readonly AttributeChange[];
    /** Inputs written otherwise with the same value: not changes. */
    readonly rewritten: readonly RewrittenInput[];
}

export interface InputDiffResult extends InputDiff {
    /** The matching it was computed with, for the footprint diff. */
    readonly matching: ObjectMatching;
}

export interface InputDiffOptions {
    /** e-footprint ids kept in `// e-footprint id:` comments, which recognise a renamed object. */
    readonly efootprintIds?: EfootprintIdsBySide;
    /** How to name a document in places (a path relative to the repository); the URI by default. */
    readonly locate?: Locator;
    /**
     * The URI of each side's main document (the file given, which imports the others): an object in the
     * main file of both sides has not moved, even when the two main files are two files. Without them,
     * objects are never reported as moved.
     */
    readonly mainFiles?: { readonly old?: string; readonly new?: string };
}

/** What changed in the inputs between two evaluated models; either may be absent (a model added or removed). */
export function diffInputs(oldModel: Model | undefined, newModel: Model | undefined, options: InputDiffOptions = {}): InputDiffResult {
    const locate = options.locate ?? (u => u);
    const matching = matchObjects(oldModel, newModel, options.efootprintIds);
    const objects: ObjectChange[] = [];
    const rewritten: RewrittenInput[] = [];
    const matchOfNew = new Map(matching.matches.map(m => [m.new, m]));
    const added = new Set(matching.added);
    const fileOf = (object: EfpObject, side: 'old' | 'new'): string | undefined => {
        const main = options.mainFiles?.[side];
        const uri = object.origin?.uri;
        return main === undefined || uri === undefined ? undefined : uri === main ? '' : locate(uri);
    };
    for (const n of comparedObjects(newModel)) {
        const m = matchOfNew.get(n);
        if (m) {
            const o = m.old;
            // the same built-in object on both sides: the same library
            if (o.description.builtin && n.description.builtin && o.id === n.id) continue;
            const found = changedAttributes(oldModel!, o, newModel!, n, matching, locate);
            for (const r of found.rewritten) rewritten.push({ object: n.id, keyword: n.spec.keyword, ...r });
            const builtinSwap = Boolean(o.description.builtin) !== Boolean(n.description.builtin);
            if (builtinSwap) {
                rewritten.push({
                    object: n.id, keyword: n.spec.keyword, attribute: 'declaration',
                    old: o.description.builtin ? `built-in ${o.id}` : o.id, new: n.description.builtin ? `built-in ${n.id}` : n.id
                });
            }
            const renamed = !builtinSwap && o.id !== n.id;
            const oldFile = fileOf(o, 'old'), newFile = fileOf(n, 'new');
            const moved = !builtinSwap && oldFile !== undefined && newFile !== undefined && oldFile !== newFile;
            const { attributes } = found;
            if (!renamed && !moved && attributes.length === 0) continue;
            objects.push({
                change: renamed ? 'renamed' : attributes.length > 0 ? 'changed' : 'moved',
                keyword: n.spec.keyword, className: n.className,
                old: identity(o, locate), new: identity(n, locate),
                ...(renamed || moved ? { matchedBy: m.rule } : {}),
                ...(moved ? { moved: { from: locate(o.origin!.uri), to: locate(n.origin!.uri) } } : {}),
                attributes
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
    const settings = settingsChanges(oldModel, newModel, locate);
    return { objects, settings: settings.changes, rewritten: [...settings.rewritten, ...rewritten], matching };
}

function identity(object: EfpObject, locate: Locator): ObjectIdentity {
    return compact({
        id: object.id, name: object.name,
        place: object.description.builtin ? undefined : placeOf(object.origin, locate),
        builtin: object.description.builtin ? true : undefined
    });
}

function placeOf(origin: Origin | undefined, locate: Locator): Place | undefined {
    return origin ? { file: locate(origin.uri), line: origin.range.start.line + 1 } : undefined;
}

function sourceOf(model: Model, id: string | undefined): SourceRef | undefined {
    if (!id) return undefined;
    const s = model.sources.get(id);
    return s ? { id: s.id, name: s.name, ...(s.link ? { link: s.link } : {}) } : { id, name: id };
}

/** The same source for people: the same name and link (two models may give it different ids). */
function sameSource(oldModel: Model, a: string | undefined, newModel: Model, b: string | undefined): boolean {
    const x = sourceOf(oldModel, a), y = sourceOf(newModel, b);
    return x === undefined || y === undefined ? x === y : x.name === y.name && (x.link ?? '') === (y.link ?? '');
}

/**
 * A series whose hours are not the modeling period's says so: two versions of an input over the same
 * period can otherwise read `8,766 hourly values` and `8,760 hourly values` with no reason given. The
 * usual one is volume_growth, which counts years of 365 days as e-footprint's forms do, where the
 * period's `1 year` is 365.25 days.
 */
function withPeriodNote(summary: string, value: NodeValue, expr: ExprDescription, model: Model): string {
    const period = model.period.length;
    if (value.kind !== 'hourly' || value.series.length === period) return summary;
    const why = callsFunction(expr, 'volume_growth') ? ': volume_growth counts years of 365 days, as e-footprint\'s forms do' : '';
    const count = /^[\d,]+ hourly values?/.exec(summary)?.[0];
    if (!count) return summary;
    return `${count} (the modeling period has ${formatNumber(period, 0)} hours${why})${summary.slice(count.length)}`;
}

/** Whether an expression calls a function (`volume_growth(…) * 2` does). */
function callsFunction(expr: ExprDescription, name: string): boolean {
    const stack: ExprDescription[] = [expr];
    while (stack.length > 0) {
        const e = stack.pop()!;
        if (e.kind === 'call') {
            if (e.function === name) return true;
            for (const a of e.args) stack.push(a.value);
        } else if (e.kind === 'binary') stack.push(e.left, e.right);
        else if (e.kind === 'negate') stack.push(e.operand);
        else if (e.kind === 'convert') stack.push(e.expr);
        else if (e.kind === 'list') for (const item of e.items) stack.push(item);
    }
    return false;
}

/** An input of an object as it stands in a model, with its evaluated value. */
function versionOf(model: Model, object: EfpObject, attribute: string, locate: Locator): InputVersion | undefined {
    const input = object.inputs.get(attribute);
    if (!input) return undefined;
    const node = model.findNode(object.key, attribute);
    const value = node?.value && node.value.kind !== 'dict' && node.value.kind !== 'empty' && !node.error
        ? withPeriodNote(describeSummary(summarize(node.value, node.unit)), node.value, input.expr, model) : undefined;
    return compact({
        text: textOf(input),
        given: input.given,
        value,
        expression: input.expr.kind !== 'number' && input.expr.kind !== 'text' && input.expr.kind !== 'symbol' && input.expr.kind !== 'date' ? true : undefined,
        unit: value !== undefined ? node!.unit : undefined,
        source: sourceOf(model, input.source),
        confidence: input.confidence,
        comment: input.comment,
        place: input.given === 'user' && !object.description.builtin ? placeOf(input.origin, locate) : undefined
    });
}

/** Longer texts are cut: a series written out in full (an import's `hourly_values`) runs to megabytes. */
const MAX_TEXT = 160;

function textOf(input: InputDescription): string {
    const text = input.text?.replace(/\s+/g, ' ').trim() ?? expressionText(input.expr);
    if (text.length <= MAX_TEXT) return text;
    return `${Array.from(text.slice(0, MAX_TEXT + 2)).slice(0, MAX_TEXT - 2).join('')} …`;
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

/** `300 W`, `default 50 W`, `50 W from its archetype`: a version's text in a RewrittenInput. */
function versionTextOf(v: InputVersion | undefined): string {
    if (!v) return 'nothing';
    return v.given === 'default' ? `default ${v.value ?? v.text}` : v.given === 'archetype' ? `${v.value ?? v.text} from its archetype` : v.text;
}

type Rewritten = Omit<RewrittenInput, 'object' | 'keyword'>;

/**
 * The inputs of two matched objects that changed. An input whose value is the same on both sides is no
 * change, however it is written (it is then listed as rewritten when the text differs); an input written
 * the same on both sides is no change either, even when what it reads changed (`web.ram / 2`: the change
 * is reported where it was written, on `web.ram`).
 */
function changedAttributes(oldModel: Model, o: EfpObject, newModel: Model, n: EfpObject, matching: ObjectMatching, locate: Locator): { attributes: AttributeChange[]; rewritten: Rewritten[] } {
    const changes: AttributeChange[] = [];
    const rewritten: Rewritten[] = [];
    const od = o.description, nd = n.description;
    // the input names: the class's, in its order (both sides are of one class)
    const names = n.spec.inputs.map(i => i.name).filter(name => o.inputs.has(name) || n.inputs.has(name));
    for (const name of names) {
        const ow = od.inputs[name], nw = nd.inputs[name];
        const oldInput = o.inputs.get(name), newInput = n.inputs.get(name);
        const oldKey = oldInput ? expressionKey(oldInput.expr, matching.oldRefs) : undefined;
        const newKey = newInput ? expressionKey(newInput.expr, matching.newRefs) : undefined;
        const sameText = oldKey === newKey && Boolean(ow) === Boolean(nw);
        const sameValue = sameText || sameInputValue(oldModel, o, matching.oldToken, newModel, n, matching.newToken, name);
        const aspects: AspectChanged[] = [];
        if (!sameValue) aspects.push('value');
        // a built-in object's annotations are the library's: compared with a declared one's, they say nothing
        if (ow && nw && !od.builtin && !nd.builtin) {
            if (!sameSource(oldModel, oldInput?.source, newModel, newInput?.source)) aspects.push('source');
            if (ow.confidence !== nw.confidence) aspects.push('confidence');
            if (ow.comment !== nw.comment) aspects.push('comment');
        }
        // the spellings are compared only for a value that stayed the same (a long series' text is built twice)
        const rewrittenText = sameValue && (Boolean(ow) !== Boolean(nw)
            || (oldInput && newInput && expressionKey(oldInput.expr, matching.oldRefs, 'as-written') !== expressionKey(newInput.expr, matching.newRefs, 'as-written')));
        if (rewrittenText && (ow || nw)) {
            rewritten.push({ attribute: name, old: versionTextOf(versionOf(oldModel, o, name, locate)), new: versionTextOf(versionOf(newModel, n, name, locate)) });
        }
        if (aspects.length === 0) continue;
        const list = oldInput?.expr.kind === 'list' && newInput?.expr.kind === 'list' && aspects.includes('value')
            ? listChange(oldInput.expr.items, newInput.expr.items, matching) : undefined;
        changes.push(compact({
            attribute: name,
            change: ow && nw ? 'changed' : nw ? 'written' : ow ? 'unwritten' : 'changed',
            aspects,
            old: versionOf(oldModel, o, name, locate),
            new: versionOf(newModel, n, name, locate),
            list
        }) as AttributeChange);
    }
    const valueChanged = changes.some(c => c.aspects.includes('value'));
    // the archetype counts through the values it gives: a change of it alone is a rewriting
    const oldFrom = od.archetype ? matching.oldRefs(od.archetype, od.archetypeIsBuiltin ?? false) : undefined;
    const newFrom = nd.archetype ? matching.newRefs(nd.archetype, nd.archetypeIsBuiltin ?? false) : undefined;
    if (oldFrom !== newFrom) {
        const from = {
            attribute: 'from', change: !od.archetype ? 'written' : !nd.archetype ? 'unwritten' : 'changed', aspects: ['value'],
            old: od.archetype ? { text: od.archetype, given: 'user' } : undefined, new: nd.archetype ? { text: nd.archetype, given: 'user' } : undefined
        } as const;
        if (valueChanged) changes.unshift(compact(from) as AttributeChange);
        else rewritten.unshift({ attribute: 'from', old: od.archetype ?? 'nothing', new: nd.archetype ?? 'nothing' });
    }
    // the display name is a label, not a value, but people read it: a change of it is reported
    if (od.name !== nd.name && !(od.name === od.id && nd.name === nd.id)) {
        changes.unshift({ attribute: 'name', change: 'changed', aspects: ['value'], old: { text: od.name, given: 'user' }, new: { text: nd.name, given: 'user' } });
    }
    return { attributes: changes, rewritten };
}

type Items = Extract<InputDescription['expr'], { kind: 'list' }>['items'];

function listChange(oldItems: Items, newItems: Items, matching: ObjectMatching): ListChange {
    const byTarget = (items: Items, mapping: IdMapping) => new Map(items.map(i => [listItemTarget(i, mapping), i]));
    const before = byTarget(oldItems, matching.oldRefs), after = byTarget(newItems, matching.newRefs);
    const added: string[] = [], removed: string[] = [], changed: Array<{ old: string; new: string }> = [];
    for (const [target, item] of after) {
        const old = before.get(target);
        if (!old) added.push(expressionText(item));
        else if (expressionKey(old, matching.oldRefs) !== expressionKey(item, matching.newRefs)) changed.push({ old: expressionText(old), new: expressionText(item) });
    }
    for (const [target, item] of before) if (!after.has(target)) removed.push(expressionText(item));
    return { added, removed, changed };
}

/** The model's settings: its title as text, its period by value (`3 year` and `26298 h` are one period). */
function settingsChanges(oldModel: Model | undefined, newModel: Model | undefined, locate: Locator): { changes: AttributeChange[]; rewritten: RewrittenInput[] } {
    const changes: AttributeChange[] = [];
    const rewritten: RewrittenInput[] = [];
    if (!oldModel || !newModel) return { changes, rewritten };
    const os = oldModel.description.settings, ns = newModel.description.settings;
    if ((os.title ?? '') !== (ns.title ?? '')) {
        changes.push({ attribute: 'title', change: 'changed', aspects: ['value'], old: { text: os.title ?? '', given: 'user' }, new: { text: ns.title ?? '', given: 'user' } });
    }
    const sameValue = {
        start_date: oldModel.period.start === newModel.period.start,
        modeling_duration: oldModel.period.length === newModel.period.length
    };
    for (const name of ['start_date', 'modeling_duration'] as const) {
        const o = os[name], n = ns[name];
        const version = (input: InputDescription | undefined, model: Model): InputVersion | undefined => input
            ? compact<InputVersion>({ text: textOf(input), given: 'user', source: sourceOf(model, input.source), place: placeOf(input.origin, locate) }) : undefined;
        if ((o ? expressionKey(o.expr, undefined, 'as-written') : '') === (n ? expressionKey(n.expr, undefined, 'as-written') : '')) continue;
        if (sameValue[name]) {
            rewritten.push({ object: 'model', keyword: 'model', attribute: name, old: o ? textOf(o) : 'default', new: n ? textOf(n) : 'default' });
            continue;
        }
        changes.push(compact({
            attribute: name, change: o && n ? 'changed' : n ? 'written' : 'unwritten', aspects: ['value'],
            old: version(o, oldModel), new: version(n, newModel)
        }) as AttributeChange);
    }
    return { changes, rewritten };
}

/** Without the undefined fields, so that JSON and snapshots show only what is there. */
function compact<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
