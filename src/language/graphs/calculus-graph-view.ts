import { calculusGraph, type EfpObject, type Model, type Node } from '../../engine/index.js';
import type { LaidOutGraph } from '../protocol.js';
import type { SketchEdge } from './dot-text.js';
import { assembleGraph, graphMessage, type NodeDraft } from './graph-assembly.js';
import { valueTooltip } from './graph-tooltips.js';
import { revealableOrigin } from './revealable-origin.js';
import { valueLine } from './value-line.js';

export interface CalculusGraphOptions {
    /** Node keys whose ancestors are not drawn. */
    readonly collapsed?: readonly string[];
    /** At most this many nodes, the nearest to the root first. */
    readonly maxNodes?: number;
    /** The model is the last good one, not the current text's. */
    readonly stale?: boolean;
}

const DEFAULT_MAX_NODES = 400;

/** The value shown when none is asked for: what the object weighs in the footprint, if anything. */
const FOOTPRINT_ATTRIBUTES = ['total_footprint', 'energy_footprint', 'instances_fabrication_footprint', 'carbon_footprint_fabrication'];

/** An object by the name the client knows: its id, or its key (`builtin:France`) for a built-in one. */
function objectNamed(model: Model, name: string): EfpObject | undefined {
    const object = name.startsWith('builtin:') ? model.lookup(name.slice('builtin:'.length), true) : model.lookup(name);
    // an object outside the evaluation (an unused built-in) has no values
    return object && object.nodes.size > 0 ? object : undefined;
}

function defaultAttribute(object: EfpObject): string | undefined {
    const footprint = FOOTPRINT_ATTRIBUTES.find(a => object.nodes.has(a));
    if (footprint) return footprint;
    const calculated = object.spec.calculated.find(c => object.nodes.has(c.name));
    return calculated?.name ?? object.nodes.keys().next().value;
}

/**
 * The nodes to draw: breadth-first from the root, not beyond a collapsed node, until `maxNodes`. A
 * node is `cut` when some of its operands are not drawn for lack of room.
 */
function visibleNodes(root: Node, collapsed: ReadonlySet<string>, maxNodes: number): { shown: Set<Node>; cut: Set<Node> } {
    const shown = new Set<Node>([root]);
    const cut = new Set<Node>();
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        if (collapsed.has(node.key)) continue;
        for (const operand of node.operands) {
            if (shown.has(operand)) continue;
            if (shown.size >= maxNodes) {
                cut.add(node);
                continue;
            }
            shown.add(operand);
            queue.push(operand);
        }
    }
    return { shown, cut };
}

/** How many of a node's ancestors are not drawn. */
function hiddenAncestors(node: Node, shown: ReadonlySet<Node>): number {
    const seen = new Set<Node>();
    const stack = [...node.operands];
    let hidden = 0;
    while (stack.length > 0) {
        const n = stack.pop()!;
        if (seen.has(n)) continue;
        seen.add(n);
        if (!shown.has(n)) hidden++;
        // a sum over every job of a system has as many operands: pushed one by one, not spread into a call
        for (const operand of n.operands) stack.push(operand);
    }
    return hidden;
}

/**
 * The calculus graph of a value laid out: the value and what it is computed from, down to the inputs,
 * operands on the left of what they feed (the root is the rightmost node). Each node shows its value;
 * its tooltip, the formula with its operands' values, or the input as written with its source.
 */
export async function calculusGraphView(model: Model, objectName: string, attribute: string | undefined, options: CalculusGraphOptions = {}): Promise<LaidOutGraph> {
    const stale = options.stale ?? false;
    const object = objectNamed(model, objectName);
    if (!object) return graphMessage('calculus', objectName, `No object '${objectName}' in the model.`, stale);
    const name = attribute ?? defaultAttribute(object);
    const root = name === undefined ? undefined : model.findNode(object.key, name);
    const title = `${object.id}.${name ?? ''}`;
    if (!root) return graphMessage('calculus', title, `${object} has no value '${name ?? ''}'.`, stale);

    // the engine's graph, so the panel draws exactly what explanations elsewhere list
    const full = calculusGraph(model, root);
    const collapsed = new Set(options.collapsed ?? []);
    const maxNodes = Math.max(1, Math.floor(options.maxNodes ?? DEFAULT_MAX_NODES));
    const { shown, cut } = visibleNodes(root, collapsed, maxNodes);

    const nodes: NodeDraft[] = [];
    const edges: SketchEdge[] = [];
    for (const explained of full.nodes) {
        const node = model.nodes.get(explained.key)!;
        if (!shown.has(node)) continue;
        const hidden = collapsed.has(node.key) || cut.has(node) ? hiddenAncestors(node, shown) : 0;
        nodes.push({
            id: node.key,
            title: `${node.object.id}.${node.attribute}`,
            subtitle: node.label,
            // an empty value says why rather than "no value" (the engine's empty-reason.ts)
            value: explained.emptyBecause !== undefined ? `empty: ${explained.emptyBecause}`
                : valueLine(explained.value, node.attribute.endsWith('_per_job') ? 'job' : 'usage pattern'),
            kind: node.kind,
            className: node.object.className,
            tooltip: valueTooltip(node, explained),
            // a calculated value is defined by its object's class: reveal the object
            origin: revealableOrigin(explained.origin, node.object.origin),
            hidden: hidden > 0 ? hidden : undefined
        });
        for (const operand of new Set(node.operands)) {
            if (shown.has(operand)) edges.push({ from: operand.key, to: node.key });
        }
    }
    return assembleGraph({ kind: 'calculus', title, root: root.key, nodes, edges, hidden: full.nodes.length - nodes.length, stale });
}

