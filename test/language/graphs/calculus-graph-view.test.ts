import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { modelOf } from '../../helpers/model-from-text.js';
import type { Model } from '../../../src/engine/model/model.js';
import type { Node } from '../../../src/engine/model/node.js';
import { calculusGraph } from '../../../src/engine/model/explain.js';
import { describeSummary } from '../../../src/engine/model/value-format.js';
import { calculusGraphView } from '../../../src/language/graphs/calculus-graph-view.js';
import type { LaidOutGraph } from '../../../src/language/protocol.js';
import { expectSoundLayout } from './layout-checks.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const lineOf = (needle: string) => quickstart.split('\n').findIndex(l => l.includes(needle));

let model: Model;
beforeAll(async () => {
    model = await modelOf(quickstart);
});

const node = (graph: LaidOutGraph, id: string) => {
    const n = graph.nodes.find(v => v.id === id);
    if (!n) throw new Error(`no node ${id} in ${graph.nodes.map(v => v.id).join(', ')}`);
    return n;
};
const edgeKeys = (graph: LaidOutGraph) => graph.edges.map(e => `${e.from} -> ${e.to}`).sort();

/** Every value a node is computed from, directly or not. */
function ancestors(start: Node): Set<Node> {
    const found = new Set<Node>();
    const stack = [...start.operands];
    while (stack.length > 0) {
        const n = stack.pop()!;
        if (found.has(n)) continue;
        found.add(n);
        stack.push(...n.operands);
    }
    return found;
}

/** Shortest number of operand steps from the root to each of its ancestors. */
function depths(root: Node): Map<Node, number> {
    const depth = new Map<Node, number>([[root, 0]]);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
        for (const o of queue[i].operands) {
            if (depth.has(o)) continue;
            depth.set(o, depth.get(queue[i])! + 1);
            queue.push(o);
        }
    }
    return depth;
}

describe('calculus graph of web.energy_footprint (quickstart)', () => {
    let graph: LaidOutGraph;
    beforeAll(async () => {
        graph = await calculusGraphView(model, 'web', 'energy_footprint');
    });

    it('has exactly the nodes the engine explains, and an edge from each operand to what it feeds', () => {
        const engine = calculusGraph(model, model.findNode('web', 'energy_footprint')!);
        expect(graph.nodes).toHaveLength(36);
        expect(graph.nodes.map(n => n.id).sort()).toEqual(engine.nodes.map(n => n.key).sort());
        const expected = engine.nodes.flatMap(n => [...new Set(n.operands)].map(o => `${o} -> ${n.key}`)).sort();
        expect(edgeKeys(graph)).toEqual(expected);
        expect(graph.edges).toHaveLength(45);
        expect(edgeKeys(graph)).toContain('web.idle_energy_footprint -> web.energy_footprint');
        expect(edgeKeys(graph)).toContain('web.power -> web.load_energy_footprint');
        expect(graph.root).toBe('web.energy_footprint');
        expect(graph.hidden).toBe(0);
        expect(graph.stale).toBe(false);
        expect(graph.message).toBeUndefined();
    });

    it('is laid out without overlaps, edges running from box to box', () => {
        expectSoundLayout(graph);
    });

    it('puts the root alone at the right end, everything it is computed from to its left', () => {
        const root = node(graph, 'web.energy_footprint');
        for (const n of graph.nodes) if (n !== root) expect(n.x + n.width).toBeLessThan(root.x);
        expect(graph.edges.filter(e => e.from === root.id)).toEqual([]);
    });

    it('shows each value as the engine describes it, and its formula with its operands on hover', () => {
        const engine = new Map(calculusGraph(model, model.findNode('web', 'energy_footprint')!).nodes.map(n => [n.key, n]));
        for (const n of graph.nodes) {
            const explained = engine.get(n.id)!;
            expect(n.tooltip).toContain(`= ${describeSummary(explained.value)}`);
            if (explained.value.kind === 'quantity') expect(n.value).toBe(describeSummary(explained.value));
            expect(n.kind).toBe(explained.kind);
        }
        expect(node(graph, 'web.power')).toMatchObject({ value: '300 W', subtitle: 'Power', title: 'web.power', className: 'Server', kind: 'input' });
        expect(node(graph, 'web.energy_footprint').value).toMatch(/^Σ 170,628\.[89] kg, hourly$/);
        const tooltip = node(graph, 'web.energy_footprint').tooltip;
        expect(tooltip).toContain('energy_footprint = idle_energy_footprint + load_energy_footprint');
        expect(tooltip).toMatch(/web\.idle_energy_footprint = 26,298 hourly values, total 28,503\.9 kg/);
        expect(tooltip).toMatch(/web\.load_energy_footprint = 26,298 hourly values, total 142,124\.9 kg/);
        expect(node(graph, 'web.power').tooltip).toContain('written: 300 W');
    });

    it('reveals an input where it is written, a calculated value at its object\'s declaration', () => {
        expect(node(graph, 'web.power').origin?.range.start.line).toBe(lineOf('  power: 300 W'));
        expect(node(graph, 'web.energy_footprint').origin?.range.start.line).toBe(lineOf('server web "server"'));
        expect(node(graph, 'streaming.request_duration').origin?.range.start.line).toBe(lineOf('request_duration: 4 min'));
    });
});

