import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffModels } from '../../../src/engine/diff/model-diff.js';
import { summarizeSystem } from '../../../src/engine/report/footprint-summary.js';
import { systemsOf } from '../../../src/engine/model/footprint-totals.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { modelOf } from '../../helpers/model-from-text.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

describe('footprint diff', () => {
    it('web.power 300 W -> 600 W: the change is the difference of the two evaluations, and the server\'s matches e-footprint', async () => {
        const before = await modelOf(QUICKSTART);
        const after = await modelOf(QUICKSTART.replace('power: 300 W', 'power: 600 W'));
        const diff = diffModels(before, after);

        const old = summarizeSystem(before, systemsOf(before)[0]);
        const now = summarizeSystem(after, systemsOf(after)[0]);
        const [system] = diff.systems;
        expect(system.status).toBe('same');
        expect(system.total).toEqual({ old: old.total, new: now.total, change: now.total - old.total, relative: (now.total - old.total) / old.total });
        expect(system.fabrication.change).toBe(0); // power is not in the fabrication footprint
        expect(diff.summary.total.change).toBe(now.total - old.total);

        // e-footprint's reference gives the server's energy footprint at 300 W split into its idle part,
        // idle_power × PUE × 1 h × nb_of_instances × intensity, and its load part, (power − idle_power) × … ;
        // at 600 W only the load part changes, by (600 − 50) / (300 − 50): the expected value is derived from
        // the reference, as e-footprint has no output at 600 W.
        const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
        const server = Object.values(reference.objects).find(o => o.class === 'Server')!;
        const total = (a: string) => server.calculated[a].values!.reduce((s, v) => s + v, 0);
        const idle = total('idle_energy_footprint'), load = total('load_energy_footprint');
        const expected600 = idle + load * (600 - 50) / (300 - 50);

        const web = system.objects.find(o => o.id === 'web')!;
        expect(web.energy.old).toBeCloseTo(total('energy_footprint'), -1);
        expect(Math.abs(web.energy.new - expected600) / expected600).toBeLessThan(1e-5);
        expect(Math.abs(web.energy.change - load * 300 / 250) / (load * 300 / 250)).toBeLessThan(1e-5);
        expect(web.fabrication.change).toBe(0);
        // the server is the largest change, so first; everything else is unchanged
        expect(system.objects[0].id).toBe('web');
        expect(system.objects.slice(1).every(o => o.total.change === 0)).toBe(true);
        expect(system.categories[0].category).toBe('Servers');
        expect(system.categories[0].total.change).toBeCloseTo(web.total.change, 6);
    });

    it('a model absent on one side counts as added: its whole footprint is the change', async () => {
        const after = await modelOf(QUICKSTART);
        const diff = diffModels(undefined, after);
        const now = summarizeSystem(after, systemsOf(after)[0]);
        expect(diff.systems[0].status).toBe('added');
        expect(diff.summary.total).toEqual({ old: 0, new: now.total, change: now.total, relative: null });
        expect(diff.inputs.objects.every(o => o.change === 'added')).toBe(true);
        expect(diff.summary.objects.added).toBe(after.objects.size);
    });
});
