import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

/** A temporary git repository with `files` committed; returns its folder. */
function repository(files: Record<string, string>): string {
    const dir = writeModelFiles(files);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=efp', '-c', 'user.email=efp@example.com', 'commit', '-q', '-m', 'baseline');
    return dir;
}

function commit(dir: string, message: string): void {
    execFileSync('git', ['-c', 'user.name=efp', '-c', 'user.email=efp@example.com', 'commit', '-q', '-a', '-m', message], { cwd: dir, stdio: 'pipe' });
}

const INFRA = `storage disk from ssd {}
server api "API server" {  // e-footprint id: srv-1
  server_type: autoscaling  power: 300 W  idle_power: 50 W  ram: 64 GB  compute: 16 cpu_core
  carbon_footprint_fabrication: 600 kg  source base_ademe_v19
  storage: disk
}
`;
const MAIN = `import "infra.efp"
model "Checkout" { start_date: 2025-01-01  modeling_duration: 1 year }
job call "API call" on api { data_transferred: 1 MB  request_duration: 1 s }
usage_journey_step pay "Pay" { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [pay] }
usage_pattern users {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system shop "Shop" { usage_patterns: [users] }
`;

describe('efp diff OLD NEW', () => {
    it('reports the input change and the footprint change as a table', async () => {
        const dir = writeModelFiles({ 'old.efp': QUICKSTART, 'new.efp': QUICKSTART.replace('power: 300 W', 'power: 600 W') });
        const result = await efp('diff', join(dir, 'old.efp'), join(dir, 'new.efp'));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        // the totals in the larger's scale (11,136.9 t: kt, two decimals), the change in its own (t, one decimal)
        expect(result.stdout).toMatch(/Total footprint: 10,966\.4 t → 11,136\.9 t CO2e, \+170\.5 t CO2e \(\+1\.6 %\)/);
        // the changed objects' table in the scale of its largest figure (395.4 t)
        expect(result.stdout).toMatch(/ {2}server +224\.8 t +395\.4 t +\+170\.5 t +\+75\.9 %/);
        expect(result.stdout).toMatch(/power: 300 W → 600 W .*new\.efp:18/);
    });

    it('--json: the documented shape, kg and fractions', async () => {
        const dir = writeModelFiles({ 'old.efp': QUICKSTART, 'new.efp': QUICKSTART.replace('power: 300 W', 'power: 600 W') });
        const result = await efp('diff', '--json', join(dir, 'old.efp'), join(dir, 'new.efp'));
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(json).toMatchObject({ format: 'efp-diff', version: 1, models: [{ status: 'compared' }] });
        const [model] = json.models;
        expect(Object.keys(model)).toEqual(['file', 'status', 'summary', 'inputs', 'systems']);
        expect(model.summary.total.change).toBeCloseTo(170549.9, 0);
        expect(model.summary.total.relative).toBeCloseTo(0.01555, 4);
        expect(model.inputs.objects[0].attributes[0]).toMatchObject({ attribute: 'power', old: { text: '300 W' }, new: { text: '600 W' } });
        expect(model.systems[0].objects[0]).toMatchObject({ id: 'web', status: 'same', category: 'Servers' });
    });

    it('--fail-above: exit 1 when the total grows more than the percentage', async () => {
        const dir = writeModelFiles({ 'old.efp': QUICKSTART, 'new.efp': QUICKSTART.replace('power: 300 W', 'power: 600 W') });
        const args = [join(dir, 'old.efp'), join(dir, 'new.efp')];
        expect((await efp('diff', ...args, '--fail-above', '2')).code).toBe(0);
        const failed = await efp('diff', ...args, '--fail-above', '1%');
        expect(failed.code).toBe(1);
        expect(failed.stderr).toMatch(/grew by \+170\.5 t CO2e \(\+1\.6 %\), more than --fail-above 1 %/);
        // a decrease never fails
        expect((await efp('diff', join(dir, 'new.efp'), join(dir, 'old.efp'), '--fail-above', '0')).code).toBe(0);
    });

    it('usage errors exit 2 in one line; a model with errors exits 1', async () => {
        const dir = writeModelFiles({ 'ok.efp': QUICKSTART, 'bad.efp': QUICKSTART.replace('power: 300 W', 'power: 300 Wh') });
        for (const args of [['diff', join(dir, 'ok.efp')], ['diff', join(dir, 'ok.efp'), join(dir, 'missing.efp')],
            ['diff', '--json', '--markdown', join(dir, 'ok.efp'), join(dir, 'ok.efp')], ['diff', '--fail-above', 'ten', join(dir, 'ok.efp'), join(dir, 'ok.efp')]]) {
            const r = await efp(...args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr).toMatch(/^efp: /);
            expect(r.stderr).not.toMatch(/\n\s+at /);
        }
        const bad = await efp('diff', join(dir, 'ok.efp'), join(dir, 'bad.efp'));
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/bad\.efp:\d+:\d+: error: 'power' expects a power/);
        expect(bad.stderr).toMatch(/has 1 error, 0 warnings; nothing compared/);
    });
});

