import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffModels } from '../../../src/engine/diff/model-diff.js';
import { summarizeSystem } from '../../../src/engine/report/footprint-summary.js';
import { systemsOf } from '../../../src/engine/model/footprint-totals.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { minimalModel, modelOf } from '../../helpers/model-from-text.js';
import { HOURS_PER_YEAR } from '../../../src/engine/report/hours-per-year.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
/** The quickstart with every quantity in other units (test/fixtures/diff/quickstart-respelt.efp). */
const RESPELT = readFileSync('test/fixtures/diff/quickstart-respelt.efp', 'utf8');

/** e-footprint's reference outputs for the quickstart: the server's idle and load energy footprints over the period (kg). */
function serverEnergy(): { idle: number; load: number } {
    const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
    const server = Object.values(reference.objects).find(o => o.class === 'Server')!;
    const total = (a: string) => server.calculated[a].values!.reduce((s, v) => s + v, 0);
    return { idle: total('idle_energy_footprint'), load: total('load_energy_footprint') };
}

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
        const { idle, load } = serverEnergy();
        const expected600 = idle + load * (600 - 50) / (300 - 50);

        const web = system.objects.find(o => o.id === 'web')!;
        expect(web.energy.old).toBeCloseTo(idle + load, -1);
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

    it('the quickstart written in other units, its power 0.3 kW → 0.35 kW: only the power changed, by what e-footprint\'s formula gives', async () => {
        const before = await modelOf(QUICKSTART);
        const after = await modelOf(RESPELT.replace('power: 0.3 kW', 'power: 0.35 kW'));
        const diff = diffModels(before, after);
        expect(diff.inputs.objects.map(o => [o.new!.id, o.attributes.map(a => `${a.attribute}: ${a.old!.text} → ${a.new!.text}`)])).toEqual([['web', ['power: 300 W → 0.35 kW']]]);
        // the load part of the server's energy grows by (350 − 300) / (300 − 50), the rest stays
        const { load } = serverEnergy();
        const web = diff.systems[0].objects.find(o => o.id === 'web')!;
        expect(Math.abs(web.energy.change - load * 50 / 250) / (load * 50 / 250)).toBeLessThan(1e-5);
        expect(diff.systems[0].objects.filter(o => o.total.change !== 0).map(o => o.id)).toEqual(['web']);
        // and it is the difference of the two evaluations
        const old = summarizeSystem(before, systemsOf(before)[0]), now = summarizeSystem(after, systemsOf(after)[0]);
        expect(diff.summary.total.change).toBe(now.total - old.total);
    });
});

describe('per year on average over the hours the footprint covers', () => {
    // a usage series of 31 days (744 hourly values) in models declared for one and for two years
    const series = `hourly_values([${Array(744).fill('1000').join(', ')}], start_date: 2025-01-01)`;
    const model = (duration: string) => minimalModel({ pattern: series }).replace('modeling_duration: 1 day', `modeling_duration: ${duration}`);

    it('a month of footprint in a model of a year is a month: per year, its total × 8766 / 744', async () => {
        const m = await modelOf(model('1 year'));
        const s = summarizeSystem(m, systemsOf(m)[0]);
        expect(s.hours).toBe(8766);
        expect(s.evaluatedHours).toBe(31 * 24);
        // one figure by hand: the smartphones' energy, 1000 journeys an hour of 1 min each keep 1000/60
        // smartphones in use, at 1 W, for 744 h, in France at 44 g/kWh: 1000/60 × 1 W × 744 h × 44 g/kWh = 0.5456 kg
        const phones = s.objects.find(o => o.id === 'smartphone')!;
        expect(phones.energy).toBeCloseTo(1000 / 60 * 1 * 744 / 1000 * 0.044, 9);
        expect(s.perYear).toBeCloseTo(s.total * HOURS_PER_YEAR / 744, 9);
        // not the declared year's average, which would be 744/8766 of it
        expect(s.perYear).toBeGreaterThan(11 * s.total);
    });

    it('declaring two years instead of one changes neither the total nor the figure per year', async () => {
        const diff = diffModels(await modelOf(model('1 year')), await modelOf(model('2 year')));
        const [system] = diff.systems;
        expect(diff.inputs.settings.map(a => a.attribute)).toEqual(['modeling_duration']);
        expect(system.total.change).toBe(0);
        expect(system.perYear.change).toBe(0);
        expect(system.perYear.old).toBeCloseTo(system.total.old * HOURS_PER_YEAR / 744, 9);
        expect(system.oldPeriod).toMatchObject({ hours: 8766, evaluatedHours: 744, duration: '1 year' });
        expect(system.newPeriod).toMatchObject({ hours: 2 * 8766, evaluatedHours: 744, duration: '2 years' });
    });
});
