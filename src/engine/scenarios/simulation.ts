/*
 * e-footprint's ModelingUpdate, as efp evaluates a `scenario` (rules read from e-footprint 22's
 * modeling_update.py and its tests, written down here in our words):
 *
 * - Without a simulation_date, the changes replace the inputs and everything is recomputed: the same
 *   as editing the model.
 * - With a simulation_date, only the values downstream of the changes are recomputed:
 *   · for a value change (a quantity), the values computed from the changed input, transitively;
 *   · for a link change (a list of steps, a job's server...), every calculated value of the objects
 *     the change touches (e-footprint's chain of modeling objects: the object changed, the objects
 *     added to or removed from its list and what they link to) and what depends on them.
 * - Every hourly value those recomputed values read and that is not itself recomputed (nor the new
 *   value of a changed input) is first cut to start at the date. So recomputed values cover the date
 *   onwards only: a server's instance count (the max over its hours) is the max over the simulated
 *   hours, a storage's cumulative need starts again from its base need at the date.
 * - Values not downstream of a change keep their baseline values.
 * - e-footprint keeps the recomputed values beside the baseline ones (their "simulation twins") and puts
 *   the baseline back; the scenario's footprint is the baseline before the date and the recomputed
 *   values from the date on.
 * - A date outside the modeling period is an error (e-footprint checks it against the span of the cut
 *   series, which is the modeling period here).
 *
 * How efp does it: a second Model is built from the description with the changes written in (that is
 * the whole answer without a date, and it rebuilds the structure a link change alters). With a date,
 * the values of that model recomputed by e-footprint's rules are found by comparing its graph with the
 * baseline's (a value that is new or reads other values there depends on the change), their
 * ancestors are cut to the date and they are computed again, in order.
 */
import { Model } from '../model/model.js';
import type { Node, NodeValue } from '../model/node.js';
import type { EfpObject } from '../model/efp-object.js';
import type { ScenarioDescription } from '../model/description.js';
import { applyScenario, changedInputSpec, changedObject, isLinkChange } from './apply-changes.js';
import { cutAtDate } from './cut-at-date.js';
import { reachableFrom } from '../model/linked-objects.js';

/** A scenario's model once evaluated: with a date, its recomputed values cover the date onwards. */
export interface Simulation {
    /** The model with the changes written in. */
    readonly model: Model;
    /** The simulation_date, in hours since 1970-01-01 UTC; undefined when the changes apply from the start. */
    readonly date?: number;
    /** The values recomputed from the date (with no date, every value). */
    readonly recomputed: ReadonlySet<Node>;
    /** The hourly values cut to the date before the recomputation. */
    readonly cut: readonly Node[];
}

/**
 * Evaluates the scenario (already checked: its objects and attributes exist, its date is in the
 * period) beside `baseline`, which it does not change.
 */
export function simulate(baseline: Model, scenario: ScenarioDescription, date: number | undefined): Simulation {
    // built with the baseline's classes, and counted with its values, which stay held beside it: one
    // budget for the model and its scenarios
    const model = Model.build(applyScenario(baseline.description, scenario), baseline.registry, { ledger: baseline.seriesLedger });
    if (date === undefined || model.hasErrors) return { model, date, recomputed: new Set(model.nodes.values()), cut: [] };
    const { sources, recomputed } = recomputedNodes(baseline, model, scenario);
    const replacements = new Map<Node, NodeValue>();
    for (const node of recomputed) {
        for (const operand of node.operands) {
            if (recomputed.has(operand) || sources.has(operand) || replacements.has(operand)) continue;
            const cut = cutAtDate(operand.value, date);
            if (cut) replacements.set(operand, cut);
        }
    }
    model.recomputeWith(replacements, recomputed);
    return { model, date, recomputed, cut: [...replacements.keys()] };
}