describe('efp diff --git', () => {
    it('the working tree against HEAD, a multi-file model: the import read from the revision', async () => {
        const dir = repository({ 'infra.efp': INFRA, 'main.efp': MAIN });
        writeFileSync(join(dir, 'infra.efp'), INFRA.replace('power: 300 W', 'power: 450 W'));
        const result = await efp('diff', '--git', 'HEAD', join(dir, 'main.efp'));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^main\.efp: HEAD → working tree/);
        expect(result.stdout).toMatch(/server api "API server": changed {2}\(infra\.efp:2\)\n {4}power: 300 W → 450 W/);
        // two revisions, once committed
        commit(dir, 'more power');
        const range = await efp('diff', '--git', 'HEAD~1..HEAD', '--json', join(dir, 'main.efp'));
        const json = JSON.parse(range.stdout);
        expect(json).toMatchObject({ old: 'HEAD~1', new: 'HEAD' });
        expect(json.models[0].inputs.objects[0].attributes[0]).toMatchObject({ attribute: 'power', new: { text: '450 W' } });
        expect((await efp('diff', '--git', 'HEAD', join(dir, 'main.efp'))).stdout).toMatch(/Inputs: no change/);
    });

    it('Markdown: a server replaced, matched by its e-footprint id, and a step added (snapshot)', async () => {
        const dir = repository({ 'infra.efp': INFRA, 'main.efp': MAIN });
        writeFileSync(join(dir, 'infra.efp'), INFRA.replace('server api "API server"', 'server backend "API server"')
            .replace('power: 300 W  idle_power: 50 W  ram: 64 GB  compute: 16 cpu_core', 'power: 250 W  idle_power: 30 W  ram: 128 GB  compute: 32 cpu_core')
            .replace('source base_ademe_v19', 'source hypothesis'));
        writeFileSync(join(dir, 'main.efp'), MAIN.replace('on api', 'on backend').replace('uj_steps: [pay]', 'uj_steps: [browse, pay]')
            + 'usage_journey_step browse "Browse" { user_time_spent: 3 min  jobs: [call * 4] }\n');
        const result = await efp('diff', '--git', 'HEAD', '--markdown', join(dir, 'main.efp'));
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/server api → backend "API server"\*\*: renamed \(same e-footprint id\)/);
        await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff-replaced-server.md');
    });

    it('Markdown: the quickstart with more power, a step added and a job renamed (snapshot)', async () => {
        const dir = repository({ 'quickstart.efp': QUICKSTART });
        writeFileSync(join(dir, 'quickstart.efp'), QUICKSTART.replace('power: 300 W', 'power: 600 W')
            .replace('job streaming "streaming job"', 'job stream "streaming job"').replace('jobs: [streaming]', 'jobs: [stream]')
            .replace('uj_steps: [watch, capture]', 'uj_steps: [watch, capture, browse]')
            + '\nusage_journey_step browse "Browse the catalogue" { user_time_spent: 2 min  jobs: [upload]  }\n');
        const result = await efp('diff', '--git', 'HEAD', '--markdown', join(dir, 'quickstart.efp'));
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(/\/tmp|\d{4}-\d\d-\d\dT/); // nothing that changes from run to run
        await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff-quickstart.md');
    });

    it('a model absent in the revision counts as added; git errors are usage errors', async () => {
        const dir = repository({ 'main.efp': MAIN, 'infra.efp': INFRA });
        writeFileSync(join(dir, 'copy.efp'), MAIN.replace('system shop "Shop"', 'system shop2 "Shop 2"'));
        const added = await efp('diff', '--git', 'HEAD', '--json', join(dir, 'copy.efp'));
        expect(added.code).toBe(0);
        const json = JSON.parse(added.stdout).models[0];
        expect(json.status).toBe('added');
        expect(json.summary.total.old).toBe(0);
        expect(json.summary.total.relative).toBeNull();
        expect(json.systems[0].status).toBe('added');
        // deleted from the working tree: removed
        rmSync(join(dir, 'main.efp'));
        const removed = JSON.parse((await efp('diff', '--git', 'HEAD', '--json', join(dir, 'main.efp'))).stdout).models[0];
        expect(removed.status).toBe('removed');
        expect(removed.summary.total.new).toBe(0);

        const unknown = await efp('diff', '--git', 'no-such-branch', join(dir, 'infra.efp'));
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^efp: unknown revision 'no-such-branch'/);
        const outside = writeModelFiles({ 'm.efp': MAIN });
        const notRepo = await efp('diff', '--git', 'HEAD', join(outside, 'm.efp'));
        expect(notRepo.code).toBe(2);
        expect(notRepo.stderr).toMatch(/is not in a git repository/);
        const broken = repository({ 'main.efp': MAIN.replace('import "infra.efp"', 'import "infra.efp"\nserver extra { power: 3 kg }'), 'infra.efp': INFRA });
        writeFileSync(join(broken, 'main.efp'), MAIN);
        const inError = await efp('diff', '--git', 'HEAD', join(broken, 'main.efp'));
        expect(inError.code).toBe(1);
        expect(inError.stderr).toMatch(/^HEAD: .*main\.efp:2:\d+: error: 'power' expects a power/m);
        expect(inError.stderr).toMatch(/efp: main\.efp \(HEAD\) has \d+ errors?, 0 warnings; nothing compared/);
        const nowhere = await efp('diff', '--git', 'HEAD', join(dir, 'nothing.efp'));
        expect(nowhere.code).toBe(2);
        expect(nowhere.stderr).toMatch(/nothing\.efp is neither in HEAD nor in the working tree/);
    });
});

