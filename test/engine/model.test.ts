import { describe, expect, it } from 'vitest';
import { analyze, minimalModel, modelOf, valueOf } from '../helpers/model-from-text.js';
import { buildModel, buildModelInSlices } from '../../src/engine/build-model.js';

describe('model building', () => {
    it('fills e-footprint defaults and archetype values, the user value winning', async () => {
        const model = await modelOf(minimalModel({ server: 'power: 400 W' }));
        expect(valueOf(model, 'api', 'power')).toBe(400);
        expect(valueOf(model, 'api', 'idle_power')).toBe(50); // e-footprint default
        expect(valueOf(model, 'disk', 'carbon_footprint_fabrication_per_storage_capacity')).toBeCloseTo(160 / 8e12, 20); // ssd archetype
        expect(model.findNode('api', 'idle_power')!.input!.given).toBe('default');
        expect(model.findNode('api', 'power')!.input!.given).toBe('user');
        expect(model.findNode('disk', 'lifespan')!.input!.given).toBe('archetype');
    });

    it('reads a plain GB as RAM where RAM is meant and echoes it as GB_ram', async () => {
        const model = await modelOf(minimalModel({ server: 'ram: 64 GB' }));
        expect(model.findNode('api', 'ram')!.unit).toBe('GB_ram');
        expect(valueOf(model, 'api', 'ram')).toBe(64 * 8e9);
    });

    it('lets any value use another object\'s value, given or computed', async () => {
        const model = await modelOf(minimalModel({ server: 'power: 300 W  idle_power: api.power / 6' }));
        expect(valueOf(model, 'api', 'idle_power')).toBe(50);
        const withComputed = await modelOf(minimalModel({ extra: 'server twin { storage: disk  carbon_footprint_fabrication: api.carbon_footprint_fabrication * 2 }' }));
        expect(valueOf(withComputed, 'twin', 'carbon_footprint_fabrication')).toBe(1200);
    });

    it('counts repeated steps and weights', async () => {
        const text = minimalModel().replace('uj_steps: [step]', 'uj_steps: [step * 2, step]');
        const model = await modelOf(text);
        expect(valueOf(model, 'visit', 'duration')).toBe(3 * 60);
        const once = await modelOf(minimalModel());
        // three runs of the job per journey instead of one
        expect(valueOf(model, 'call', 'hourly_avg_occurrences_across_usage_patterns'))
            .toBeCloseTo(3 * valueOf(once, 'call', 'hourly_avg_occurrences_across_usage_patterns'), 6);
    });

    it('sizes an on-premise server for its peak and rejects a fixed number of instances below it', async () => {
        const onPremise = await modelOf(minimalModel({ server: 'server_type: on_premise', pattern: 'hourly_values([1000, 5000000, 1000])' }));
        const nb = onPremise.findNode('api', 'nb_of_instances')!.value!;
        expect(nb.kind === 'hourly' && [...nb.series.values].every(v => v === nb.series.values[0] && v > 1)).toBe(true);
        const fixed = await analyze(minimalModel({ server: 'server_type: on_premise  fixed_nb_of_instances: 1', pattern: 'hourly_values([1000, 5000000, 1000])' }));
        const error = fixed.diagnostics.find(d => d.message.includes('fixed_nb_of_instances is 1'));
        expect(error?.message).toMatch(/^server api: nb_of_instances: the peak load needs \d+ instances but fixed_nb_of_instances is 1$/);
    });

    it('a serverless server uses exactly the load', async () => {
        const model = await modelOf(minimalModel({ server: 'server_type: serverless' }));
        expect(valueOf(model, 'api', 'nb_of_instances')).toBeCloseTo(valueOf(model, 'api', 'raw_nb_of_instances'), 9);
    });

    it('resolves a name to the model\'s object before the built-in one', async () => {
        const model = await modelOf(minimalModel().replace('devices: [smartphone]', 'devices: [laptop]') + '\ndevice laptop "My laptop" from laptop { power: 20 W }\n');
        const laptop = model.instances.find(o => o.id === 'laptop')!;
        expect(laptop.name).toBe('My laptop');
        expect(valueOf(model, 'laptop', 'power')).toBe(20);
        expect(valueOf(model, 'laptop', 'carbon_footprint_fabrication')).toBe(156); // from the built-in laptop
    });

    it('reads imported files', async () => {
        const model = await modelOf({
            'main.efp': 'import "infra.efp"\n' + minimalModel().replace('storage disk from ssd {}\nserver api {  storage: disk }\n', ''),
            'infra.efp': 'storage disk from ssd {}\nserver api { storage: disk }\n'
        });
        expect(valueOf(model, 'api', 'nb_of_instances')).toBeGreaterThan(0);
    });

    it('does not see objects of files it does not import', async () => {
        const analysis = await analyze({ 'main.efp': minimalModel().replace('storage disk from ssd {}\n', ''), 'other.efp': 'storage disk from ssd {}\n' });
        expect(analysis.diagnostics.map(d => d.message)).toContain("unknown name 'disk'.");
    });
});

