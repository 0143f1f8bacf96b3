import { describe, expect, it } from 'vitest';
import { instance } from '@viz-js/viz';
import { dotString, dotText, type GraphSketch } from '../../../src/language/graphs/dot-text.js';
import { layoutGraph } from '../../../src/language/graphs/graph-layout.js';
import { arrowTip, distanceToBox, pathStart } from './layout-checks.js';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';

const box = (id: string, width = 120, height = 40) => ({ id, width, height });

describe('DOT text', () => {
    it('escapes quotes, backslashes and line breaks in quoted strings', () => {
        expect(dotString('say "hi"')).toBe('"say \\"hi\\""');
        expect(dotString('C:\\data\\')).toBe('"C:\\\\data\\\\"');
        expect(dotString('two\nlines')).toBe('"two\\nlines"');
    });

    it('never writes model names as Graphviz identifiers', () => {
        const sketch: GraphSketch = {
            direction: 'LR',
            nodes: [box('a "quoted" {name}'), box('back\\slash; -> x')],
            edges: [{ from: 'a "quoted" {name}', to: 'back\\slash; -> x', label: 'say "hi"' }]
        };
        const dot = dotText(sketch);
        expect(dot).not.toContain('quoted');
        expect(dot).not.toContain('slash');
        expect(dot).toContain('n0 -> n1 [id="e0", label="say \\"hi\\""];');
    });

    it('gives Graphviz labels it reads back as written', async () => {
        const viz = await instance();
        const json = viz.renderJSON(dotText({ direction: 'LR', nodes: [box('a'), box('b')], edges: [{ from: 'a', to: 'b', label: 'say "hi" {now}; -> ok' }] })) as {
            edges: Array<{ _ldraw_: Array<{ op: string; text?: string }> }>;
        };
        expect(json.edges[0]._ldraw_.filter(op => op.op === 'T').map(op => op.text)).toEqual(['say "hi" {now}; -> ok']);
    });

    it('lays out an edge whatever its label holds (controls, NUL, bidi, 20,000 characters)', async () => {
        for (const { name, text } of [...HOSTILE_STRINGS, { name: 'a 20,000-character label', text: 'x'.repeat(20_000) }]) {
            const layout = await layoutGraph({ direction: 'LR', nodes: [box('a'), box('b')], edges: [{ from: 'a', to: 'b', label: text }] });
            expect(layout.edges.map(e => e.label), name).toEqual([text]);
            expect(layout.edges[0].labelX, name).toBeGreaterThan(0);
        }
        expect(dotString('a\0b\x1b[2J\u202e')).toBe('"a\\\\x00b\\\\x1b[2J\\\\u202e"');
    });

    it('rejects an edge to a node the sketch does not have', () => {
        expect(() => dotText({ direction: 'LR', nodes: [box('a')], edges: [{ from: 'a', to: 'zz' }] })).toThrow(/zz/);
    });
});

describe('layout', () => {
    it('flips Graphviz\'s y axis: in a top-to-bottom graph the target is below its source', async () => {
        const layout = await layoutGraph({ direction: 'TB', nodes: [box('top'), box('bottom')], edges: [{ from: 'top', to: 'bottom' }] });
        const top = layout.nodes.get('top')!, bottom = layout.nodes.get('bottom')!;
        expect(bottom.y).toBeGreaterThanOrEqual(top.y + top.height);
        // the arrow points down, onto the target's top border
        const [, tipY] = arrowTip(layout.edges[0].arrow);
        expect(tipY).toBeCloseTo(bottom.y, 0);
        expect(pathStart(layout.edges[0].path)[1]).toBeCloseTo(top.y + top.height, 0);
    });

    it('places left-to-right graphs by rank, with top-left corners and the sizes asked for', async () => {
        const layout = await layoutGraph({
            direction: 'LR',
            nodes: [box('a', 100, 30), box('b', 200, 58), box('c', 150, 40)],
            edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }]
        });
        const [a, b, c] = ['a', 'b', 'c'].map(id => layout.nodes.get(id)!);
        expect([a.width, a.height, b.width, b.height, c.width, c.height]).toEqual([100, 30, 200, 58, 150, 40]);
        expect(b.x).toBeGreaterThan(a.x + a.width);
        expect(c.x).toBeGreaterThan(b.x + b.width);
        // 8-point margins around the drawing
        expect(Math.min(a.x, b.x, c.x)).toBeCloseTo(8, 0);
        expect(layout.width).toBeCloseTo(c.x + c.width + 8, 0);
        for (const e of layout.edges) {
            expect(distanceToBox(pathStart(e.path), layout.nodes.get(e.from)!)).toBeLessThan(1.5);
            expect(distanceToBox(arrowTip(e.arrow), layout.nodes.get(e.to)!)).toBeLessThan(1.5);
        }
    });

    it('keeps labels with quotes, backslashes, escapes and line breaks, and gives them a place', async () => {
        const labels = ['say "hi"', 'ends with \\', '\\N is the node name', 'two\nlines'];
        const layout = await layoutGraph({
            direction: 'LR',
            nodes: labels.map((_, i) => box(`n${i}`)).concat(box('target')),
            edges: labels.map((label, i) => ({ from: `n${i}`, to: 'target', label }))
        });
        expect(layout.edges.map(e => e.label)).toEqual(labels);
        for (const e of layout.edges) {
            expect(e.labelX).toBeGreaterThan(0);
            expect(e.labelX).toBeLessThan(layout.width);
            expect(e.labelY).toBeGreaterThan(0);
            expect(e.labelY).toBeLessThan(layout.height);
        }
    });

    it('lays out nothing as an empty drawing', async () => {
        const layout = await layoutGraph({ direction: 'LR', nodes: [], edges: [] });
        expect(layout).toEqual({ width: 0, height: 0, nodes: new Map(), edges: [] });
    });
});
