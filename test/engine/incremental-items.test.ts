import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/model-from-text.js';
import { Model } from '../../src/engine/model/model.js';
import type { NodeValue } from '../../src/engine/model/node.js';
import { generateSystem } from '../../bench/system-generator.js';

/** Every value of `a` as numbers, by node key (values per object by item key), to compare models bit for bit. */
function snapshot(model: Model): Map<string, number[] | string> {
    const out = new Map<string, number[] | string>();
    const flat = (v: NodeValue | undefined): number[] | string => {
        if (!v) return 'undefined';
        if (v.kind === 'empty') return 'empty';
        if (v.kind === 'quantity') return [v.value];
        if (v.kind === 'hourly') return [v.series.start, ...v.series.values];
        return [...v.items].flatMap(([k, item]) => [(k as { key: string }).key, ...[flat(item)].flat()].map(String)).join(',');
    };
    for (const [key, node] of model.nodes) out.set(key, flat(node.value));
    return out;
}

describe('incremental recomputation of values per object', () => {
    // 20 usage patterns share a device and a network: their sums over 20 items are kept in blocks of 16
    const text = generateSystem({ patterns: 20, jobsPerStep: 1, years: 1 });

    it('after changes to one pattern, one job and one server, every value equals a full evaluation, bit for bit', async () => {
        const model = await modelOf(text);
        const starts = (a: number) => ({ expr: { kind: 'call' as const, function: 'linear_growth', args: [{ value: { kind: 'number' as const, value: a } }, { value: { kind: 'number' as const, value: 999 } }] } });
        expect(model.setInput('p17_users', 'hourly_usage_journey_starts', starts(123))).toBeGreaterThan(10);
        expect(model.setInput('p3_post_j0', 'data_stored', { expr: { kind: 'number', value: 77, unit: 'kB' } })).toBeGreaterThan(3);
        expect(model.setInput('api1', 'power', { expr: { kind: 'number', value: 400, unit: 'W' } })).toBeGreaterThan(2);
        expect(model.setInput('p17_users', 'hourly_usage_journey_starts', starts(321))).toBeGreaterThan(10);

        const changed = text
            .replace('hourly_usage_journey_starts: linear_growth(117, 417) * daily_fluctuation(scale: 0.6, min_hour: 4)', 'hourly_usage_journey_starts: linear_growth(321, 999)')
            .replace('job p3_post_j0 on api0 { data_transferred: 1 MB  data_stored: 10 kB', 'job p3_post_j0 on api0 { data_transferred: 1 MB  data_stored: 77 kB')
            .replace('power: 251 W', 'power: 400 W');
        expect(changed).not.toBe(text);
        const full = await modelOf(changed);
        const a = snapshot(model), b = snapshot(full);
        expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
        const differing = [...a].filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(b.get(k))).map(([k]) => k);
        expect(differing).toEqual([]);
    });

    it('a value that failed and came back is computed afresh, not taken from before the failure', async () => {
        const model = await modelOf(text);
        const full = snapshot(model);
        // journey starts divided by zero: the pattern's values and what depends on them fail, then the input is restored
        const original = model.findNode('p5_users', 'hourly_usage_journey_starts')!.input!;
        model.setInput('p5_users', 'hourly_usage_journey_starts', { expr: { kind: 'binary', operator: '/', left: { kind: 'number', value: 1 }, right: { kind: 'number', value: 0 } } });
        expect(model.findNode('builtin:smartphone', 'energy_footprint_per_usage_pattern')!.error).toBeDefined();
        model.setInput('p5_users', 'hourly_usage_journey_starts', original);
        const differing = [...snapshot(model)].filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(full.get(k))).map(([k]) => k);
        expect(differing).toEqual([]);
    });
});
