import { showInvisibleCharacters } from '../../engine/index.js';

/**
 * A graph to lay out, written in Graphviz's DOT language. Node and edge names in DOT are generated
 * (`n0`, `e0`): model names never reach Graphviz as identifiers, so a name with quotes or backslashes
 * cannot break the text. The only free text is edge labels, which Graphviz needs to make room for.
 */

/** A box of a given size, in points. */
export interface SketchNode {
    readonly id: string;
    readonly width: number;
    readonly height: number;
}

export interface SketchEdge {
    readonly from: string;
    readonly to: string;
    readonly label?: string;
}

/** What the layout needs: boxes and arrows between them, drawn from `from` towards `to`. */
export interface GraphSketch {
    /** `LR`: edges point right (ranks are columns); `TB`: edges point down. */
    readonly direction: 'LR' | 'TB';
    readonly nodes: readonly SketchNode[];
    readonly edges: readonly SketchEdge[];
    /** Space between boxes of a rank, and between ranks, in points. */
    readonly nodeGap?: number;
    readonly rankGap?: number;
}

const POINTS_PER_INCH = 72;
/** Edge label font, as Graphviz measures it; the webview draws labels at the same size. */
const EDGE_LABEL_FONT_SIZE = 10;

/** Graphviz reads quoted strings up to 16,384 characters; a label only reserves room, so a long one is cut. */
const MAX_LABEL = 1000;

/**
 * A DOT quoted string. Quotes are escaped; backslashes are doubled, so that none can start one of
 * Graphviz's label escapes (`\N` is the node's name) or swallow the closing quote; line breaks become
 * `\n`; other invisible characters are written visibly (`\x1b`, `\u202e`): Graphviz's C parser ends the
 * text at a NUL and copies control characters raw into its JSON, which then does not parse. Labels only
 * reserve room in the layout (the webview draws the text), so the way Graphviz would print them does not matter.
 */
export function dotString(text: string): string {
    const short = text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL)}…` : text;
    const lines = short.split(/\r?\n|\r/).map(line => showInvisibleCharacters(line).replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
    return `"${lines.join('\\n')}"`;
}

/** Graphviz sizes nodes in inches, with a few decimals. */
function inches(points: number): string {
    return (points / POINTS_PER_INCH).toFixed(4);
}

/** The sketch as DOT text; node `i` is `n<i>`, edge `j` has id `e<j>`, so the layout maps back by index. */
export function dotText(sketch: GraphSketch): string {
    const index = new Map(sketch.nodes.map((n, i) => [n.id, i]));
    const lines = [
        'digraph {',
        `  graph [rankdir=${sketch.direction}, nodesep=${inches(sketch.nodeGap ?? 14)}, ranksep=${inches(sketch.rankGap ?? 48)}, splines=true, margin=0, pad=0];`,
        // fixed sizes: Graphviz never measures node text (the webview draws it in the editor's fonts)
        '  node [shape=box, fixedsize=true, label=""];',
        `  edge [fontname="Helvetica", fontsize=${EDGE_LABEL_FONT_SIZE}, arrowsize=0.8];`
    ];
    sketch.nodes.forEach((n, i) => lines.push(`  n${i} [width=${inches(n.width)}, height=${inches(n.height)}];`));
    sketch.edges.forEach((e, j) => {
        const from = index.get(e.from), to = index.get(e.to);
        if (from === undefined || to === undefined) throw new Error(`edge ${e.from} -> ${e.to} names a node the graph does not have`);
        const label = e.label ? `, label=${dotString(e.label)}` : '';
        lines.push(`  n${from} -> n${to} [id="e${j}"${label}];`);
    });
    lines.push('}');
    return lines.join('\n');
}
