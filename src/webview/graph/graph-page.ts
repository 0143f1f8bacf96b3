import type { LaidOutGraph } from '../../language/protocol.js';
import { drawGraph, fitNodeTexts, type DrawnGraph, type DrawnNode } from './graph-drawing.js';
import { initialViewport, selectedNode } from './initial-view.js';
import type { FromGraphWebview, GraphRequest, GraphWebviewState, ToGraphWebview } from './messages.js';
import { buildPage, type PageElements } from './page-layout.js';
import { PanZoom } from './pan-zoom.js';
import { GraphSearch } from './search.js';
import { Tooltip } from './tooltip.js';
import { vscodeApi } from '../vscode-api.js';

/** Pixels an arrow key pans by. */
const PAN_STEP = 60;
/** A click waits this long for a double click before revealing the node's source. */
const DOUBLE_CLICK_WAIT = 250;

const HINTS = {
    calculus: 'Click a node: go to its definition · Double-click: its own calculus graph · − / +N: hide or show what it is computed from · '
        + 'Keys: Tab between nodes, Enter go to definition, Space collapse or expand, Shift+Enter its own graph, + − 0 zoom, arrows pan',
    object: 'Click an object: go to its declaration · Double-click: its footprint\'s calculus graph · '
        + 'Keys: Tab between objects, Enter go to declaration, Shift+Enter its calculus graph, + − 0 zoom, arrows pan'
};

/**
 * The graph panel's page: draws the graph the panel sends, and turns clicks and keys into pan, zoom,
 * search, and messages back to the panel (reveal a definition, collapse a node, open another graph).
 */
export class GraphPage {
    private readonly api = vscodeApi<FromGraphWebview, GraphWebviewState>();
    private readonly page: PageElements;
    private readonly panZoom: PanZoom;
    private readonly search: GraphSearch;
    private readonly tooltip: Tooltip;
    private request: GraphRequest | undefined;
    private graph: LaidOutGraph | undefined;
    private drawn: DrawnGraph | undefined;
    /** A node the user collapsed or expanded: it stays where it was on screen in the new layout. */
    private anchor: { id: string; x: number; y: number } | undefined;
    private clickTimer: ReturnType<typeof setTimeout> | undefined;
    private saveTimer: ReturnType<typeof setTimeout> | undefined;
    private hovered: string | undefined;

    constructor(app: HTMLElement) {
        this.page = buildPage(app);
        this.tooltip = new Tooltip(document.body);
        this.panZoom = new PanZoom(this.page.canvas, this.page.layer, () => this.saveStateSoon());
        this.search = new GraphSearch(this.page.searchCount, id => this.centreOn(id));
        this.listen();
    }

    start(): void {
        window.addEventListener('message', (e: MessageEvent<ToGraphWebview>) => this.receive(e.data));
        this.post({ type: 'ready' });
    }

    private post(message: FromGraphWebview): void {
        this.api.postMessage(message);
    }

    private receive(message: ToGraphWebview): void {
        switch (message.type) {
            case 'loading':
                this.page.status.textContent = 'Laying out the graph…';
                break;
            case 'failed':
                this.showMessage(message.message);
                this.page.status.textContent = '';
                break;
            case 'graph':
                this.show(message.request, message.graph, message.keepView);
                break;
        }
    }

    private get collapsed(): ReadonlySet<string> {
        return new Set(this.request?.kind === 'calculus' ? this.request.params.collapsed ?? [] : []);
    }

