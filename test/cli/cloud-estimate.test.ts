/**
 * `efp cloud-estimate`: flags, observations on standard input (in-process and through the bundle, whose
 * standard input is real), the plugin's global config (--interpolation), --region, --if-compat, and errors:
 * each names the observation and the field, exits non-zero, and never prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliResult } from '../helpers/cli-run.js';

async function efpWithStdin(stdin: string, ...args: string[]): Promise<CliResult> {
    let stdout = '', stderr = '';
    const code = await runCli(args, {
        out: t => { stdout += t.endsWith('\n') ? t : t + '\n'; },
        err: t => { stderr += t.endsWith('\n') ? t : t + '\n'; },
        stdin: async () => stdin
    });
    return { code, stdout, stderr };
}

const efp = (...args: string[]) => efpWithStdin('', ...args);

interface Vector { input: Record<string, unknown>; config: { interpolation?: string } | null; output: Record<string, unknown> }
const vectors: Vector[] = JSON.parse(readFileSync('test/fixtures/ccf/ccf_vectors.json', 'utf8')).vectors;
const m5n = { timestamp: '2021-01-01T00:00:00Z', duration: 3600, 'cpu/utilization': 10, 'cloud/vendor': 'aws', 'cloud/instance-type': 'm5n.large' };

describe('efp cloud-estimate with flags', () => {
    it('answers the quick question in words', async () => {
        const r = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', '10', '--duration', '3600');
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain('aws m5n.large at 10 % CPU for 3600 s (1 h)');
        expect(r.stdout).toMatch(/energy\s+0\.00194357 kWh/);
        expect(r.stdout).toMatch(/carbon-embodied\s+0\.957709 gCO2e/);
    });

    it('--json prints the observation with energy and carbon-embodied, the plugin\'s figures to the bit', async () => {
        const r = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', '10', '--json');
        expect(r.code).toBe(0);
        const [o] = JSON.parse(r.stdout);
        expect(o.duration).toBe(3600); // the default
        expect(o.energy).toBe(0.0019435697915529846);
        expect(o['carbon-embodied']).toBe(0.9577090468036529);
    });

    it('--interpolation spline plays the plugin\'s global config', async () => {
        const r = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', '25', '--interpolation', 'spline', '--json');
        expect(JSON.parse(r.stdout)[0].energy).toBe(0.00939422637195122);
        const gcp = await efp('cloud-estimate', '--vendor', 'gcp', '--instance-type', 'n2-standard-2', '--cpu-util', '10', '--interpolation', 'spline');
        expect(gcp.code).toBe(1);
        expect(gcp.stderr).toBe('efp: --interpolation: CloudCarbonFootprint: Interpolation spline method is not supported.\n');
        const bad = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', '10', '--interpolation', 'cubic');
        expect(bad.code).toBe(2);
    });

    it('--lifespan is the plugin\'s cpu/expected-lifespan', async () => {
        const r = await efp('cloud-estimate', '--vendor', 'gcp', '--instance-type', 'n2-standard-2', '--cpu-util', '10', '--lifespan', '6', '--json');
        expect(JSON.parse(r.stdout)[0]['carbon-embodied']).toBe(0.5614000665905632);
    });

    it('--region adds CCF\'s operational carbon: energy × PUE × grid factor', async () => {
        const r = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', '10', '--region', 'us-east-1', '--json');
        const [o] = JSON.parse(r.stdout);
        expect(o['power-usage-effectiveness']).toBe(1.135);
        expect(o['grid/carbon-intensity']).toBeCloseTo(379.069, 9);
        expect(o['carbon-operational']).toBeCloseTo(0.0019435697915529846 * 1.135 * 379.069, 12);
        const words = await efp('cloud-estimate', '--vendor', 'azure', '--instance-type', 'D4 v4', '--cpu-util', '10', '--region', 'eastus');
        expect(words.code).toBe(0);
        expect(words.stdout).toContain('CCF operational carbon in eastus (PUE 1.185');
        expect(words.stderr).toContain('CCF has no grid factor for azure region \'eastus\'');
    });

    it('gives the intended figure for the plugin\'s NaN types, and the NaN with --if-compat', async () => {
        const args = ['cloud-estimate', '--vendor', 'aws', '--instance-type', 'c5.xlarge', '--cpu-util', '75', '--duration', '86400', '--json'];
        const intended = await efp(...args);
        expect(JSON.parse(intended.stdout)[0].energy).toBe(0.3091893278686152);
        expect(intended.stderr).toContain('the Impact Framework plugin returns NaN energy for aws c5.xlarge');
        const compat = await efp(...args, '--if-compat');
        expect(JSON.parse(compat.stdout)[0].energy).toBe('NaN');
        expect(compat.stderr).toBe('');
    });

    it('names the flag at fault, with a suggestion for a misspelt type', async () => {
        const unknown = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.larg', '--cpu-util', '10');
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toBe("efp: --instance-type: CloudCarbonFootprint: Instance type m5n.larg is not supported.\n    hint: did you mean 'm5n.large'?\n");
        const vendor = await efp('cloud-estimate', '--vendor', 'oracle', '--instance-type', 'x', '--cpu-util', '10');
        expect(vendor.code).toBe(1);
        expect(vendor.stderr).toBe(`efp: --vendor: "cloud/vendor" parameter is invalid enum value. expected 'aws' | 'gcp' | 'azure', received 'oracle'. Error code: invalid_enum_value.\n`);
        const missing = await efp('cloud-estimate', '--vendor', 'aws', '--cpu-util', '10');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('missing --instance-type');
        const notNumber = await efp('cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5n.large', '--cpu-util', 'ten');
        expect(notNumber.code).toBe(2);
        expect(notNumber.stderr).toBe("efp: --cpu-util expects a number, got 'ten'\n");
    });
});

describe('efp cloud-estimate with observations on standard input', () => {
    it('writes every observation back with energy and carbon-embodied, as the plugin does', async () => {
        const plain = vectors.filter(v => v.config === null && !('error' in v.output) && v.output.energy !== 'NaN');
        const r = await efpWithStdin(JSON.stringify(plain.map(v => v.input)), 'cloud-estimate', '--if-compat');
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout) as Record<string, unknown>[];
        expect(out).toHaveLength(plain.length);
        out.forEach((o, i) => {
            expect(o).toMatchObject(plain[i].input);
            expect(o.energy).toBe(plain[i].output.energy);
            expect(o['carbon-embodied']).toBe(plain[i].output['carbon-embodied']);
        });
    });

    it('--interpolation spline applies to every observation', async () => {
        const spline = vectors.filter(v => v.config?.interpolation === 'spline' && !('error' in v.output));
        const r = await efpWithStdin(JSON.stringify(spline.map(v => v.input)), 'cloud-estimate', '--interpolation', 'spline');
        expect(r.code).toBe(0);
        expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map(o => o.energy)).toEqual(spline.map(v => v.output.energy));
    });

    it('takes each observation\'s cloud/region', async () => {
        const r = await efpWithStdin(JSON.stringify([{ ...m5n, 'cloud/region': 'eu-west-3' }, m5n]), 'cloud-estimate');
        const [withRegion, without] = JSON.parse(r.stdout);
        expect(withRegion['carbon-operational']).toBeCloseTo(0.0019435697915529846 * 1.135 * 51.1, 12);
        expect(without['carbon-operational']).toBeUndefined();
    });

    it('names the observation index and field of every invalid observation, and writes nothing', async () => {
        const input = [m5n, { ...m5n, duration: undefined, 'cloud/vendor': 'oracle' }, { ...m5n, 'cloud/instance-type': 'm5n.larg' }, 42,
            { ...m5n, 'cloud/vendor': 'gcp', 'cloud/instance-type': 'n2-standard-2', interpolation: 'linear' }];
        const r = await efpWithStdin(JSON.stringify(input), 'cloud-estimate');
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')).toEqual([
            `efp: observation 1, duration, cloud/vendor: "duration" parameter is required. Error code: invalid_type.,"cloud/vendor" parameter is invalid enum value. expected 'aws' | 'gcp' | 'azure', received 'oracle'. Error code: invalid_enum_value.`,
            'efp: observation 2, cloud/instance-type: CloudCarbonFootprint: Instance type m5n.larg is not supported.',
            "    hint: did you mean 'm5n.large'?",
            'efp: observation 3: expected an object with duration, cpu/utilization, cloud/vendor and cloud/instance-type, found a number',
            'efp: observation 4, interpolation: CloudCarbonFootprint: Interpolation linear method is not supported.',
            ''
        ]);
    });

    it('reports bad JSON, a non-array and empty input', async () => {
        const bad = await efpWithStdin('[{"duration": 36', 'cloud-estimate');
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/^efp: standard input is not valid JSON: /);
        const object = await efpWithStdin(JSON.stringify(m5n), 'cloud-estimate');
        expect(object.code).toBe(1);
        expect(object.stderr).toContain('standard input must be a JSON array of observations');
        const empty = await efpWithStdin('', 'cloud-estimate');
        expect(empty.code).toBe(2);
        expect(empty.stderr).toContain('nothing to estimate');
    });

    it('works through the bundle with a real standard input (spline library included)', () => {
        const run = (input: string, ...args: string[]) =>
            spawnSync(process.execPath, ['bin/efp.cjs', 'cloud-estimate', ...args], { input, encoding: 'utf8' });
        const ok = run(JSON.stringify([{ ...m5n, 'cpu/utilization': 75 }]), '--interpolation', 'spline');
        expect(ok.status).toBe(0);
        expect(JSON.parse(ok.stdout)[0].energy).toBe(0.013961394817073172);
        const bad = run('not json');
        expect(bad.status).toBe(1);
        expect(bad.stderr).toMatch(/^efp: standard input is not valid JSON/);
        expect(bad.stderr).not.toMatch(/\n\s+at /);
    });
});
