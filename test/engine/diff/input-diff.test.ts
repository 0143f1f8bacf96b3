import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffModels } from '../../../src/engine/diff/model-diff.js';
import { readEfootprintIds } from '../../../src/engine/export/efootprint-ids.js';
import { minimalModel, modelOf } from '../../helpers/model-from-text.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const locate = (uri: string) => uri.split('/').pop()!;

describe('input diff', () => {
    it('a changed value: old and new text, evaluated value, unit, source and place', async () => {
        const after = QUICKSTART.replace('power: 300 W', 'power: 600 W')
            .replace('carbon_footprint_fabrication: 600 kg   source base_ademe_v19', 'carbon_footprint_fabrication: 600 kg   source hypothesis');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after), { locate });
        expect(diff.inputs.objects).toHaveLength(1);
        const [web] = diff.inputs.objects;
        expect(web).toMatchObject({ change: 'changed', keyword: 'server', className: 'Server', new: { id: 'web', name: 'server', place: { file: 'model.efp', line: 15 } } });
        expect(web.attributes.map(a => a.attribute)).toEqual(['carbon_footprint_fabrication', 'power']);
        const power = web.attributes.find(a => a.attribute === 'power')!;
        expect(power).toMatchObject({
            change: 'changed', aspects: ['value'],
            old: { text: '300 W', value: '300 W', unit: 'W', given: 'user', place: { file: 'model.efp', line: 18 } },
            new: { text: '600 W', value: '600 W', unit: 'W', given: 'user' }
        });
        const fabrication = web.attributes.find(a => a.attribute === 'carbon_footprint_fabrication')!;
        expect(fabrication.aspects).toEqual(['source']);
        expect(fabrication.old!.source!.id).toBe('base_ademe_v19');
        expect(fabrication.new!.source!.id).toBe('hypothesis');
        expect(diff.summary.changedInputs).toBe(2);
    });

    it('a value left out that equals e-footprint\'s default is no change, only a rewriting; one that differs is a change', async () => {
        // web's idle_power is 50 W, e-footprint's default for a server (50 W)
        const after = QUICKSTART.replace('  idle_power: 50 W\n', '');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects).toEqual([]);
        expect(diff.inputs.rewritten).toEqual([{ object: 'web', keyword: 'server', attribute: 'idle_power', old: '50 W', new: 'default 50 W' }]);
        expect(diff.summary.total.change).toBe(0);
        // 60 W left out: the default, 50 W, is another value
        const before60 = QUICKSTART.replace('idle_power: 50 W', 'idle_power: 60 W');
        const changed = diffModels(await modelOf(before60), await modelOf(after));
        const idle = changed.inputs.objects[0].attributes[0];
        expect(idle).toMatchObject({ attribute: 'idle_power', change: 'unwritten', old: { text: '60 W', given: 'user' }, new: { given: 'default', value: '50 W' } });
        expect(changed.summary.total.change).toBeLessThan(0);
    });

    it('a step added to a journey: the step is added and the journey\'s list names it', async () => {
        const after = QUICKSTART.replace('uj_steps: [watch, capture]', 'uj_steps: [watch, capture, browse]')
            + '\nusage_journey_step browse "Browse the catalogue" { user_time_spent: 2 min  jobs: [upload] }\n';
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects.map(o => [o.change, o.new?.id])).toEqual([['changed', 'daily_video'], ['added', 'browse']]);
        const steps = diff.inputs.objects[0].attributes[0];
        expect(steps).toMatchObject({ attribute: 'uj_steps', old: { text: '[watch, capture]' }, new: { text: '[watch, capture, browse]' } });
        expect(steps.list).toEqual({ added: ['browse'], removed: [], changed: [] });
        expect(diff.inputs.objects[1].attributes.map(a => a.attribute)).toEqual(['user_time_spent', 'jobs']);
        expect(diff.summary.total.change).toBeGreaterThan(0);
        // a weight is a change of the item, not an item added and one removed
        const weighted = diffModels(await modelOf(QUICKSTART), await modelOf(QUICKSTART.replace('uj_steps: [watch, capture]', 'uj_steps: [watch * 2, capture]')));
        expect(weighted.inputs.objects[0].attributes[0].list).toEqual({ added: [], removed: [], changed: [{ old: 'watch', new: 'watch * 2' }] });
    });

    it('a server replaced by another: the old one removed, the new one added, the job moved', async () => {
        const after = QUICKSTART
            .replace(/server web "server" \{[^}]*\}/, `server box "Rack server" { server_type: autoscaling  carbon_footprint_fabrication: 900 kg  power: 500 W  idle_power: 80 W  ram: 256 GB  compute: 48 cpu_core  storage: ssd }`)
            .replace(/on web/g, 'on box');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        const kinds = diff.inputs.objects.map(o => [o.change, o.keyword, (o.new ?? o.old)!.id]);
        expect(kinds).toEqual([['added', 'server', 'box'], ['changed', 'job', 'streaming'], ['changed', 'job', 'upload'], ['removed', 'server', 'web']]);
        expect(diff.inputs.objects[1].attributes[0]).toMatchObject({ attribute: 'server', old: { text: 'web' }, new: { text: 'box' } });
        const removed = diff.inputs.objects[3];
        expect(removed.attributes.find(a => a.attribute === 'power')).toMatchObject({ change: 'unwritten', old: { text: '300 W' } });
        expect(diff.summary.objects).toEqual({ added: 1, removed: 1, renamed: 0, moved: 0, changed: 2 });
        const objects = diff.systems[0].objects;
        expect(objects.find(o => o.id === 'web')!.status).toBe('removed');
        expect(objects.find(o => o.id === 'box')!.status).toBe('added');
        expect(objects.find(o => o.id === 'web')!.total.new).toBe(0);
    });
});

