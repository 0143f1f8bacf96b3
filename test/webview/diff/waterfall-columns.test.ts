import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffModels } from '../../../src/engine/diff/model-diff.js';
import { waterfallOf } from '../../../src/engine/diff/waterfall.js';
import { modelOf } from '../../helpers/model-from-text.js';
import { waterfallColumns } from '../../../src/webview/diff/waterfall-columns.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

describe('the diff panel\'s waterfall columns', () => {
    it('split each step of engine/diff\'s waterfall by phase, fabrication first, ending where the step ends', async () => {
        const before = await modelOf(quickstart);
        // the server's power (energy) and the SSD's base need (fabrication) change together
        const after = await modelOf(quickstart.replace('power: 300 W', 'power: 450 W').replace('base_storage_need: 100 TB', 'base_storage_need: 50 TB'));
        const [system] = diffModels(before, after).systems;
        const steps = waterfallOf(system);
        const columns = waterfallColumns(system);
        expect(columns.map(c => c.label)).toEqual(steps.map(s => (s.kind === 'total' ? 'Total change' : s.label)));
        columns.forEach((c, i) => {
            expect(c.fabrication[0]).toBeCloseTo(steps[i].from, 6);
            expect(c.fabrication[1]).toBe(c.energy[0]);
            expect(c.energy[1]).toBeCloseTo(steps[i].to, 6);
        });
        const server = columns.find(c => c.label === 'server')!;
        expect(server.fabrication[1] - server.fabrication[0]).toBe(0);
        expect(server.energy[1] - server.energy[0]).toBeGreaterThan(0);
        const ssd = columns.find(c => c.label === 'SSD storage')!;
        expect(ssd.change).toBeLessThan(0);
        const total = columns.at(-1)!;
        expect(total.kind).toBe('total');
        expect(total.fabrication[0]).toBe(0);
        expect(total.energy[1]).toBeCloseTo(system.total.change, 6);
    });

    it('gather the objects beyond the first few', async () => {
        const before = await modelOf(quickstart);
        const after = await modelOf(quickstart.replace('power: 300 W', 'power: 450 W').replace('base_storage_need: 100 TB', 'base_storage_need: 50 TB'));
        const [system] = diffModels(before, after).systems;
        const columns = waterfallColumns(system, 1);
        expect(columns.map(c => c.kind)).toEqual(['change', 'change', 'total']);
        expect(columns[1].label).toBe('1 other object');
        expect(columns[1].energy[1]).toBeCloseTo(system.total.change, 6);
    });
});
