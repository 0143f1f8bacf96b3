import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, minimalModel, positionOf } from '../helpers/model-from-text.js';

/**
 * What the model checks on every value it evaluates: finite (a total of ∞ is not a result), not negative
 * where e-footprint's quantities cannot be (the rule is in each class spec), and inputs that do nothing
 * where they are written said so: each on the input responsible, once, with a hint.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

async function findings(text: string) {
    const analysis = await analyze(text);
    return {
        analysis,
        errors: analysis.diagnostics.filter(d => d.severity === 'error'),
        warnings: analysis.diagnostics.filter(d => d.severity === 'warning')
    };
}

describe('values too large to compute with', () => {
    it('a server of 1e308 W: one error, on the power, instead of a total of ∞', async () => {
        const text = QUICKSTART.replace('power: 300 W', 'power: 1e308 W');
        const { errors, analysis } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['\'power\' of 1e308 W is too large to compute with: it makes server web\'s load_energy_footprint infinite']);
        expect(errors[0].range.start).toEqual(positionOf(text, '1e308 W'));
        expect(errors[0].hint).toBe('Check the value and its unit: efp computes with numbers up to about 1e308.');
        // what depends on it is quiet, and nothing infinite is left in the model
        for (const node of analysis.model!.nodes.values()) {
            const v = node.value;
            if (v?.kind === 'quantity') expect(Number.isFinite(v.value), node.key).toBe(true);
            if (v?.kind === 'hourly') expect(Number.isFinite(v.series.sum()), node.key).toBe(true);
        }
    });

    it('a product of two large inputs is blamed on the larger one', async () => {
        const text = minimalModel({ job: 'data_transferred: 1e290 GB', pattern: 'constant(1e20)' });
        const { errors } = await findings(text);
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/^'data_transferred' of 1e290 GB is too large to compute with: it makes job call's hourly_data_transferred_per_usage_pattern infinite$/);
        expect(errors[0].range.start).toEqual(positionOf(text, '1e290 GB'));
    });
});

describe('values that cannot be negative', () => {
    it('journey starts with a negative hour: an error on the list naming the value and its hour', async () => {
        const text = minimalModel({ pattern: 'hourly_values([100, -5, 30])' });
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['\'hourly_usage_journey_starts\' must be at least 0, got -5 at 2025-01-01 01:00']);
        expect(errors[0].range.start).toEqual(positionOf(text, 'hourly_values('));
        expect(errors[0].code).toBe('out-of-range');
    });

    it('journey starts written as an expression that goes negative: the first negative hour', async () => {
        const text = QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, 'hourly_usage_journey_starts: linear_growth(5000, -100000)\n}');
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['\'hourly_usage_journey_starts\' must be at least 0, got -3.04217 at 2025-02-22 05:00']);
        expect(errors[0].range.start).toEqual(positionOf(text, 'linear_growth(5000, -100000)'));
    });

    it('a typical week with a negative hour names the hour of the week', async () => {
        const week = Array.from({ length: 168 }, (_, i) => (i === 30 ? -2 : 1)).join(', ');
        const text = readFileSync('examples/reference/simple_edge_system.efp', 'utf8')
            .replace('recurrent_compute_needed: 1 cpu_core', `recurrent_compute_needed: weekly_values([${week}]) * 1 cpu_core`);
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['\'recurrent_compute_needed\' must be at least 0 cpu_core, got -2 cpu_core at hour 30 of the week (Tuesday 06:00)']);
        expect(errors[0].range.start).toEqual(positionOf(text, 'weekly_values([1, 1'));
    });

    it('jobs that delete more data than was stored: an error naming the storage, the value and the hour', async () => {
        const text = minimalModel({ job: 'data_stored: -1 MB' });
        const { errors } = await findings(text);
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/^storage disk: full_cumulative_storage_need: cannot be negative, got -[\d.e+-]+ TB_stored at 2025-01-01 00:00$/);
        expect(errors[0].range.start).toEqual(positionOf(text, 'disk from ssd'));
        expect(errors[0].hint).toBe('It is computed as Σ of full_cumulative_storage_need_per_job + base_storage_need; check the values it comes from.');
    });
});

describe('inputs that do not apply', () => {
    it('fixed_nb_of_instances on an autoscaling server: a warning on it saying it only applies to on-premise servers', async () => {
        const text = minimalModel({ server: 'fixed_nb_of_instances: 3' });
        const { errors, warnings } = await findings(text);
        expect(errors).toEqual([]);
        expect(warnings.map(w => w.message)).toEqual([
            '\'fixed_nb_of_instances\' only applies when server_type is on_premise; server api is autoscaling, so it is ignored'
        ]);
        expect(warnings[0].range.start).toEqual(positionOf(text, 'fixed_nb_of_instances'));
        expect(warnings[0].hint).toBe('Write server_type: on_premise, or remove fixed_nb_of_instances.');
    });

    it('on an on-premise server it applies: no warning', async () => {
        const { warnings, errors } = await findings(minimalModel({ server: 'server_type: on_premise  fixed_nb_of_instances: 3' }));
        expect(errors).toEqual([]);
        expect(warnings).toEqual([]);
    });

    it('the warning carries the input, for the quick fix that removes it', async () => {
        const { analysis } = await findings(minimalModel({ server: 'fixed_nb_of_instances: 3' }));
        const [warning] = analysis.model!.diagnostics.filter(d => d.code === 'ignored-input');
        expect(warning.data).toEqual({ kind: 'ignored-input', input: 'fixed_nb_of_instances' });
    });

    it('a storage\'s fixed_nb_of_instances when its server is serverless: the disks follow the data, a warning naming the server', async () => {
        const text = minimalModel({ server: 'server_type: serverless' }).replace('storage disk from ssd {}', 'storage disk from ssd { fixed_nb_of_instances: 10 }');
        const { analysis, errors, warnings } = await findings(text);
        expect(errors).toEqual([]);
        expect(warnings.map(w => w.message)).toEqual([
            '\'fixed_nb_of_instances\' only applies when the server\'s server_type is autoscaling or on_premise; storage disk is on server api, which is serverless, so it is ignored'
        ]);
        expect(warnings[0].range.start).toEqual(positionOf(text, 'fixed_nb_of_instances'));
        expect(warnings[0].hint).toBe('Remove fixed_nb_of_instances, or write server_type: autoscaling on api.');
        // and indeed it is left out: a day of 1000 journeys an hour, each storing 100 kB (the Job default) × 3 replicas,
        // needs at most 24 × 1000 × 100 kB × 3 = 7.2 GB, 0.0072 of the 1 TB disk: that raw share, not 10 disks
        const nb = analysis.model!.findNode(analysis.model!.lookup('disk')!.key, 'nb_of_instances')!.value!;
        expect(nb.kind === 'hourly' && nb.series.max()).toBeCloseTo(0.0072, 6);
    });

    it('a storage\'s fixed_nb_of_instances on an autoscaling server applies: no warning', async () => {
        const text = minimalModel().replace('storage disk from ssd {}', 'storage disk from ssd { fixed_nb_of_instances: 10 }');
        const { errors, warnings } = await findings(text);
        expect(errors).toEqual([]);
        expect(warnings).toEqual([]);
    });

    it('a storage\'s power: e-footprint 22.2.1 does not model storage energy', async () => {
        const text = minimalModel().replace('storage disk from ssd {}', 'storage disk from ssd { power: 5 W }');
        const { analysis, warnings } = await findings(text);
        expect(warnings.map(w => w.message)).toEqual([
            '\'power\' has no effect on storage disk: e-footprint 22.2.1 does not model the energy of storage, so it is ignored'
        ]);
        expect(warnings[0].hint).toBe('Remove power.');
        expect(analysis.model!.findNode(analysis.model!.lookup('disk')!.key, 'energy_footprint')!.value!.kind).toBe('empty');
    });

    it('a server\'s fraction_of_usage_time other than 1: e-footprint keeps servers in use all the time', async () => {
        const { warnings } = await findings(minimalModel({ server: 'fraction_of_usage_time: 0.5' }));
        expect(warnings.map(w => w.message)).toEqual([
            '\'fraction_of_usage_time\' has no effect on server api: e-footprint keeps a server in use all the time, so it is ignored'
        ]);
    });

    it('the value e-footprint sets, as its JSON and so an import writes it, is no mistake: no warning', async () => {
        const text = minimalModel({ server: 'fraction_of_usage_time: 1' })
            .replace('storage disk from ssd {}', 'storage disk from ssd { power: 0 W  fraction_of_usage_time: 100 % }');
        const { errors, warnings } = await findings(text);
        expect(errors).toEqual([]);
        expect(warnings).toEqual([]);
    });
});