describe('calculus graph of a system\'s total', () => {
    it('is the object\'s total footprint when no value is named, with inputs\' sources and confidence', async () => {
        const graph = await calculusGraphView(model, 'streaming_platform', undefined);
        expect(graph.root).toBe('streaming_platform.total_footprint');
        expect(graph.title).toBe('streaming_platform.total_footprint');
        expect(graph.nodes.length).toBe(calculusGraph(model, model.findNode('streaming_platform', 'total_footprint')!).nodes.length);
        expectSoundLayout(graph);
        expect(node(graph, 'web.carbon_footprint_fabrication').tooltip)
            .toContain('given in the model · source: Base ADEME_V19 (https://data.ademe.fr/datasets/base-carbone(r))');
        expect(node(graph, 'ssd.base_storage_need').tooltip).toContain('confidence: medium');
        expect(node(graph, 'builtin:France.average_carbon_intensity').title).toBe('France.average_carbon_intensity');
    });

    it('reveals an archetype\'s value at the object using it, and nothing for built-in objects (no document to open)', async () => {
        const graph = await calculusGraphView(model, 'streaming_platform', undefined);
        const archetypal = node(graph, 'ssd.carbon_footprint_fabrication_per_storage_capacity');
        expect(archetypal.tooltip).toContain('from its archetype');
        expect(archetypal.origin?.uri).toMatch(/^file:/);
        expect(archetypal.origin?.range.start.line).toBe(lineOf('storage ssd "SSD storage" from ssd'));
        expect(node(graph, 'builtin:France.average_carbon_intensity').origin).toBeUndefined();
    });

    it('picks a server\'s energy footprint, and a step\'s first value, when none is named', async () => {
        expect((await calculusGraphView(model, 'web', undefined)).root).toBe('web.energy_footprint');
        const step = await calculusGraphView(model, 'watch', undefined);
        expect(step.root).toBe('watch.user_time_spent');
        expect(step.nodes).toHaveLength(1);
        expect((await calculusGraphView(model, 'builtin:France', undefined)).root).toBe('builtin:France.average_carbon_intensity');
    });

    it('says why a value is empty rather than "no value": in its box and its tooltip', async () => {
        const graph = await calculusGraphView(model, 'streaming_platform', undefined);
        // e-footprint 22 models neither storage energy nor network fabrication: both empty in the total
        expect(node(graph, 'ssd.energy_footprint').value).toBe('empty: e-footprint 22 does not model it');
        expect(node(graph, 'ssd.energy_footprint').tooltip).toContain('= empty: e-footprint 22 does not model it');
        expect(node(graph, 'wifi.instances_fabrication_footprint').value).toBe('empty: e-footprint does not model it');
        expect(graph.nodes.filter(n => n.value.includes('no value'))).toEqual([]);
    });

    it('names the job no usage pattern uses, in every value empty for that reason', async () => {
        const orphan = await modelOf(`${quickstart}\njob orphan on web { data_transferred: 1 MB  data_stored: 1 MB  request_duration: 1 s  compute_needed: 1 cpu_core  ram_needed: 1 MB }\n`);
        const graph = await calculusGraphView(orphan, 'orphan', 'hourly_data_transferred_across_usage_patterns');
        for (const id of ['orphan.hourly_data_transferred_across_usage_patterns', 'orphan.hourly_data_transferred_per_usage_pattern', 'orphan.hourly_occurrences_per_usage_pattern']) {
            expect(node(graph, id).value, id).toBe('empty: no usage pattern uses orphan');
        }
        expect(node(graph, 'orphan.data_transferred').value).toBe('1 MB');
    });

    it('answers a message, not an error, for an unknown object or value', async () => {
        const unknown = await calculusGraphView(model, 'nope', undefined);
        expect(unknown).toMatchObject({ nodes: [], edges: [], message: "No object 'nope' in the model." });
        const noValue = await calculusGraphView(model, 'web', 'colour');
        expect(noValue).toMatchObject({ nodes: [], message: "server web has no value 'colour'." });
    });
});