    private show(request: GraphRequest, graph: LaidOutGraph, keepView: boolean): void {
        const first = this.graph === undefined;
        const saved = first ? this.api.getState() : undefined;
        // a view to keep: the last message drew something (not a message such as "the model has errors")
        const hadDrawing = (this.drawn?.nodes.size ?? 0) > 0;
        this.request = request;
        this.graph = graph;
        this.tooltip.hide();
        const { page } = this;
        page.heading.textContent = graph.kind === 'calculus' ? `Calculus graph of ${graph.title}` : `Object graph: ${graph.title}`;
        page.hints.textContent = HINTS[graph.kind];
        page.staleBanner.hidden = !graph.stale;
        page.expandAll.hidden = this.collapsed.size === 0;
        page.canvas.setAttribute('aria-label', `${page.heading.textContent}, ${graph.nodes.length} nodes`);
        page.status.textContent = statusLine(graph);
        if (graph.message || graph.nodes.length === 0) {
            this.drawn = drawGraph(page.layer, { ...graph, nodes: [], edges: [] }, new Set());
            this.search.attach(this.drawn);
            this.anchor = undefined;
            this.showMessage(graph.message ?? 'Nothing to draw.');
            this.saveState();
            return;
        }
        page.message.hidden = true;
        const before = this.anchorPosition();
        this.drawn = drawGraph(page.layer, graph, this.collapsed);
        fitNodeTexts(this.drawn);
        this.search.attach(this.drawn);

        const anchored = before && this.drawn.nodes.get(before.id)?.view;
        if (anchored) {
            const scale = this.panZoom.viewport.scale;
            this.panZoom.viewport = { x: before.x - anchored.x * scale, y: before.y - anchored.y * scale, scale };
        } else if (keepView && hadDrawing) {
            // the same graph, updated: the user's pan and zoom stay
        } else if (saved?.viewport && sameRequest(saved.request, request)) {
            // the panel is back after a window reload: as the user left it
            this.panZoom.viewport = saved.viewport;
        } else {
            // a new graph: all of it, or the value it was asked for, readable (Fit shows it all)
            this.showInitialView(request, graph);
        }
        this.saveState();
    }

    /** Where the anchor node was on screen, taken once when the new drawing arrives. */
    private anchorPosition(): { id: string; x: number; y: number } | undefined {
        const anchor = this.anchor;
        this.anchor = undefined;
        return anchor;
    }

    private showMessage(text: string): void {
        this.page.message.textContent = text;
        this.page.message.hidden = false;
    }

    private showInitialView(request: GraphRequest, graph: LaidOutGraph): void {
        const selected = selectedNode(request, graph.root);
        const focus = selected === undefined ? undefined : this.drawn?.nodes.get(selected)?.view;
        this.panZoom.viewport = initialViewport(graph, this.panZoom.size, focus);
    }

    private fit(): void {
        if (this.graph) this.panZoom.fit(this.graph.width, this.graph.height);
    }

    private centreOn(id: string): void {
        const node = this.drawn?.nodes.get(id);
        if (!node) return;
        const { x, y, width, height } = node.view;
        this.panZoom.centreOn(x + width / 2, y + height / 2);
    }

