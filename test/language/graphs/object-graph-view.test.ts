import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { minimalModel, modelOf } from '../../helpers/model-from-text.js';
import { objectGraphView } from '../../../src/language/graphs/object-graph-view.js';
import { buildModel } from '../../../src/engine/index.js';
import type { LaidOutGraph } from '../../../src/language/protocol.js';
import { expectSoundLayout } from './layout-checks.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const lineOf = (needle: string) => quickstart.split('\n').findIndex(l => l.includes(needle));
const edges = (graph: LaidOutGraph) => graph.edges.map(e => `${e.from} -${e.label}-> ${e.to}`).sort();
const node = (graph: LaidOutGraph, id: string) => graph.nodes.find(n => n.id === id)!;

describe('object graph', () => {
    it('connects the quickstart from the system down to the storage, labelled with the inputs that link them', async () => {
        const graph = await objectGraphView(await modelOf(quickstart));
        expect(graph.kind).toBe('object');
        expect(graph.title).toBe('Video streaming in France');
        expect(edges(graph)).toEqual([
            'capture -jobs-> upload',
            'daily_video -uj_steps-> capture',
            'daily_video -uj_steps-> watch',
            'french_households -country-> builtin:France',
            'french_households -devices-> builtin:laptop',
            'french_households -network-> wifi',
            'french_households -usage_journey-> daily_video',
            'streaming -server-> web',
            'streaming_platform -usage_patterns-> french_households',
            'upload -server-> web',
            'watch -jobs-> streaming',
            'web -storage-> ssd'
        ]);
        // the model's ten objects and the two built-ins it names; not the archetypes it starts from
        expect(graph.nodes.map(n => n.id).sort()).toEqual([
            'builtin:France', 'builtin:laptop', 'capture', 'daily_video', 'french_households', 'ssd', 'streaming', 'streaming_platform',
            'upload', 'watch', 'web', 'wifi'
        ]);
        expectSoundLayout(graph);
    });

    it('shows each object\'s kind, name and yearly footprint, and reveals its declaration', async () => {
        const graph = await objectGraphView(await modelOf(quickstart));
        // e-footprint: fabrication 54,194.1 kg + energy 170,628.9 kg over three years = 74,941 kg a year, 74.94 t to four digits
        expect(node(graph, 'web')).toMatchObject({ title: 'web', subtitle: 'server "server"', value: '≈ 74.94 t CO2e/year', className: 'Server', kind: 'object' });
        expect(node(graph, 'watch')).toMatchObject({ subtitle: 'usage_journey_step "20 min streaming"', value: '' });
        expect(node(graph, 'builtin:France')).toMatchObject({ title: 'France', className: 'Country' });
        expect(node(graph, 'web').origin?.range.start.line).toBe(lineOf('server web "server"'));
        expect(node(graph, 'web').tooltip).toContain('server web — "server" (e-footprint Server)');
        expect(node(graph, 'web').tooltip).toContain('≈ 74.94 t CO2e/year on average over the modeling period');
        expect(node(graph, 'builtin:France').tooltip).toContain('From efp\'s built-in library.');
        expect(node(graph, 'builtin:France').origin).toBeUndefined();
    });

    it('points edges from an object down to what it uses, labels between them', async () => {
        const graph = await objectGraphView(await modelOf(quickstart));
        for (const e of graph.edges) {
            const from = node(graph, e.from), to = node(graph, e.to);
            expect(from.y + from.height, `${e.from} -> ${e.to}`).toBeLessThan(to.y);
            expect(e.labelY).toBeGreaterThan(from.y + from.height - 1);
            expect(e.labelY).toBeLessThan(to.y + 1);
        }
    });

    it('labels weights, and lays out names with quotes and backslashes', async () => {
        const text = minimalModel({ extra: 'usage_journey_step other "the \\"main\\" step \\\\ v2" { user_time_spent: 1 min  jobs: [call * 3] }' })
            .replace('uj_steps: [step]', 'uj_steps: [step * 2, other]');
        const graph = await objectGraphView(await modelOf(text));
        expect(edges(graph)).toContain('visit -uj_steps ×2-> step');
        expect(edges(graph)).toContain('visit -uj_steps-> other');
        expect(edges(graph)).toContain('other -jobs ×3-> call');
        expect(node(graph, 'other').subtitle).toBe('usage_journey_step "the "main" step \\ v2"');
        expectSoundLayout(graph);
    });

    it('says so when the model declares nothing', async () => {
        // a model of no object (which efp check refuses: no system) still evaluates, and the panel may be open on it
        const graph = await objectGraphView(buildModel({ settings: { title: 'Empty' }, sources: [], objects: [] }));
        expect(graph).toMatchObject({ nodes: [], edges: [], message: 'The model declares no objects.' });
    });
});
