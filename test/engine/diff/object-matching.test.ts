import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffModels } from '../../../src/engine/diff/model-diff.js';
import { matchObjects } from '../../../src/engine/diff/object-matching.js';
import { minimalModel, modelOf } from '../../helpers/model-from-text.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

/** `old id → new id (rule)` for each pair of declared objects whose identifier changed. */
function pairs(matching: ReturnType<typeof matchObjects>): string[] {
    return matching.matches.filter(m => m.old.id !== m.new.id).map(m => `${m.old.id} → ${m.new.id} (${m.rule})`);
}

describe('object matching: the rules in order', () => {
    it('the same identifier, whatever the order of the declarations', async () => {
        const reordered = QUICKSTART.replace(/(server web "server" \{[^}]*\}\n)/, '').replace('system streaming_platform', `${/(server web "server" \{[^}]*\}\n)/.exec(QUICKSTART)![1]}\nsystem streaming_platform`);
        expect(reordered).not.toBe(QUICKSTART);
        const matching = matchObjects(await modelOf(QUICKSTART), await modelOf(reordered));
        expect(matching.added).toEqual([]);
        expect(matching.removed).toEqual([]);
        expect(matching.matches.every(m => m.rule === 'name' && m.old.id === m.new.id)).toBe(true);
    });

    it('the same display name of the same class; not across classes, nor when two objects share it', async () => {
        const renamed = QUICKSTART.replace('server web "server"', 'server api "server"').replace(/on web/g, 'on api');
        expect(pairs(matchObjects(await modelOf(QUICKSTART), await modelOf(renamed)))).toEqual(['web → api (display-name)']);
        // two jobs both called "job" on each side: the name tells nothing; the values do (rule 4)
        const twins = (a: string, b: string) => minimalModel({
            job: 'data_transferred: 1 MB',
            extra: `job ${a} "job" on api { data_transferred: 2 MB }\njob ${b} "job" on api { data_transferred: 3 MB }`
        });
        const matching = matchObjects(await modelOf(twins('x', 'y')), await modelOf(twins('p', 'q')));
        expect(pairs(matching)).toEqual(['x → p (references)', 'y → q (references)']);
    });

    it('the only job on a matched server, with the same values: matched by its references, though its names changed', async () => {
        const job = 'data_transferred: 1 MB  data_stored: 1 MB  request_duration: 1 s';
        const model = minimalModel({ job });
        const renamed = model.replace('job call on api', 'job request "HTTP request" on api').replace('jobs: [call]', 'jobs: [request]');
        const diff = diffModels(await modelOf(model), await modelOf(renamed));
        expect(diff.inputs.objects).toEqual([expect.objectContaining({ change: 'renamed', matchedBy: 'references', old: expect.objectContaining({ id: 'call' }) })]);
        // the display name given is a change of the label, the only one
        expect(diff.inputs.objects[0].attributes.map(a => [a.attribute, a.old?.text, a.new?.text])).toEqual([['name', 'call', 'HTTP request']]);
        expect(diff.summary.total.change).toBe(0);
        // on another server: not the same references, and nothing else tells them apart
        const moved = renamed.replace('job request "HTTP request" on api', 'job request "HTTP request" on other')
            + 'server other { storage: disk }\n';
        const apart = diffModels(await modelOf(model), await modelOf(moved));
        // (its inputs: 3 of 5 entries the same, with the server and the display name: not close enough)
        expect(apart.inputs.objects.map(o => `${o.change} ${(o.new ?? o.old)!.id}`).sort()).toEqual(['added other', 'added request', 'changed step', 'removed call']);
    });

    it('objects alike on both sides are paired in declaration order, the same display name first', async () => {
        // four identical jobs on each side, renamed; the display names say which is which
        const jobs = (ids: string[], names: string[]) => ids.map((id, i) => `job ${id} "${names[i]}" on api { data_transferred: 5 MB }`).join('\n');
        const before = minimalModel({ extra: jobs(['a', 'b', 'c', 'd'], ['alpha', 'beta', 'gamma', 'delta']) });
        const after = minimalModel({ extra: jobs(['w', 'x', 'y', 'z'], ['delta', 'gamma', 'beta', 'alpha']) });
        // rule 3 pairs them by display name before rule 4 is needed
        expect(pairs(matchObjects(await modelOf(before), await modelOf(after)))).toEqual(['a → z (display-name)', 'b → y (display-name)', 'c → x (display-name)', 'd → w (display-name)']);
        // without display names: in declaration order
        const plain = (ids: string[]) => minimalModel({ extra: ids.map(id => `job ${id} on api { data_transferred: 5 MB }`).join('\n') });
        expect(pairs(matchObjects(await modelOf(plain(['a', 'b'])), await modelOf(plain(['x', 'y']))))).toEqual(['a → x (references)', 'b → y (references)']);
    });

    it('references are compared through the matching: a job on web before and on server_2 after, web and server_2 matched, did not change', async () => {
        const renamed = QUICKSTART.replace('server web "server"', 'server server_2 "server"').replace(/on web/g, 'on server_2');
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(renamed));
        expect(diff.inputs.objects.map(o => [o.change, o.old!.id, o.new!.id])).toEqual([['renamed', 'web', 'server_2']]);
        expect(diff.inputs.objects[0].attributes).toEqual([]);
        expect(diff.summary.total.change).toBe(0);
    });
});