describe('incremental recomputation', () => {
    it('gives the same values as a full evaluation after one input changes, recomputing only what depends on it', async () => {
        const analysis = await analyze(minimalModel());
        const model = analysis.model!;
        const recomputed = model.setInput('api', 'power', { expr: { kind: 'number', value: 450, unit: 'W' }, text: '450 W' });
        expect(recomputed).toBeGreaterThan(1);
        expect(recomputed).toBeLessThan(model.nodes.size / 4);
        const fresh = await modelOf(minimalModel({ server: 'power: 450 W' }));
        for (const attribute of ['load_energy_footprint', 'energy_footprint', 'instances_energy']) {
            expect(valueOf(model, 'api', attribute)).toBeCloseTo(valueOf(fresh, 'api', attribute), 9);
        }
        expect(valueOf(model, 'service', 'total_footprint')).toBeCloseTo(valueOf(fresh, 'service', 'total_footprint'), 6);
        expect(valueOf(model, 'service', 'total_footprint')).not.toBeCloseTo(valueOf(await modelOf(minimalModel()), 'service', 'total_footprint'), 6);
    });

    it('can be rebuilt from its plain description, without the syntax tree', async () => {
        const analysis = await analyze(minimalModel());
        const again = buildModel(JSON.parse(JSON.stringify(analysis.model!.description)));
        expect(valueOf(again, 'service', 'total_footprint')).toBe(valueOf(analysis.model!, 'service', 'total_footprint'));
    });
});

describe('countries', () => {
    it('takes e-footprint\'s table with truncated intensities, and user-declared countries with defaults', async () => {
        const model = await modelOf(minimalModel({ extra: 'country Narnia { average_carbon_intensity: 120 g/kWh }\ncountry Atlantis {}' })
            .replace('country: France', 'country: Narnia'));
        expect(valueOf(model, 'Narnia', 'average_carbon_intensity') * 3.6e6 * 1000).toBeCloseTo(120, 9);
        expect(model.lookup('Narnia')!.text('timezone')).toBe('Europe/Paris'); // e-footprint's default
        const france = await modelOf(minimalModel());
        expect(valueOf(france, 'builtin:France', 'average_carbon_intensity') * 3.6e6 * 1000).toBeCloseTo(44, 9); // 44.17… truncated
    });

    it('rejects an unknown time zone where it is written', async () => {
        const analysis = await analyze(minimalModel({ extra: 'country Nowhere { timezone: "Mars/Olympus" }' }).replace('country: France', 'country: Nowhere'));
        const error = analysis.diagnostics.find(d => d.message.includes('Mars/Olympus'))!;
        expect(error.message).toBe("country Nowhere: unknown time zone 'Mars/Olympus'");
        expect(error.range.start.line).toBe(12);
    });
});

describe('array reuse', () => {
    it('values stay right when arrays are recycled across recomputations and disposed models', async () => {
        const expected = valueOf(await modelOf(minimalModel({ server: 'power: 450 W' })), 'service', 'total_footprint');
        const model = (await analyze(minimalModel())).model!;
        for (let i = 0; i < 40; i++) {
            model.setInput('api', 'power', { expr: { kind: 'number', value: i % 2 ? 300 : 400, unit: 'W' } });
            model.setInput('call', 'data_stored', { expr: { kind: 'number', value: 100 + i, unit: 'kB' } });
        }
        model.setInput('api', 'power', { expr: { kind: 'number', value: 450, unit: 'W' } });
        model.setInput('call', 'data_stored', { expr: { kind: 'number', value: 100, unit: 'kB' } });
        expect(valueOf(model, 'service', 'total_footprint')).toBeCloseTo(expected, 9);
        // the system total is updated by differences after a change: hour by hour it equals a fresh sum
        const fresh = await modelOf(minimalModel({ server: 'power: 450 W' }));
        const hours = (m: typeof model) => { const v = m.findNode('service', 'total_footprint')!.value!; return v.kind === 'hourly' ? [...v.series.values] : []; };
        expect(hours(model)).toHaveLength(24);
        hours(model).forEach((v, i) => expect(v).toBeCloseTo(hours(fresh)[i], 9));
        // a disposed model's arrays serve the next model, which must not see their old numbers
        const other = buildModel(model.description);
        model.dispose();
        const third = buildModel(JSON.parse(JSON.stringify(model.description)));
        expect(valueOf(other, 'service', 'total_footprint')).toBeCloseTo(valueOf(third, 'service', 'total_footprint'), 9);
        expect(model.disposed).toBe(true);
        expect(() => model.findNode('service', 'total_footprint')!.value).toThrow('this model was replaced and disposed: its values can no longer be read');
    });
});

describe('evaluation in slices', () => {
    it('gives the same values as one evaluation, and stops when cancelled', async () => {
        const description = (await analyze(minimalModel())).model!.description;
        const whole = buildModel(description);
        const sliced = await buildModelInSlices(description, () => false, 0.01);
        expect(sliced).toBeDefined();
        expect(valueOf(sliced!, 'service', 'total_footprint')).toBe(valueOf(whole, 'service', 'total_footprint'));
        let slices = 0;
        const cancelled = await buildModelInSlices(description, () => ++slices >= 2, 0.001);
        expect(cancelled).toBeUndefined();
        expect(slices).toBe(2);
    });
});
