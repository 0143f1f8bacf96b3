import { instance, type Viz } from '@viz-js/viz';
import { dotText, type GraphSketch } from './dot-text.js';

/**
 * Lays a graph out with Graphviz's `dot` (WebAssembly, in the language server: the webview's content
 * security policy forbids WebAssembly). Coordinates come back in points with the y axis pointing down
 * and the origin at the top-left corner of the drawing, as SVG wants them.
 */

export interface PlacedNode {
    /** Top-left corner and size. */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface RoutedEdge {
    readonly from: string;
    readonly to: string;
    /** SVG path data: a move then cubic Bézier segments. */
    readonly path: string;
    /** The arrow head's triangle, its tip on the target's border. */
    readonly arrow: string;
    readonly label?: string;
    /** Centre of the label. */
    readonly labelX?: number;
    readonly labelY?: number;
}

export interface GraphLayout {
    readonly width: number;
    readonly height: number;
    readonly nodes: ReadonlyMap<string, PlacedNode>;
    /** In the order of the sketch's edges. */
    readonly edges: readonly RoutedEdge[];
}

/** Space around the drawing, so borders and arrow heads are not cut. */
const MARGIN = 8;
/** Half the width of an arrow head's base, for an arrow of Graphviz's `arrowsize=0.8`. */
const ARROW_HALF_WIDTH = 3.2;

/** The parts of Graphviz's JSON output the layout reads (`-Tjson`). */
interface DotJson {
    readonly bb?: string;
    readonly objects?: ReadonlyArray<{ readonly name: string; readonly pos?: string; readonly width?: string; readonly height?: string }>;
    readonly edges?: ReadonlyArray<{ readonly id?: string; readonly pos?: string; readonly lp?: string }>;
}

let viz: Promise<Viz> | undefined;

/** Graphviz compiles once per process (about 50 ms); later layouts reuse it. */
function graphviz(): Promise<Viz> {
    viz ??= instance();
    return viz;
}

type Point = readonly [number, number];

function point(text: string): Point {
    const [x, y] = text.split(',').map(Number);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`Graphviz gave a malformed point '${text}'`);
    return [x, y];
}

const round = (v: number) => Math.round(v * 100) / 100;

export async function layoutGraph(sketch: GraphSketch): Promise<GraphLayout> {
    if (sketch.nodes.length === 0) return { width: 0, height: 0, nodes: new Map(), edges: [] };
    const json = (await graphviz()).renderJSON(dotText(sketch)) as DotJson;
    const [left, bottom, right, top] = (json.bb ?? '0,0,0,0').split(',').map(Number);
    // Graphviz's y axis points up: flip around the top of the bounding box
    const at = ([x, y]: Point): Point => [round(x - left + MARGIN), round(top - y + MARGIN)];
    const xy = (p: Point) => `${p[0]},${p[1]}`;

    const nodes = new Map<string, PlacedNode>();
    const objects = new Map((json.objects ?? []).map(o => [o.name, o]));
    sketch.nodes.forEach((n, i) => {
        const placed = objects.get(`n${i}`);
        if (!placed?.pos) throw new Error(`Graphviz did not place node ${n.id}`);
        const [cx, cy] = at(point(placed.pos));
        nodes.set(n.id, { x: round(cx - n.width / 2), y: round(cy - n.height / 2), width: n.width, height: n.height });
    });

    const routes = new Map((json.edges ?? []).map(e => [e.id, e]));
    const edges = sketch.edges.map((e, j): RoutedEdge => {
        const routed = routes.get(`e${j}`);
        if (!routed?.pos) throw new Error(`Graphviz did not route edge ${e.from} -> ${e.to}`);
        const { path, arrow } = splineGeometry(routed.pos, at, xy);
        const label = e.label && routed.lp ? at(point(routed.lp)) : undefined;
        return { from: e.from, to: e.to, path, arrow, label: e.label, labelX: label?.[0], labelY: label?.[1] };
    });
    return { width: round(right - left + 2 * MARGIN), height: round(top - bottom + 2 * MARGIN), nodes, edges };
}

/**
 * An edge's `pos`: `e,<tip>` then the B-spline's control points `p0 p1 ... p3k` (Graphviz's splines
 * are cubic Bézier pieces sharing end points). The path stops where the arrow head begins; the head
 * is a triangle from there to the tip.
 */
function splineGeometry(pos: string, at: (p: Point) => Point, xy: (p: Point) => string): { path: string; arrow: string } {
    const parts = pos.trim().split(/\s+/);
    let tip: Point | undefined;
    const controls: Point[] = [];
    for (const part of parts) {
        if (part.startsWith('e,')) tip = at(point(part.slice(2)));
        else if (!part.startsWith('s,')) controls.push(at(point(part)));
    }
    if (controls.length < 4 || (controls.length - 1) % 3 !== 0) throw new Error(`Graphviz gave a malformed spline '${pos}'`);
    let path = `M${xy(controls[0])}`;
    for (let i = 1; i < controls.length; i += 3) path += ` C${xy(controls[i])} ${xy(controls[i + 1])} ${xy(controls[i + 2])}`;
    const end = controls[controls.length - 1];
    const head = tip ?? end;
    const dx = head[0] - end[0], dy = head[1] - end[1];
    const length = Math.hypot(dx, dy) || 1;
    // the base's two corners, either side of the spline's end, across the arrow's direction
    const nx = (-dy / length) * ARROW_HALF_WIDTH, ny = (dx / length) * ARROW_HALF_WIDTH;
    const arrow = [[end[0] + nx, end[1] + ny], head, [end[0] - nx, end[1] - ny]].map(p => `${round(p[0])},${round(p[1])}`).join(' ');
    return { path, arrow };
}
