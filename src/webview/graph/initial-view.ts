import type { GraphViewport } from './messages.js';

/**
 * Where the graph first shows up in the canvas: the whole graph when it is still readable that way,
 * else the root (the value the graph explains, on the right of a left-to-right layout) at a readable
 * size, with its nearest operands to its left. Pure: the canvas size comes in, a viewport goes out.
 */

export interface Size {
    readonly width: number;
    readonly height: number;
}

export interface Rect extends Size {
    readonly x: number;
    readonly y: number;
}

/** Below this scale, a fitted graph's text is too small to read: the first view shows the root instead. */
export const READABLE_FIT_SCALE = 0.6;
/** The scale of the first view on the root: its text readable, and in a narrow panel its operands' boxes whole beside it. */
export const ROOT_VIEW_SCALE = 0.8;
/** Canvas pixels between the root and the canvas's right edge. */
export const ROOT_VIEW_MARGIN = 24;
/** Share of the canvas a fitted graph fills (a little room around it). */
const FIT_FILL = 0.96;

/** The whole graph in view, centred, at most at natural size. */
export function fitViewport(graph: Size, canvas: Size): GraphViewport {
    if (graph.width <= 0 || graph.height <= 0 || canvas.width <= 0 || canvas.height <= 0) return { x: 0, y: 0, scale: 1 };
    const scale = Math.min(1, (canvas.width * FIT_FILL) / graph.width, (canvas.height * FIT_FILL) / graph.height);
    return { x: (canvas.width - graph.width * scale) / 2, y: (canvas.height - graph.height * scale) / 2, scale };
}

/**
 * The first view of a graph (no view saved to restore): fitted if that is readable (scale at least
 * READABLE_FIT_SCALE) or there is no root; otherwise at ROOT_VIEW_SCALE with the root right-aligned
 * (ROOT_VIEW_MARGIN from the right edge; its left edge wins when it is wider than the canvas) and
 * vertically centred. Along an axis the graph fits in at that scale, it is centred instead; along one
 * it overflows, it is kept covering the canvas (no empty band when the root is near its top or bottom,
 * at most the margin beside it horizontally).
 */
export function initialViewport(graph: Size, canvas: Size, root: Rect | undefined): GraphViewport {
    const fit = fitViewport(graph, canvas);
    if (!root || fit.scale >= READABLE_FIT_SCALE) return fit;
    const scale = ROOT_VIEW_SCALE;
    const margin = ROOT_VIEW_MARGIN;

    let x: number;
    if (graph.width * scale <= canvas.width) {
        x = (canvas.width - graph.width * scale) / 2;
    } else {
        const rightAligned = canvas.width - margin - (root.x + root.width) * scale;
        const leftAligned = margin - root.x * scale;
        // at most a margin's width of empty canvas beside the graph
        x = clamp(Math.max(rightAligned, leftAligned), canvas.width - margin - graph.width * scale, margin);
    }

    let y: number;
    if (graph.height * scale <= canvas.height) {
        y = (canvas.height - graph.height * scale) / 2;
    } else {
        const centred = canvas.height / 2 - (root.y + root.height / 2) * scale;
        y = clamp(centred, canvas.height - graph.height * scale, 0);
    }
    return { x, y, scale };
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}
