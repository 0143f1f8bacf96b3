import { describe, expect, it } from 'vitest';
import { FOCUS_MARGIN, FOCUS_SCALE, fitViewport, initialViewport, READABLE_FIT_SCALE, selectedNode, type Rect, type Size } from '../../../src/webview/graph/initial-view.js';
import type { GraphRequest, GraphViewport } from '../../../src/webview/graph/messages.js';

/** Where a graph rectangle lands in the canvas. */
function onCanvas(view: GraphViewport, r: Rect): Rect {
    return { x: r.x * view.scale + view.x, y: r.y * view.scale + view.y, width: r.width * view.scale, height: r.height * view.scale };
}

function expectInside(r: Rect, canvas: Size): void {
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(canvas.width);
    expect(r.y + r.height).toBeLessThanOrEqual(canvas.height);
}

// the quickstart system's total: 78 values, laid out left to right, the root on the right
const quickstart: Size = { width: 4334, height: 1574 };
const quickstartRoot: Rect = { x: 4052, y: 1113, width: 274, height: 58 };
// a narrow panel beside the editor
const panel: Size = { width: 496, height: 620 };

describe('fitting a graph', () => {
    it('centres a small graph at natural size', () => {
        expect(fitViewport({ width: 200, height: 100 }, { width: 600, height: 400 })).toEqual({ x: 200, y: 150, scale: 1 });
    });

    it('shrinks a large graph to the canvas, with a little room around it', () => {
        const view = fitViewport(quickstart, panel);
        expect(view.scale).toBeCloseTo((panel.width * 0.96) / quickstart.width);
        expectInside(onCanvas(view, { x: 0, y: 0, ...quickstart }), panel);
    });

    it('keeps natural size before the canvas is laid out', () => {
        expect(fitViewport(quickstart, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, scale: 1 });
    });
});

describe('the first view of a graph', () => {
    it('is the fitted graph when that is readable', () => {
        const graph = { width: 430, height: 146 };
        const root = { x: 290, y: 44, width: 132, height: 58 };
        expect(initialViewport(graph, panel, root)).toEqual(fitViewport(graph, panel));
    });

    it('is the fitted graph at exactly the readable scale', () => {
        const graph = { width: (panel.width * 0.96) / READABLE_FIT_SCALE, height: 100 };
        expect(initialViewport(graph, panel, { x: graph.width - 108, y: 20, width: 100, height: 58 })).toEqual(fitViewport(graph, panel));
    });

    it('is the fitted graph when no value is selected, however small: every node in view', () => {
        const view = initialViewport(quickstart, panel, undefined);
        expect(view).toEqual(fitViewport(quickstart, panel));
        // 496 × 0.96 / 4334 = 0.1099: the width decides
        expect(view.scale).toBeCloseTo(0.1099, 4);
        expectInside(onCanvas(view, { x: 0, y: 0, ...quickstart }), panel);
        expectInside(onCanvas(view, quickstartRoot), panel);
    });

    it('centres a selected value in the middle of a large graph', () => {
        const middle = { x: 2000, y: 700, width: 274, height: 58 };
        const view = initialViewport(quickstart, panel, middle);
        expect(view.scale).toBe(FOCUS_SCALE);
        const onScreen = onCanvas(view, middle);
        expect(onScreen.x + onScreen.width / 2).toBeCloseTo(panel.width / 2);
        expect(onScreen.y + onScreen.height / 2).toBeCloseTo(panel.height / 2);
    });

    it('shows a selected root of a large graph readable, right-aligned (its operands fill the view) and vertically centred', () => {
        expect(fitViewport(quickstart, panel).scale).toBeLessThan(READABLE_FIT_SCALE);
        const view = initialViewport(quickstart, panel, quickstartRoot);
        expect(view.scale).toBe(FOCUS_SCALE);
        const root = onCanvas(view, quickstartRoot);
        expectInside(root, panel);
        // the graph's right edge (8 px right of the root's) a margin from the canvas's
        expect(view.x + quickstart.width * view.scale).toBeCloseTo(panel.width - FOCUS_MARGIN);
        expect(root.x + root.width).toBeCloseTo(panel.width - FOCUS_MARGIN - 8 * FOCUS_SCALE);
        expect(root.y + root.height / 2).toBeCloseTo(panel.height / 2);
    });

    it('keeps the graph covering the canvas when the root is near its top', () => {
        const root = { x: 4052, y: 8, width: 274, height: 58 };
        const view = initialViewport(quickstart, panel, root);
        expect(view.y).toBe(0);
        expectInside(onCanvas(view, root), panel);
    });

    it('keeps the graph covering the canvas when the root is near its bottom', () => {
        const root = { x: 4052, y: quickstart.height - 66, width: 274, height: 58 };
        const view = initialViewport(quickstart, panel, root);
        expect(view.y + quickstart.height * view.scale).toBeCloseTo(panel.height);
        expectInside(onCanvas(view, root), panel);
    });

    it('centres a wide, flat graph vertically rather than on its root', () => {
        const graph = { width: 2296, height: 269 };
        const root = { x: 2014, y: 8, width: 274, height: 58 };
        const view = initialViewport(graph, panel, root);
        expect(view.scale).toBe(FOCUS_SCALE);
        expect(view.y).toBeCloseTo((panel.height - graph.height * view.scale) / 2);
        const onScreen = onCanvas(view, root);
        expect(onScreen.x + onScreen.width).toBeCloseTo(panel.width - FOCUS_MARGIN - 8 * FOCUS_SCALE);
    });

    it('centres a tall, narrow graph horizontally', () => {
        const graph = { width: 450, height: 3000 };
        const root = { x: 263, y: 1500, width: 129, height: 58 };
        const view = initialViewport(graph, panel, root);
        expect(view.scale).toBe(FOCUS_SCALE);
        expect(view.x).toBeCloseTo((panel.width - graph.width * view.scale) / 2);
        const onScreen = onCanvas(view, root);
        expect(onScreen.y + onScreen.height / 2).toBeCloseTo(panel.height / 2);
    });

    it('shows the start of a root wider than the canvas', () => {
        const canvas = { width: 200, height: 400 };
        const root = quickstartRoot;
        const view = initialViewport(quickstart, canvas, root);
        expect(onCanvas(view, root).x).toBeCloseTo(FOCUS_MARGIN);
    });

    it('leaves at most a margin of empty canvas beside a root that is not on the right', () => {
        const root = { x: 8, y: 700, width: 274, height: 58 };
        const view = initialViewport(quickstart, panel, root);
        expect(view.x).toBeCloseTo(FOCUS_MARGIN);
        expectInside(onCanvas(view, root), panel);
    });
});

describe('the value a graph opens on', () => {
    const uri = 'file:///w/model.efp';
    it('is the root of a calculus graph asked for a value', () => {
        const request: GraphRequest = { kind: 'calculus', params: { uri, object: 'web', attribute: 'energy_footprint' } };
        expect(selectedNode(request, 'web.energy_footprint')).toBe('web.energy_footprint');
    });

    it('is the root of a calculus graph asked for an object (its footprint): too big to read fitted, it opens on the total', () => {
        expect(selectedNode({ kind: 'calculus', params: { uri, object: 'streaming_platform' } }, 'streaming_platform.total_footprint')).toBe('streaming_platform.total_footprint');
    });

    it('is none for the object graph, an overview of references that opens fitted', () => {
        expect(selectedNode({ kind: 'object', params: { uri } }, undefined)).toBeUndefined();
    });
});