describe('renames', () => {
    it('same object, new name: a rename (matched by its display name), references to it unchanged', async () => {
        const after = QUICKSTART.replace('job streaming "streaming job"', 'job stream "streaming job"').replace('jobs: [streaming]', 'jobs: [stream]');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects).toEqual([expect.objectContaining({
            change: 'renamed', matchedBy: 'display-name', old: expect.objectContaining({ id: 'streaming' }), new: expect.objectContaining({ id: 'stream' }), attributes: []
        })]);
        expect(diff.summary.objects).toEqual({ added: 0, removed: 0, renamed: 1, moved: 0, changed: 0 });
        const stream = diff.systems[0].objects;
        expect(stream.every(o => o.status === 'same')).toBe(true);
        expect(diff.summary.total.change).toBe(0);
    });

    it('new name and new display name, same server, same values: matched by its references and values', async () => {
        const after = QUICKSTART.replace('job streaming "streaming job"', 'job stream "video stream"').replace('jobs: [streaming]', 'jobs: [stream]');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects).toEqual([expect.objectContaining({
            change: 'renamed', matchedBy: 'references', old: expect.objectContaining({ id: 'streaming' }), new: expect.objectContaining({ id: 'stream' })
        })]);
        expect(diff.inputs.objects[0].attributes.map(a => [a.attribute, a.old?.text, a.new?.text])).toEqual([['name', 'streaming job', 'video stream']]);
        // a job without a display name, renamed with one of its five inputs changed: 4 of 5 the same, close enough (≥ 0.75)
        const job = 'data_transferred: 1 MB  data_stored: 1 MB  request_duration: 1 s  compute_needed: 1 cpu_core  ram_needed: 50 MB';
        const model = minimalModel({ job });
        const renamed = model.replace('job call on api', 'job request on api').replace('jobs: [call]', 'jobs: [request]').replace('data_transferred: 1 MB', 'data_transferred: 2 MB');
        const changed = diffModels(await modelOf(model), await modelOf(renamed));
        expect(changed.inputs.objects).toEqual([expect.objectContaining({ change: 'renamed', matchedBy: 'inputs' })]);
    });

    it('a renamed server with a changed input: one rename with the change; its footprint row keeps its old name', async () => {
        const after = QUICKSTART.replace('server web "server"', 'server api "server"').replace(/on web/g, 'on api').replace('power: 300 W', 'power: 350 W');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects).toHaveLength(1);
        expect(diff.inputs.objects[0]).toMatchObject({ change: 'renamed', old: { id: 'web' }, new: { id: 'api' } });
        expect(diff.inputs.objects[0].attributes.map(a => a.attribute)).toEqual(['power']);
        const row = diff.systems[0].objects[0];
        expect(row).toMatchObject({ status: 'same', id: 'api', oldId: 'web' });
        expect(row.total.change).toBeGreaterThan(0);
    });

    it('matched by the e-footprint id comment even when the inputs changed a lot', async () => {
        const before = QUICKSTART.replace('request_duration: 2 s\n', 'request_duration: 2 s  // e-footprint id: abc-123\n');
        const after = QUICKSTART.replace('job upload "upload job" on web { data_transferred: 20 MB  data_stored: 20 MB  request_duration: 2 s',
            'job send "upload job" on web {  // e-footprint id: abc-123\n data_transferred: 30 MB  data_stored: 25 MB  request_duration: 3 s')
            .replace('jobs: [upload]', 'jobs: [send]');
        const diff = diffModels(await modelOf(before), await modelOf(after), {
            efootprintIds: { old: readEfootprintIds(before).objects, new: readEfootprintIds(after).objects }
        });
        expect(diff.inputs.objects).toHaveLength(1);
        expect(diff.inputs.objects[0]).toMatchObject({ change: 'renamed', matchedBy: 'efootprint-id', old: { id: 'upload' }, new: { id: 'send' } });
        expect(diff.inputs.objects[0].attributes.map(a => a.attribute)).toEqual(['data_transferred', 'data_stored', 'request_duration']);
        // without the ids, the display name still tells
        expect(diffModels(await modelOf(before), await modelOf(after)).inputs.objects[0]).toMatchObject({ change: 'renamed', matchedBy: 'display-name' });
        // without the ids nor the display name, three of five inputs changed: not the same object
        const plain = diffModels(await modelOf(before), await modelOf(after.replace('job send "upload job"', 'job send "sending job"')));
        expect(plain.inputs.objects.map(o => o.change).sort()).toEqual(['added', 'changed', 'removed']);
    });

    it('a different object of the same kind is not a rename', async () => {
        const after = QUICKSTART.replace('network wifi "WIFI network" from wifi_network { bandwidth_energy_intensity: 0.05 kWh/GB }',
            'network mobile "Mobile network" from mobile_network { bandwidth_energy_intensity: 0.12 kWh/GB }').replace('network: wifi', 'network: mobile');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects.map(o => [o.change, (o.new ?? o.old)!.id])).toEqual([['added', 'mobile'], ['changed', 'french_households'], ['removed', 'wifi']]);
    });

    it('model settings: a longer modeling period', async () => {
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(QUICKSTART.replace('modeling_duration: 3 year', 'modeling_duration: 4 year')));
        expect(diff.inputs.settings).toEqual([expect.objectContaining({ attribute: 'modeling_duration', old: expect.objectContaining({ text: '3 year' }), new: expect.objectContaining({ text: '4 year' }) })]);
        expect(diff.systems[0].oldPeriod!.duration).toBe('3 years');
        expect(diff.systems[0].newPeriod!.hours).toBeGreaterThan(diff.systems[0].oldPeriod!.hours);
    });
});