describe('calculus graph size limits', () => {
    it('draws the nodes nearest to the root first, counting what it leaves out', async () => {
        const root = model.findNode('streaming_platform', 'total_footprint')!;
        const total = ancestors(root).size + 1;
        const graph = await calculusGraphView(model, 'streaming_platform', undefined, { maxNodes: 20 });
        expect(graph.nodes).toHaveLength(20);
        expect(graph.hidden).toBe(total - 20);
        expectSoundLayout(graph);

        const depth = depths(root);
        const shownIds = new Set(graph.nodes.map(n => n.id));
        const shown = [...depth.keys()].filter(n => shownIds.has(n.key));
        const left = [...depth.keys()].filter(n => !shownIds.has(n.key));
        expect(Math.max(...shown.map(n => depth.get(n)!))).toBeLessThanOrEqual(Math.min(...left.map(n => depth.get(n)!)));

        // a node with an operand left out tells how many of its ancestors are not drawn
        for (const n of shown) {
            const cut = n.operands.some(o => !shownIds.has(o.key));
            const hidden = [...ancestors(n)].filter(a => !shownIds.has(a.key)).length;
            expect(node(graph, n.key).hidden).toBe(cut ? hidden : undefined);
        }
        expect(graph.nodes.some(n => (n.hidden ?? 0) > 0)).toBe(true);
    });

    it('hides a collapsed node\'s ancestors, except those something else drawn needs', async () => {
        // web.power feeds the load footprint directly: it stays however the instances are collapsed
        const root = model.findNode('web', 'energy_footprint')!;
        const collapsed = model.findNode('web', 'raw_nb_of_instances')!;
        const graph = await calculusGraphView(model, 'web', 'energy_footprint', { collapsed: ['web.raw_nb_of_instances'] });
        const ids = new Set(graph.nodes.map(n => n.id));

        // what stays: the values reachable from the root without going through the collapsed node
        const reachable = new Set<Node>([root]);
        const stack = [root];
        while (stack.length > 0) {
            const n = stack.pop()!;
            if (n === collapsed) continue;
            for (const o of n.operands) if (!reachable.has(o)) { reachable.add(o); stack.push(o); }
        }
        expect([...ids].sort()).toEqual([...reachable].map(n => n.key).sort());
        expect(ids.has('web.ram')).toBe(false);
        expect(ids.has('french_households.hourly_usage_journey_starts')).toBe(false);
        expect(ids.has('web.power')).toBe(true);
        expect(ids.size).toBe(9);
        // everything it is computed from: the journeys, the jobs, the server's capacity
        expect(node(graph, 'web.raw_nb_of_instances').hidden).toBe(27);
        expect(graph.hidden).toBe(27);
        expect(graph.edges.some(e => e.to === 'web.raw_nb_of_instances')).toBe(false);
        expect(graph.edges.some(e => e.from === 'web.raw_nb_of_instances')).toBe(true);
        expectSoundLayout(graph);
    });

    it('draws at least the root', async () => {
        const graph = await calculusGraphView(model, 'web', 'energy_footprint', { maxNodes: 0 });
        expect(graph.nodes.map(n => n.id)).toEqual(['web.energy_footprint']);
        expect(graph.nodes[0].hidden).toBe(35);
        expect(graph.edges).toEqual([]);
    });
});