describe('efp diff: a model written otherwise is no change', () => {
    // the same models with every quantity in other units, the objects in another order, other spacing and
    // comments (test/fixtures/diff/*-respelt.efp), then with every object renamed too (*-renamed.efp)
    const cases = [
        { example: 'examples/quickstart.efp', name: 'quickstart', total: '10,966.4 t', objects: 10 },
        { example: 'examples/services.efp', name: 'services', total: '24.52 t', objects: 11 }
    ];

    for (const c of cases) {
        it(`${c.name}: respelt, reordered, reformatted: "no change", in the table, --markdown and --json`, async () => {
            const args = [c.example, `test/fixtures/diff/${c.name}-respelt.efp`];
            const table = await efp('diff', ...args);
            expect(table.stderr).toBe('');
            expect(table.code).toBe(0);
            expect(table.stdout).toContain(`Total footprint: ${c.total} → ${c.total} CO2e, no change (${c.total} CO2e)`);
            expect(table.stdout).toMatch(/no object's footprint changed\n/);
            expect(table.stdout).toMatch(/\nInputs: no change\n$/);
            const markdown = await efp('diff', '--markdown', ...args);
            expect(markdown.stdout).toContain(`## ⚪ Footprint no change (${c.total} CO2e)`);
            expect(markdown.stdout).toContain('no input changed');
            const json = JSON.parse((await efp('diff', '--json', ...args)).stdout).models[0];
            expect(json.summary).toMatchObject({ total: { change: 0 }, objects: { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0 }, changedInputs: 0 });
            expect(json.inputs.objects).toEqual([]);
            // what was written otherwise is listed, as no change
            expect(json.inputs.rewritten).toContainEqual({ object: 'model', keyword: 'model', attribute: 'modeling_duration', old: expect.any(String), new: expect.any(String) });
        });

        it(`${c.name}: and every object renamed: renames only, the footprint unchanged`, async () => {
            const args = [c.example, `test/fixtures/diff/${c.name}-renamed.efp`];
            const table = await efp('diff', ...args);
            expect(table.code).toBe(0);
            expect(table.stdout).toContain(`no change (${c.total} CO2e)`);
            const json = JSON.parse((await efp('diff', '--json', ...args)).stdout).models[0];
            expect(json.summary).toMatchObject({ total: { change: 0 }, objects: { added: 0, removed: 0, renamed: c.objects, moved: 0, changed: 0 }, changedInputs: 0 });
            for (const o of json.inputs.objects) {
                expect(o).toMatchObject({ change: 'renamed', attributes: [] });
                expect(o.old.id).not.toBe(o.new.id);
                expect(o.old.name).toBe(o.new.name);
            }
            expect(json.systems[0].objects.every((o: { status: string; total: { change: number } }) => o.status === 'same' && o.total.change === 0)).toBe(true);
        });
    }

    it('a real change among the respellings still shows: power 0.3 kW → 0.35 kW', async () => {
        const dir = writeModelFiles({ 'new.efp': readFileSync('test/fixtures/diff/quickstart-respelt.efp', 'utf8').replace('power: 0.3 kW', 'power: 0.35 kW') });
        const result = await efp('diff', 'examples/quickstart.efp', join(dir, 'new.efp'));
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/Input changes\n {2}server web "server": changed {2}\(new\.efp:\d+\)\n {4}power: 300 W → 0\.35 kW {2}new\.efp:\d+\n$/);
        // only the load part of the server's energy moves, by (350 − 300) / (300 − 50): a sixth of what 300 W → 600 W
        // adds, (600 − 300) / (300 − 50), in the first test (+170.5 t / 6 = +28.4 t, to four significant digits)
        expect(result.stdout).toMatch(/ {2}server +224\.8 t +253\.2 t +\+28\.4\d t/);
    });

    it('hostile annotations: a comment changed on a value that did not is listed apart, with the terminal\'s controls shown, not sent', async () => {
        const comment = (text: string) => QUICKSTART.replace('power: 300 W', `power: 300 W  comment ${efpString(text)}`);
        const dir = writeModelFiles({ 'old.efp': comment('\u001b]52;c;cGF3bmVk\u0007'), 'new.efp': comment('\u001b[2J\u202eevil\r') });
        const result = await efp('diff', join(dir, 'old.efp'), join(dir, 'new.efp'));
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/\nInputs: no change\n\nAnnotation changes \(same values\)\n {2}web\.power \(300 W\): comment "/);
        expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    });
});

