import type { Model } from './model.js';
import type { Node, NodeValue } from './node.js';
import type { Origin } from './description.js';
import { parseUnit } from '../units/unit.js';
import { emptyReason } from './empty-reason.js';

/** A value summarized for people: a scalar, or a series' total, min and max, in the node's unit. */
export interface ValueSummary {
    readonly kind: 'quantity' | 'hourly' | 'dict' | 'empty';
    readonly unit: string;
    readonly value?: number;
    readonly total?: number;
    readonly min?: number;
    readonly max?: number;
    readonly hours?: number;
    /** For values per object (per usage pattern, per job): each item's summary by name. */
    readonly items?: Readonly<Record<string, ValueSummary>>;
}

/** One node of a calculus graph. */
export interface ExplainedNode {
    readonly key: string;
    readonly object: string;
    readonly objectName: string;
    readonly className: string;
    readonly attribute: string;
    readonly label: string;
    readonly kind: 'input' | 'calculated';
    /** The formula in attribute names, or the input as written. */
    readonly formula: string;
    readonly value: ValueSummary;
    readonly operands: readonly string[];
    readonly source?: { readonly id: string; readonly name: string; readonly link?: string };
    readonly confidence?: string;
    readonly comment?: string;
    /** Where an input was written (user inputs and archetype values). */
    readonly origin?: Origin;
    /** An input left out: e-footprint's default, or an archetype's value. */
    readonly given?: 'user' | 'archetype' | 'default';
    readonly error?: string;
    /** Why the value is empty (or has no items), when it is: `no usage pattern uses reports` (empty-reason.ts). */
    readonly emptyBecause?: string;
}

/** A value's calculus graph: the value, its operands, theirs, down to the inputs. */
export interface CalculusGraph {
    readonly root: string;
    readonly nodes: readonly ExplainedNode[];
}

export function summarize(value: NodeValue | undefined, unit: string): ValueSummary {
    const factor = parseUnit(unit).factor;
    if (!value || value.kind === 'empty') return { kind: 'empty', unit };
    if (value.kind === 'quantity') return { kind: 'quantity', unit, value: value.value / factor };
    if (value.kind === 'hourly') {
        const s = value.series;
        return { kind: 'hourly', unit, total: s.sum() / factor, min: s.min() / factor, max: s.max() / factor, hours: s.length };
    }
    const items: Record<string, ValueSummary> = {};
    for (const [key, item] of value.items) items[key.name] = summarize(item, unit);
    return { kind: 'dict', unit, items };
}

export function explainNode(model: Model, node: Node): ExplainedNode {
    const input = node.input;
    const source = input?.source ? model.sources.get(input.source) : undefined;
    return {
        key: node.key,
        object: node.object.id,
        objectName: node.object.name,
        className: node.object.className,
        attribute: node.attribute,
        label: node.label,
        kind: node.kind,
        formula: node.formula,
        value: summarize(node.value, node.unit),
        operands: node.operands.map(o => o.key),
        source: source ? { id: source.id, name: source.name, link: source.link } : input?.source ? { id: input.source, name: input.source } : undefined,
        confidence: input?.confidence,
        comment: input?.comment,
        origin: input?.origin,
        given: input?.given,
        error: node.error,
        emptyBecause: emptyReason(node)?.because
    };
}

/** The calculus graph of a node: it and every node it is computed from, operands before the root. */
export function calculusGraph(model: Model, root: Node): CalculusGraph {
    const seen = new Set<Node>();
    const ordered: Node[] = [];
    const visit = (n: Node) => {
        if (seen.has(n)) return;
        seen.add(n);
        n.operands.forEach(visit);
        ordered.push(n);
    };
    visit(root);
    return { root: root.key, nodes: ordered.map(n => explainNode(model, n)) };
}
