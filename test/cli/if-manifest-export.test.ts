/**
 * `efp export --if-manifest`: the manifest has the shape of the Impact Framework manifests in the shared
 * reference (if-run 1.1.0 running the CCF plugin), and its numbers are what the CCF functions give for the
 * model's cloud servers: the one aggregated observation per server comes to the sum of the hourly ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { modelOf } from '../helpers/model-from-text.js';
import { cloudServerObservations } from '../../src/engine/ccf/cloud-server-observations.js';
import { ccfPluginObservation } from '../../src/engine/ccf/plugin-observation.js';
import { yamlText } from '../../src/engine/export/if-manifest.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';

type Yaml = Record<string, any>;
const FIXTURE = 'test/fixtures/ccf/two-clouds.efp';
const reference = load(readFileSync('test/fixtures/ccf/if_manifests/ccf-manifest2.yml', 'utf8')) as Yaml;
const referenceOut = load(readFileSync('test/fixtures/ccf/if_manifests/ccf-out2.yaml', 'utf8')) as Yaml;

async function manifestOf(file: string): Promise<Yaml> {
    const r = await efp('export', '--if-manifest', file);
    expect(r.code).toBe(0);
    return load(r.stdout) as Yaml;
}

describe('efp export --if-manifest', () => {
    it('has the shape of the reference manifests', async () => {
        const manifest = await manifestOf(FIXTURE);
        expect(Object.keys(manifest)).toEqual(Object.keys(reference));
        expect(manifest.name).toBe('Two clouds');
        // the CCF plugin is declared as in the reference; the builtins take the reference's config keys
        expect(manifest.initialize.plugins.ccf).toEqual(reference.initialize.plugins.ccf);
        for (const [name, plugin] of Object.entries<Yaml>(manifest.initialize.plugins)) {
            if (name === 'ccf') continue;
            expect(plugin.path).toBe('builtin');
            expect(['Multiply', 'Sum']).toContain(plugin.method);
            expect(Object.keys(plugin.config)).toEqual(Object.keys(reference.initialize.plugins['operational-carbon'].config));
        }
        const referenceChild = reference.tree.children['aws-m5n'];
        expect(Object.keys(manifest.tree.children)).toEqual(['api', 'batch']);
        for (const child of Object.values<Yaml>(manifest.tree.children)) {
            expect(Object.keys(child)).toEqual(Object.keys(referenceChild));
            expect(child.pipeline.compute[0]).toBe('ccf');
            for (const step of child.pipeline.compute) expect(manifest.initialize.plugins).toHaveProperty([step]);
            for (const key of Object.keys(referenceChild.defaults)) expect(child.defaults).toHaveProperty([key]);
            expect(child.inputs).toHaveLength(1);
            expect(Object.keys(child.inputs[0])).toEqual(Object.keys(referenceChild.inputs[0]));
            expect(typeof child.inputs[0].timestamp).toBe('string');
        }
    });

    it('whose numbers are the CCF functions\' for the model\'s servers', async () => {
        const manifest = await manifestOf(FIXTURE);
        const model = await modelOf(readFileSync(FIXTURE, 'utf8'));
        const { observations, skipped } = cloudServerObservations(model);
        expect(skipped.map(s => s.server.id)).toEqual(['spare']);
        for (const o of observations) {
            const child = manifest.tree.children[o.server.id];
            // duration: instance-seconds; the server's own hourly count of instances
            const nb = model.node(o.server, 'nb_of_instances').value;
            expect(nb?.kind).toBe('hourly');
            expect(child.inputs[0].duration).toBeCloseTo(3600 * (nb as { series: { sum(): number } }).series.sum(), 6);
            expect(child.defaults['grid/carbon-intensity']).toBe(o.gridIntensityGPerKWh);
            // what the plugin will answer for the manifest's observation is the sum of its hourly answers
            const aggregate = ccfPluginObservation({ ...child.defaults, ...child.inputs[0] });
            let energy = 0, embodied = 0;
            for (let h = 0; h < o.hourly.durationSeconds.length; h++) {
                const hour = ccfPluginObservation({ ...child.defaults, duration: o.hourly.durationSeconds[h], 'cpu/utilization': o.hourly.cpuUtilization[h] });
                energy += hour.energyKWh;
                embodied += hour.embodiedGrams;
            }
            expect(Math.abs(aggregate.energyKWh / energy - 1)).toBeLessThan(1e-9);
            expect(Math.abs(aggregate.embodiedGrams / embodied - 1)).toBeLessThan(1e-9);
            expect(child.inputs[0]['cpu/utilization']).toBeGreaterThan(0);
            expect(child.inputs[0]['cpu/utilization']).toBeLessThanOrEqual(100);
        }
        // the API server scales with the load: its utilisation follows e-footprint's compute need
        expect(observations.find(o => o.server.id === 'api')!.hourly.durationSeconds.length).toBe(720);
    });

    it('reproduces the reference outputs\' arithmetic for the reference manifest\'s children', () => {
        // ccf-out2.yaml: the plugin's energy and carbon-embodied, then Multiply and Sum
        for (const [name, child] of Object.entries<Yaml>(referenceOut.tree.children)) {
            const out = child.outputs[0];
            const result = ccfPluginObservation({ ...child.defaults, ...child.inputs[0] }, {}, { compatibility: true });
            if (name === 'aws-c5-nan') {
                expect(result.energyKWh).toBeNaN();
                expect(Number.isNaN(out.energy)).toBe(true);
                continue;
            }
            expect(result.energyKWh).toBe(out.energy);
            expect(result.embodiedGrams).toBe(out['carbon-embodied']);
            expect(result.energyKWh * child.defaults['grid/carbon-intensity']).toBe(out['carbon-operational']);
        }
    });

    it('writes to a file with -o, and says when a model has no cloud server with a load', async () => {
        // the quickstart's server is not a cloud server
        const dir = writeModelFiles({ 'none.efp': readFileSync('examples/quickstart.efp', 'utf8') });
        const none = await efp('export', '--if-manifest', join(dir, 'none.efp'));
        expect(none.code).toBe(1);
        expect(none.stderr).toContain('has no cloud server with a load to export');
        const out = join(dir, 'm.yml');
        const r = await efp('export', '--if-manifest', FIXTURE, '-o', out);
        expect(r.code).toBe(0);
        expect(r.stderr.split('\n')).toEqual([
            'efp: note: cloud server spare is left out: no job runs on it, so it has no hourly load',
            'efp: note: cloud server api: the Impact Framework plugin returns NaN energy for aws c5.xlarge (CCF maps it to several microarchitectures and the plugin adds their watts as text)',
            ''
        ]);
        expect((load(readFileSync(out, 'utf8')) as Yaml).tree.children.api.defaults['cloud/instance-type']).toBe('c5.xlarge');
    });

    it('writes YAML that reads back as the same data', () => {
        const data = { a: 'plain', b: '@scoped/name', c: 'true', d: 1.5e-7, e: NaN, f: ['x', { g: 1, h: [2, 3] }], i: [], j: {}, k: 'D4 v4', l: '2025-01-01T00:00:00Z', m: 'a: b' };
        const back = load(yamlText(data, ['comment'])) as Yaml;
        expect(back).toEqual({ ...data, e: NaN });
    });

    it('writes every hostile string as a scalar that reads back as written, and comments that stay comments', () => {
        for (const { name, text } of HOSTILE_STRINGS) {
            const data = { name: text, [text]: [text, { [`${text}2`]: text }], tail: 'end' };
            const yaml = yamlText(data, [`from ${text}.efp`, text]);
            expect(yaml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFEFF]/u);
            // the two comment lines stay two lines
            expect(yaml.split('\n').filter(l => l.startsWith('#')).length, name).toBe(2);
            expect(load(yaml), name).toEqual(data);
        }
    });
});

