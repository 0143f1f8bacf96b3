import type { GraphRequest, GraphViewport } from './messages.js';

/**
 * Where the graph first shows up in the canvas: all of it, fitted to the canvas, when its text stays
 * readable so; otherwise the calculus graph's root (the value asked for) at a readable size, centred as
 * far as the graph allows, with what it is computed from around it (the Fit button shows all of it). Pure: the canvas size
 * comes in, a viewport goes out.
 */

export interface Size {
    readonly width: number;
    readonly height: number;
}

export interface Rect extends Size {
    readonly x: number;
    readonly y: number;
}

/** Below this scale, a fitted graph's text is too small to read: a selected value is shown readable instead. */
export const READABLE_FIT_SCALE = 0.6;
/** The scale of the first view on a selected value: its text readable, and in a narrow panel its operands' boxes whole beside it. */
export const FOCUS_SCALE = 0.8;
/** Canvas pixels at most between the graph and the canvas's edge, beside a selected value. */
export const FOCUS_MARGIN = 24;
/** Share of the canvas a fitted graph fills (a little room around it). */
const FIT_FILL = 0.96;

/** The whole graph in view, centred, at most at natural size. */
export function fitViewport(graph: Size, canvas: Size): GraphViewport {
    if (graph.width <= 0 || graph.height <= 0 || canvas.width <= 0 || canvas.height <= 0) return { x: 0, y: 0, scale: 1 };
    const scale = Math.min(1, (canvas.width * FIT_FILL) / graph.width, (canvas.height * FIT_FILL) / graph.height);
    return { x: (canvas.width - graph.width * scale) / 2, y: (canvas.height - graph.height * scale) / 2, scale };
}

/**
 * The node a graph opens on, if any: a calculus graph's root, the value it was asked for (at the cursor, a
 * hover's link, a node double-clicked) or the object's footprint (a CodeLens, an object's name). A graph
 * too big to read fitted opens readable on it, with what it is computed from beside it; Fit shows all.
 * The object graph is an overview of references and opens fitted.
 */
export function selectedNode(request: GraphRequest, root: string | undefined): string | undefined {
    return request.kind === 'calculus' ? root : undefined;
}

/**
 * The first view of a graph (no view saved to restore): fitted, unless a value is selected (`focus`, its
 * box) and the fitted graph would be too small to read (scale below READABLE_FIT_SCALE). Then at
 * FOCUS_SCALE with the value centred, except that along an axis the graph overflows, it is kept covering
 * the canvas (at most FOCUS_MARGIN of empty canvas beside it, so a root on the right of a left-to-right
 * layout ends up right-aligned, its operands filling the view); along one it fits in, it is centred. A
 * value wider than the canvas shows its start.
 */
export function initialViewport(graph: Size, canvas: Size, focus: Rect | undefined): GraphViewport {
    const fit = fitViewport(graph, canvas);
    if (!focus || fit.scale >= READABLE_FIT_SCALE) return fit;
    const scale = FOCUS_SCALE;
    const margin = FOCUS_MARGIN;

    let x: number;
    if (graph.width * scale <= canvas.width) {
        x = (canvas.width - graph.width * scale) / 2;
    } else {
        const wide = focus.width * scale > canvas.width - 2 * margin;
        const wanted = wide ? margin - focus.x * scale : canvas.width / 2 - (focus.x + focus.width / 2) * scale;
        x = clamp(wanted, canvas.width - margin - graph.width * scale, margin);
    }

    let y: number;
    if (graph.height * scale <= canvas.height) {
        y = (canvas.height - graph.height * scale) / 2;
    } else {
        const centred = canvas.height / 2 - (focus.y + focus.height / 2) * scale;
        y = clamp(centred, canvas.height - graph.height * scale, 0);
    }
    return { x, y, scale };
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}