/** The new values of the changed inputs (not recomputed, not cut) and the values recomputed from the date. */
function recomputedNodes(baseline: Model, model: Model, scenario: ScenarioDescription): { sources: Set<Node>; recomputed: Set<Node> } {
    const sources = new Set<Node>();
    const seeds: Node[] = [];
    // one by one, not push(...nodes): a value may have more dependents than a call takes arguments
    const seed = (nodes: Iterable<Node>) => { for (const n of nodes) seeds.push(n); };
    const seedCalculated = (o: EfpObject) => { for (const n of o.nodes.values()) if (n.kind === 'calculated') seeds.push(n); };
    let byKey: Map<string, EfpObject> | undefined;
    for (const change of scenario.changes) {
        const description = changedObject(baseline.description, change.object);
        const spec = description && changedInputSpec(description, change.attribute);
        const object = description && model.lookup(change.object, description.builtin);
        if (!spec || !object) continue;
        const before = baseline.lookup(change.object, description.builtin);
        if (!isLinkChange(spec)) {
            const node = model.findNode(object.key, change.attribute);
            // e-footprint skips a change to a value equal to the current one
            if (node && !sameValue(node.value, before && baseline.findNode(before.key, change.attribute)?.value)) {
                sources.add(node);
                seed(node.dependents);
            }
            continue;
        }
        const oldLinks = links(before, change.attribute), newLinks = links(object, change.attribute);
        if (oldLinks.join() === newLinks.join()) continue;
        // e-footprint's chain of modeling objects: the changed object, and the objects it gains or loses with what they link to
        seedCalculated(object);
        const keys = (l: string[]) => new Set(l.map(x => x.split('*')[0]));
        const oldIds = keys(oldLinks), newIds = keys(newLinks);
        const moved = [...oldIds].filter(id => !newIds.has(id)).concat([...newIds].filter(id => !oldIds.has(id)));
        byKey ??= new Map(model.instances.map(o => [o.key, o]));
        for (const o of reachableFrom(moved.map(key => byKey!.get(key)))) seedCalculated(o);
    }
    // a value that is new, or reads other values than in the baseline, depends on a link change
    for (const node of model.nodes.values()) {
        if (sources.has(node)) continue;
        const old = baseline.nodes.get(node.key);
        if (!old || old.operands.length !== node.operands.length || old.operands.some((o, i) => o.key !== node.operands[i].key)) seeds.push(node);
    }
    const recomputed = new Set<Node>();
    const stack = seeds.filter(n => !sources.has(n));
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (recomputed.has(node) || sources.has(node)) continue;
        recomputed.add(node);
        for (const d of node.dependents) stack.push(d);
    }
    return { sources, recomputed };
}

/** What a link input says, comparable between two models: `web`, `[watch*1, capture*2]`, `autoscaling`. */
function links(object: EfpObject | undefined, attribute: string): string[] {
    if (!object) return [];
    const ref = object.refs.get(attribute);
    if (ref) return [ref.key];
    const list = object.lists.get(attribute);
    if (list) return list.map(o => o.key);
    const weighted = object.weighted.get(attribute);
    if (weighted) return weighted.map(w => `${w.object.key}*${w.weight}`);
    const text = object.texts.get(attribute);
    return text === undefined ? [] : [`"${text}"`];
}

function sameValue(a: NodeValue | undefined, b: NodeValue | undefined): boolean {
    if (!a || !b || a.kind !== b.kind) return false;
    if (a.kind === 'empty') return true;
    if (a.kind === 'quantity' && b.kind === 'quantity') return a.value === b.value && a.dimension.equals(b.dimension);
    if (a.kind === 'hourly' && b.kind === 'hourly') {
        const x = a.series, y = b.series;
        if (x.start !== y.start || x.length !== y.length || !a.dimension.equals(b.dimension)) return false;
        const xv = x.values, yv = y.values;
        for (let i = 0; i < xv.length; i++) if (xv[i] !== yv[i]) return false;
        return true;
    }
    return false;
}

