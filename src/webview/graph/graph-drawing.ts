import type { GraphNodeView, LaidOutGraph } from '../../language/protocol.js';
import { classToken, fitText, svgElement } from './svg.js';

/**
 * Draws a laid-out graph as SVG in graph units: edges first, then nodes on top. Each node is a
 * focusable group holding its box, a stripe in its class's colour, three lines of text (title,
 * subtitle, value) and, in a calculus graph, a badge to collapse or expand its ancestors.
 */

/** What a node's badge does: hide its ancestors, show them again, or open its own graph (cut by the size limit). */
export type BadgeAction = 'collapse' | 'expand' | 'open';

export interface DrawnNode {
    readonly view: GraphNodeView;
    readonly element: SVGGElement;
    readonly badge?: BadgeAction;
}

export interface DrawnGraph {
    readonly nodes: ReadonlyMap<string, DrawnNode>;
    /** The edges touching each node, to highlight them with it. */
    readonly edgesOf: ReadonlyMap<string, readonly SVGGElement[]>;
}

/** Where the text lines sit in a box (baselines), matching the server's box height of 58. */
const TEXT_LEFT = 12;
const TITLE_BASELINE = 19;
const SUBTITLE_BASELINE = 35;
const VALUE_BASELINE = 50;

function badgeOf(view: GraphNodeView, graph: LaidOutGraph, collapsed: ReadonlySet<string>, operandCount: number): BadgeAction | undefined {
    if (graph.kind !== 'calculus') return undefined;
    if (collapsed.has(view.id)) return 'expand';
    if ((view.hidden ?? 0) > 0) return 'open';
    return operandCount > 0 ? 'collapse' : undefined;
}

function badgeText(action: BadgeAction, hidden: number): string {
    return action === 'collapse' ? '−' : hidden > 0 ? `+${hidden}` : '+';
}

function badgeTitle(action: BadgeAction, hidden: number): string {
    switch (action) {
        case 'collapse': return 'Hide what this value is computed from';
        case 'expand': return `Show the ${hidden} hidden values this one is computed from`;
        case 'open': return `${hidden} values it is computed from are not shown: open its own calculus graph`;
    }
}

/** One line for screen readers: what the node is, its value, and what its keys do. */
function ariaLabel(view: GraphNodeView, badge: BadgeAction | undefined): string {
    const kind = view.kind === 'object' ? view.subtitle : `${view.kind === 'input' ? 'input' : 'calculated value'}, ${view.subtitle}`;
    const parts = [view.title, kind];
    if (view.value) parts.push(view.value);
    if (badge) parts.push(badge === 'collapse' ? 'Space hides its ancestors' : badge === 'expand' ? 'Space shows its ancestors' : 'Space opens its own graph');
    return parts.join('. ');
}

function drawNode(parent: SVGGElement, view: GraphNodeView, graph: LaidOutGraph, badge: BadgeAction | undefined): SVGGElement {
    const classes = ['node', `kind-${view.kind}`, classToken(view.className)];
    if (view.id === graph.root) classes.push('root');
    const g = svgElement('g', {
        class: classes.join(' '), transform: `translate(${view.x},${view.y})`, tabindex: 0, role: 'button',
        'aria-label': ariaLabel(view, badge), 'aria-describedby': 'graph-tooltip', 'data-id': view.id
    }, parent);
    svgElement('rect', { class: 'node-box', width: view.width, height: view.height, rx: view.kind === 'input' ? 10 : 3 }, g);
    svgElement('rect', { class: 'node-stripe', x: 1, y: 1, width: 5, height: view.height - 2, rx: 2 }, g);
    const maxWidth = view.width - TEXT_LEFT - 8;
    const lines: Array<[string, string, number]> = [[view.title, 'node-title', TITLE_BASELINE], [view.subtitle, 'node-subtitle', SUBTITLE_BASELINE], [view.value, 'node-value', VALUE_BASELINE]];
    for (const [text, cls, baseline] of lines) {
        if (!text) continue;
        const t = svgElement('text', { class: cls, x: TEXT_LEFT, y: baseline }, g);
        t.textContent = text;
        t.dataset.maxWidth = String(maxWidth);
    }
    if (badge) {
        // on the top-left corner: edges come in on the left side, nearer its middle
        const hidden = view.hidden ?? 0;
        const label = badgeText(badge, hidden);
        const width = Math.max(16, 7 * label.length + 8);
        const b = svgElement('g', { class: `node-badge badge-${badge}`, transform: `translate(${-width / 2},-8)`, 'data-action': badge }, g);
        svgElement('rect', { width, height: 16, rx: 8 }, b);
        const t = svgElement('text', { x: width / 2, y: 12, 'text-anchor': 'middle' }, b);
        t.textContent = label;
        const title = svgElement('title', {}, b);
        title.textContent = badgeTitle(badge, hidden);
    }
    return g;
}

export function drawGraph(layer: SVGGElement, graph: LaidOutGraph, collapsed: ReadonlySet<string>): DrawnGraph {
    layer.replaceChildren();
    const edgeLayer = svgElement('g', { class: 'edges', 'aria-hidden': 'true' }, layer);
    const nodeLayer = svgElement('g', { class: 'nodes' }, layer);
    const edgesOf = new Map<string, SVGGElement[]>();
    const operandCount = new Map<string, number>();
    for (const edge of graph.edges) {
        const g = svgElement('g', { class: 'edge' }, edgeLayer);
        svgElement('path', { class: 'edge-line', d: edge.path }, g);
        if (edge.arrow) svgElement('polygon', { class: 'edge-arrow', points: edge.arrow }, g);
        if (edge.label && edge.labelX !== undefined && edge.labelY !== undefined) {
            const t = svgElement('text', { class: 'edge-label', x: edge.labelX, y: edge.labelY, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, g);
            t.textContent = edge.label;
        }
        for (const id of [edge.from, edge.to]) edgesOf.set(id, [...edgesOf.get(id) ?? [], g]);
        operandCount.set(edge.to, (operandCount.get(edge.to) ?? 0) + 1);
    }
    // reading order (columns left to right, top to bottom in each), which is also the Tab order
    const ordered = [...graph.nodes].sort((a, b) => a.x - b.x || a.y - b.y);
    const nodes = new Map<string, DrawnNode>();
    for (const view of ordered) {
        const badge = badgeOf(view, graph, collapsed, operandCount.get(view.id) ?? 0);
        nodes.set(view.id, { view, element: drawNode(nodeLayer, view, graph, badge), badge });
    }
    return { nodes, edgesOf };
}

/** Shortens the lines that overflow their box, once the drawing is in the page. */
export function fitNodeTexts(drawn: DrawnGraph): void {
    for (const { element } of drawn.nodes.values()) {
        for (const text of element.querySelectorAll<SVGTextElement>('text[data-max-width]')) fitText(text, Number(text.dataset.maxWidth));
    }
}
