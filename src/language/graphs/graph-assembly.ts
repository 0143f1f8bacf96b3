import type { GraphNodeView, LaidOutGraph } from '../protocol.js';
import type { SketchEdge } from './dot-text.js';
import { layoutGraph } from './graph-layout.js';
import { NODE_HEIGHT, nodeWidth } from './node-box.js';

/** A node before layout: everything but its place and size. */
export type NodeDraft = Omit<GraphNodeView, 'x' | 'y' | 'width' | 'height'>;

export interface GraphDraft {
    readonly kind: LaidOutGraph['kind'];
    readonly title: string;
    readonly root?: string;
    readonly nodes: readonly NodeDraft[];
    readonly edges: readonly SketchEdge[];
    readonly hidden?: number;
    readonly stale: boolean;
}

/** Sizes the nodes' boxes from their text, lays the graph out, and places nodes and edges. */
export async function assembleGraph(draft: GraphDraft): Promise<LaidOutGraph> {
    const sized = draft.nodes.map(n => ({ ...n, width: nodeWidth(n.title, n.subtitle, n.value), height: NODE_HEIGHT }));
    // objects top to bottom (usage down to hardware): the chain is long and the panel narrow
    const layout = await layoutGraph({ direction: draft.kind === 'object' ? 'TB' : 'LR', nodes: sized, edges: draft.edges, rankGap: draft.kind === 'object' ? 40 : 48 });
    const nodes = sized.map((n): GraphNodeView => ({ ...n, ...layout.nodes.get(n.id)! }));
    return {
        kind: draft.kind, title: draft.title, root: draft.root, width: layout.width, height: layout.height,
        nodes, edges: layout.edges, hidden: draft.hidden, stale: draft.stale
    };
}

/** A graph with nothing to draw, and why. */
export function graphMessage(kind: LaidOutGraph['kind'], title: string, message: string, stale = false): LaidOutGraph {
    return { kind, title, width: 0, height: 0, nodes: [], edges: [], stale, message };
}