describe('built-in objects against declared ones', () => {
    const declaredLaptop = (name: string, power = '50 W') => QUICKSTART.replace('devices: [laptop]', 'devices: [my_laptop]')
        + `\ndevice my_laptop ${name} {\n  carbon_footprint_fabrication: 156 kg  power: ${power}  lifespan: 52596 h  fraction_of_usage_time: 7 h/day\n}\n`;

    it('the library\'s laptop and a device declared with its values and display name: no change', async () => {
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(declaredLaptop('"Default laptop"')));
        expect(diff.inputs.objects).toEqual([]);
        expect(diff.inputs.rewritten).toContainEqual({ object: 'my_laptop', keyword: 'device', attribute: 'declaration', old: 'built-in laptop', new: 'my_laptop' });
        expect(diff.summary.total.change).toBe(0);
        // the footprint row of the laptop is the same row on both sides
        const row = diff.systems[0].objects.find(o => o.id === 'my_laptop')!;
        expect(row).toMatchObject({ status: 'same', oldId: 'laptop' });
        expect(row.total.change).toBe(0);
        // and the other way round
        const back = diffModels(await modelOf(declaredLaptop('"Default laptop"')), await modelOf(QUICKSTART));
        expect(back.inputs.objects).toEqual([]);
        expect(back.summary.total.change).toBe(0);
    });

    it('without the display name, by its references (the usage pattern\'s devices) and values', async () => {
        const matching = matchObjects(await modelOf(QUICKSTART), await modelOf(declaredLaptop('')));
        expect(matching.matches.find(m => m.new.id === 'my_laptop')).toMatchObject({ rule: 'references', old: { id: 'laptop' } });
    });

    it('with another power: the device changed, and only its power', async () => {
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(declaredLaptop('"Default laptop"', '60 W')));
        expect(diff.inputs.objects).toHaveLength(1);
        const [laptop] = diff.inputs.objects;
        expect(laptop).toMatchObject({ change: 'changed', old: { id: 'laptop', builtin: true }, new: { id: 'my_laptop' } });
        expect(laptop.attributes.map(a => [a.attribute, a.old?.text, a.new?.text])).toEqual([['power', '50 W', '60 W']]);
        expect(diff.summary.total.change).toBeGreaterThan(0);
    });

    it('France from the library and a country declared with its intensity and time zone: no change', async () => {
        const after = QUICKSTART.replace('country: France', 'country: france')
            + '\ncountry france "France" { average_carbon_intensity: 44 g/kWh  timezone: "Europe/Paris" }\n';
        const diff = diffModels(await modelOf(QUICKSTART), await modelOf(after));
        expect(diff.inputs.objects).toEqual([]);
        expect(diff.summary.total.change).toBe(0);
    });
});

describe('moves', () => {
    const INFRA = 'storage disk from ssd {}\nserver api "API" { storage: disk }\n';
    const MAIN = 'import "infra.efp"\n' + minimalModel().replace(/storage disk from ssd \{\}\nserver api \{[^}]*\}\n/, '');

    it('an object now declared in another file of the model: moved, not removed and added', async () => {
        const before = await modelOf({ 'main.efp': MAIN, 'infra.efp': INFRA });
        const after = await modelOf({ 'main.efp': MAIN + 'server api "API" { storage: disk }\n', 'infra.efp': 'storage disk from ssd {}\n' });
        const mainOf = (m: typeof before) => m.objects.get('call')!.origin!.uri;
        const locate = (uri: string) => uri.split('/').pop()!;
        const diff = diffModels(before, after, { locate, mainFiles: { old: mainOf(before), new: mainOf(after) } });
        expect(diff.inputs.objects).toEqual([expect.objectContaining({ change: 'moved', moved: { from: 'infra.efp', to: 'main.efp' }, attributes: [] })]);
        expect(diff.summary.objects).toEqual({ added: 0, removed: 0, renamed: 0, moved: 1, changed: 0 });
        // without the main files, nothing says where an object was
        expect(diffModels(before, after).inputs.objects).toEqual([]);
    });
});

describe('hostile: two models of 2,000 objects with similar names', () => {
    it('matches them without trying every pair: renamed ones by their values, changed ones by their close inputs', async () => {
        const count = 1996;
        const step = (ids: string[]) => `usage_journey_step many { user_time_spent: 1 min  jobs: [${ids.join(', ')}] }`;
        const job = (id: string, i: number, kB: number) =>
            `job ${id} "Job ${i % 7}" on api { data_transferred: ${kB} kB  data_stored: 1 kB  request_duration: 1 s  compute_needed: 1 cpu_core  ram_needed: 50 MB }`;
        const oldIds = Array.from({ length: count }, (_, i) => `j${i}`);
        const newIds = Array.from({ length: count }, (_, i) => `job_${i}`);
        const before = minimalModel({ extra: [...oldIds.map((id, i) => job(id, i, i + 1)), step(oldIds)].join('\n') })
            .replace('uj_steps: [step]', 'uj_steps: [step, many]');
        // every job renamed; one in four with another data_transferred (5000 kB more: no other job has it)
        const after = minimalModel({ extra: [...newIds.map((id, i) => job(id, i, i % 4 === 0 ? i + 5001 : i + 1)), step(newIds)].join('\n') })
            .replace('uj_steps: [step]', 'uj_steps: [step, many]');
        const diff = diffModels(await modelOf(before), await modelOf(after));
        expect(diff.summary.objects).toEqual({ added: 0, removed: 0, renamed: count, moved: 0, changed: 0 });
        const renamed = diff.inputs.objects;
        // each renamed to its own new name: j<i> → job_<i>
        expect(renamed.every(o => o.new!.id === `job_${o.old!.id.slice(1)}`)).toBe(true);
        const changed = renamed.filter(o => o.attributes.length > 0);
        expect(changed).toHaveLength(count / 4);
        expect(changed.every(o => o.matchedBy === 'inputs' && o.attributes.map(a => a.attribute).join() === 'data_transferred')).toBe(true);
        expect(renamed.filter(o => o.matchedBy === 'references')).toHaveLength(count - count / 4);
    });
});