    private saveStateSoon(): void {
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => this.saveState(), 200);
    }

    private saveState(): void {
        if (!this.request) return;
        const state: GraphWebviewState = { request: this.request, viewport: this.panZoom.viewport };
        this.api.setState(state);
    }

    private nodeOf(target: EventTarget | null): DrawnNode | undefined {
        const element = target instanceof Element ? target.closest<SVGGElement>('.node') : null;
        const id = element?.dataset.id;
        return id === undefined ? undefined : this.drawn?.nodes.get(id);
    }

    private listen(): void {
        const { page } = this;
        page.zoomIn.addEventListener('click', () => this.panZoom.zoomBy(1.25));
        page.zoomOut.addEventListener('click', () => this.panZoom.zoomBy(0.8));
        page.fit.addEventListener('click', () => this.fit());
        page.expandAll.addEventListener('click', () => this.post({ type: 'expandAll' }));
        page.search.addEventListener('input', () => this.search.apply(page.search.value));
        page.search.addEventListener('keydown', (e: KeyboardEvent) => {
            if (e.key === 'Enter') {
                e.preventDefault();
                this.search.step(e.shiftKey);
            } else if (e.key === 'Escape') {
                page.search.value = '';
                this.search.apply('');
            }
        });

        const layer = page.layer;
        layer.addEventListener('click', e => {
            const node = this.nodeOf(e.target);
            if (!node) return;
            const badge = (e.target as Element).closest('.node-badge');
            if (badge) {
                this.badgeAction(node);
                return;
            }
            clearTimeout(this.clickTimer);
            // the first click of a double click must not reveal: the second opens another graph
            this.clickTimer = setTimeout(() => this.reveal(node), DOUBLE_CLICK_WAIT);
        });
        layer.addEventListener('dblclick', e => {
            const node = this.nodeOf(e.target);
            if (!node || (e.target as Element).closest('.node-badge')) return;
            clearTimeout(this.clickTimer);
            this.openGraphOf(node);
        });
        layer.addEventListener('pointerover', e => {
            const node = this.nodeOf(e.target);
            if (node?.view.id === this.hovered) return;
            this.highlight(this.hovered, false);
            this.hovered = node?.view.id;
            this.highlight(this.hovered, true);
            if (node) this.tooltip.show(node.element, node.view.tooltip);
            else this.tooltip.hide();
        });
        layer.addEventListener('pointerleave', () => {
            this.highlight(this.hovered, false);
            this.hovered = undefined;
            this.tooltip.hide();
        });
        layer.addEventListener('focusin', e => {
            const node = this.nodeOf(e.target);
            if (!node) return;
            this.highlight(node.view.id, true);
            const { x, y, width, height } = node.view;
            // Tab to a node out of view brings it in; a click on a half-hidden node does not move the graph
            if (node.element.matches(':focus-visible') && !this.panZoom.isInView(x, y, width, height)) this.centreOn(node.view.id);
            this.tooltip.show(node.element, node.view.tooltip, 0);
        });
        layer.addEventListener('focusout', e => {
            const node = this.nodeOf(e.target);
            if (node) this.highlight(node.view.id, false);
            this.tooltip.hide();
        });
        layer.addEventListener('keydown', e => {
            const node = this.nodeOf(e.target);
            if (!node) return;
            if (e.key === 'Enter') {
                e.preventDefault();
                if (e.shiftKey) this.openGraphOf(node);
                else this.reveal(node);
            } else if (e.key === ' ') {
                e.preventDefault();
                this.badgeAction(node);
            }
        });
        // zoom and pan keys anywhere on the canvas (on it or on a node)
        page.canvas.addEventListener('keydown', e => this.viewKey(e));
        window.addEventListener('resize', () => this.saveStateSoon());
    }

    private viewKey(e: KeyboardEvent): void {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        const keys: Record<string, () => void> = {
            '+': () => this.panZoom.zoomBy(1.25),
            '=': () => this.panZoom.zoomBy(1.25),
            '-': () => this.panZoom.zoomBy(0.8),
            '_': () => this.panZoom.zoomBy(0.8),
            '0': () => this.fit(),
            ArrowLeft: () => this.panZoom.panBy(PAN_STEP, 0),
            ArrowRight: () => this.panZoom.panBy(-PAN_STEP, 0),
            ArrowUp: () => this.panZoom.panBy(0, PAN_STEP),
            ArrowDown: () => this.panZoom.panBy(0, -PAN_STEP),
            '/': () => this.page.search.focus()
        };
        const action = keys[e.key];
        if (!action) return;
        e.preventDefault();
        action();
    }

    private highlight(id: string | undefined, on: boolean): void {
        if (id === undefined) return;
        for (const edge of this.drawn?.edgesOf.get(id) ?? []) edge.classList.toggle('related', on);
    }

    private reveal(node: DrawnNode): void {
        if (node.view.origin) this.post({ type: 'reveal', origin: node.view.origin });
    }

    private openGraphOf(node: DrawnNode): void {
        if (this.graph?.kind === 'object') {
            this.post({ type: 'openCalculusGraph', object: node.view.id });
            return;
        }
        if (node.view.id === this.graph?.root) return;
        // a calculus node's id is `<object key>.<attribute>`; object keys have no dots
        const dot = node.view.id.lastIndexOf('.');
        this.post({ type: 'openCalculusGraph', object: node.view.id.slice(0, dot), attribute: node.view.id.slice(dot + 1) });
    }

    private badgeAction(node: DrawnNode): void {
        if (!node.badge) return;
        if (node.badge === 'open') {
            this.openGraphOf(node);
            return;
        }
        const { x, y } = this.panZoom.toCanvas(node.view.x, node.view.y);
        this.anchor = { id: node.view.id, x, y };
        this.page.status.textContent = 'Laying out the graph…';
        this.post({ type: 'toggleCollapse', node: node.view.id });
    }
}

function statusLine(graph: LaidOutGraph): string {
    if (graph.message) return '';
    const hidden = graph.hidden ?? 0;
    const what = (graph.kind === 'calculus' ? 'value' : 'object') + (graph.nodes.length + hidden === 1 ? '' : 's');
    if (hidden === 0) return `${graph.nodes.length} ${what}`;
    return `${graph.nodes.length} of ${graph.nodes.length + hidden} ${what} shown; +N marks a value with hidden ancestors`;
}

function sameRequest(a: GraphRequest, b: GraphRequest): boolean {
    if (a.kind !== b.kind || a.params.uri !== b.params.uri) return false;
    if (a.kind === 'calculus' && b.kind === 'calculus') return a.params.object === b.params.object && a.params.attribute === b.params.attribute;
    return true;
}
