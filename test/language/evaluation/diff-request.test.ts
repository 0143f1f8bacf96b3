import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { diffFor, scenariosFor } from '../../../src/language/evaluation/diff-request.js';
import type { DiffResult } from '../../../src/language/protocol.js';
import { efp, writeModelFiles } from '../../helpers/cli-run.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const at600 = quickstart.replace('power: 300 W', 'power: 600 W');

/**
 * A language server's workspace over real files: `open` gives the editor's text of some of them (as the
 * client sends it), which may differ from what is on disk.
 */
async function serverWith(folder: string, open: Record<string, string>) {
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const documents = Object.entries(open).map(([name, text]) => {
        const document = factory.fromString(text, URI.file(join(folder, name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build([library, ...documents], { validation: true });
    return { Efp, uri: documents[0].uri.toString() };
}

function git(folder: string, ...args: string[]): void {
    execFileSync('git', ['-c', 'user.name=efp', '-c', 'user.email=efp@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, stdio: 'ignore' });
}

function committed(files: Record<string, string>): string {
    const folder = writeModelFiles(files);
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'model');
    return folder;
}

/** The total `efp eval --json` gives (its system totals by phase and category, added up), kg CO2e over the period. */
async function evalTotal(file: string): Promise<number> {
    const { code, stdout } = await efp('eval', '--json', file);
    expect(code).toBe(0);
    const totals = (JSON.parse(stdout) as { system_totals: Record<string, Record<string, { value: number }>> }).system_totals;
    return ['total_fabrication_footprint_sum_over_period', 'total_energy_footprint_sum_over_period']
        .flatMap(phase => Object.values(totals[phase]).map(c => c.value))
        .reduce((a, b) => a + b, 0);
}

function expectClose(actual: number, expected: number): void {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('the emission diff panel\'s data (efp/diff)', () => {
    it('against git HEAD: power 300 W -> 600 W changes the footprint by the difference of the two evaluations', async () => {
        const folder = committed({ 'quickstart.efp': quickstart });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': at600 });
        const result = await diffFor(Efp, { uri, against: 'gitHead' });
        expect(result.message).toBeUndefined();
        expect(result.oldLabel).toMatch(/^HEAD \([0-9a-f]{7}\)$/);
        const diff = result.diff!;

        writeFileSync(join(folder, 'at600.efp'), at600);
        const before = await evalTotal(join(folder, 'quickstart.efp'));
        const after = await evalTotal(join(folder, 'at600.efp'));
        expectClose(diff.summary.total.old, before);
        expectClose(diff.summary.total.new, after);
        expectClose(diff.summary.total.change, after - before);
        // the server's power changes its energy footprint, and nothing else
        const server = diff.systems[0].objects[0];
        expect(server.id).toBe('web');
        expect(server.energy.change).toBeGreaterThan(0);
        expect(server.fabrication.change).toBe(0);
        expectClose(server.total.change, diff.summary.total.change);
        expect(diff.systems[0].objects.slice(1).every(o => o.total.change === 0)).toBe(true);
        expectClose(diff.summary.energy.change, diff.summary.total.change);

        // the input change, with where it is written now
        expect(diff.inputs.objects).toHaveLength(1);
        const [web] = diff.inputs.objects;
        expect(web.new!.id).toBe('web');
        expect(web.attributes.map(a => [a.attribute, a.old!.text, a.new!.text])).toEqual([['power', '300 W', '600 W']]);
        expect(web.attributes[0].new!.place!.line).toBe(quickstart.split('\n').findIndex(l => l.includes('power: 300 W')) + 1);

        // the waterfall: the server's change, then the total change
        expect(result.waterfalls![0].map(s => s.label)).toEqual(['server', 'total change']);
        expectClose(result.waterfalls![0][1].to, after - before);
        expect(result.origins!.web.uri).toBe(uri);
        // what the client receives is JSON
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it('against git HEAD gives the figures `efp diff --git HEAD --json` prints for the same files', async () => {
        const folder = committed({ 'quickstart.efp': quickstart });
        writeFileSync(join(folder, 'quickstart.efp'), at600);
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': at600 });
        const result = await diffFor(Efp, { uri, against: 'gitHead' });
        const cwd = process.cwd();
        process.chdir(folder);
        let cli: { code: number; stdout: string };
        try {
            cli = await efp('diff', '--git', 'HEAD', '--json', 'quickstart.efp');
        } finally {
            process.chdir(cwd);
        }
        expect(cli.code).toBe(0);
        const json = JSON.parse(cli.stdout) as { models: { summary: unknown; systems: unknown }[] };
        expect(result.diff!.summary).toEqual(json.models[0].summary);
        expect(result.diff!.systems).toEqual(json.models[0].systems);
    });

    it('against the last save: the editor\'s text against the file on disk', async () => {
        const folder = writeModelFiles({ 'quickstart.efp': quickstart });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': at600 });
        const result = await diffFor(Efp, { uri, against: 'lastSave' });
        expect(result.oldLabel).toBe('last save');
        expect(result.diff!.inputs.objects[0].attributes[0]).toMatchObject({ attribute: 'power', old: { text: '300 W' }, new: { text: '600 W' } });
        expect(result.diff!.summary.total.change).toBeGreaterThan(0);

        // nothing unsaved, nothing changed
        const same = await serverWith(folder, { 'quickstart.efp': quickstart });
        const unchanged = await diffFor(same.Efp, { uri: same.uri, against: 'lastSave' });
        expect(unchanged.diff!.summary.total.change).toBe(0);
        expect(unchanged.diff!.inputs.objects).toEqual([]);
    });

    it('the same rules as `efp diff`: the quickstart respelt and renamed in the editor is renames only, as the CLI says', async () => {
        const folder = writeModelFiles({ 'quickstart.efp': quickstart });
        const renamed = readFileSync('test/fixtures/diff/quickstart-renamed.efp', 'utf8');
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': renamed });
        const panel = (await diffFor(Efp, { uri, against: 'lastSave' })).diff!;
        expect(panel.summary.total.change).toBe(0);
        expect(panel.summary.objects).toEqual({ added: 0, removed: 0, renamed: 10, moved: 0, changed: 0 });
        writeFileSync(join(folder, 'renamed.efp'), renamed);
        const cli = JSON.parse((await efp('diff', '--json', join(folder, 'quickstart.efp'), join(folder, 'renamed.efp'))).stdout).models[0];
        expect(panel.summary).toEqual(cli.summary);
        expect(panel.systems).toEqual(cli.systems);
        const renames = (objects: ReadonlyArray<{ old?: { id: string }; new?: { id: string }; matchedBy?: string; attributes: readonly unknown[] }>) =>
            objects.map(o => [o.old?.id, o.new?.id, o.matchedBy, o.attributes.length]);
        expect(renames(panel.inputs.objects)).toEqual(renames(cli.inputs.objects));
    });

    it('says why it cannot compare, as a result: outside git, a file not in HEAD, a side with errors', async () => {
        const outside = writeModelFiles({ 'quickstart.efp': quickstart });
        const a = await serverWith(outside, { 'quickstart.efp': quickstart });
        const noGit: DiffResult = await diffFor(a.Efp, { uri: a.uri, against: 'gitHead' });
        // (the temporary folder could sit inside some repository; it does not on CI machines)
        if (!noGit.diff) expect(noGit).toMatchObject({ messageKind: 'error', message: expect.stringMatching(/not in a git repository/) });

        const repo = committed({ 'other.efp': '// nothing yet\n' });
        const b = await serverWith(repo, { 'quickstart.efp': quickstart });
        const fresh = await diffFor(b.Efp, { uri: b.uri, against: 'gitHead' });
        expect(fresh.messageKind).toBe('info');
        expect(fresh.message).toMatch(/quickstart\.efp is not in HEAD: everything in it is new/);
        expect(fresh.diff!.summary.total.old).toBe(0);
        expect(fresh.diff!.inputs.objects.every(o => o.change === 'added')).toBe(true);

        const broken = await serverWith(committed({ 'quickstart.efp': quickstart }), { 'quickstart.efp': quickstart.replace('power: 300 W', 'power: 300 Wh') });
        const withErrors = await diffFor(broken.Efp, { uri: broken.uri, against: 'gitHead' });
        expect(withErrors.diff).toBeUndefined();
        expect(withErrors.messageKind).toBe('error');
        expect(withErrors.message).toMatch(/^The editor version of the model has an error \(quickstart\.efp:\d+: .*expects a power/);

        const brokenHead = await serverWith(committed({ 'quickstart.efp': quickstart.replace('power: 300 W', 'power: 300 Wh') }), { 'quickstart.efp': quickstart });
        const headErrors = await diffFor(brokenHead.Efp, { uri: brokenHead.uri, against: 'gitHead' });
        expect(headErrors.message).toMatch(/^The HEAD \([0-9a-f]{7}\) version of the model has an error/);
    });
});

describe('scenarios (efp/scenarios, efp/diff against a scenario)', () => {
    const withScenario = `${quickstart}
scenario double_power "Double power" { web.power: 600 W }
scenario greener "Greener grid" at 2026-01-01 { web.average_carbon_intensity: 50 g/kWh }
`;

    it('lists the scenarios with their total change', async () => {
        const folder = writeModelFiles({ 'quickstart.efp': withScenario });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': withScenario });
        const list = await scenariosFor(Efp, uri);
        expect(list.scenarios.map(s => [s.id, s.name, s.date])).toEqual([['double_power', 'Double power', undefined], ['greener', 'Greener grid', '2026-01-01']]);
        expect(list.scenarios[0].total!.change).toBeGreaterThan(0);
        expect(list.scenarios[1].total!.change).toBeLessThan(0);
    });

    it('a scenario without a date changes the footprint as the same edit of the model does', async () => {
        const folder = committed({ 'quickstart.efp': withScenario });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': withScenario });
        const scenario = await diffFor(Efp, { uri, against: { scenario: 'double_power' } });
        expect(scenario.message).toBeUndefined();
        expect(scenario.newLabel).toBe('scenario “Double power”');
        const edited = await serverWith(folder, { 'quickstart.efp': withScenario.replace('power: 300 W', 'power: 600 W') });
        const git = await diffFor(edited.Efp, { uri: edited.uri, against: 'gitHead' });
        expectClose(scenario.diff!.summary.total.change, git.diff!.summary.total.change);
        expect(scenario.diff!.inputs.objects.map(o => o.attributes.map(a => `${o.new!.id}.${a.attribute} ${a.old!.text} -> ${a.new!.text}`))).toEqual([['web.power 300 W -> 600 W']]);
        expect(scenario.waterfalls![0].map(s => s.label)).toEqual(['server', 'total change']);
    });

    it('a dated scenario counts its change from the date only', async () => {
        const folder = writeModelFiles({ 'quickstart.efp': withScenario });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': withScenario });
        const list = await scenariosFor(Efp, uri);
        const result = await diffFor(Efp, { uri, against: { scenario: 'greener' } });
        expect(result.newLabel).toBe('scenario “Greener grid” from 2026-01-01');
        expectClose(result.diff!.summary.total.change, list.scenarios[1].total!.change);
        const web = result.diff!.systems[0].objects.find(o => o.id === 'web')!;
        // half the intensity for the last two years of three: more than a third of the server's energy footprint
        // less (usage grows, so later years weigh more), but not half of it
        expect(web.energy.relative!).toBeLessThan(-1 / 3);
        expect(web.energy.relative!).toBeGreaterThan(-0.5);
        // (the scenario's figures join the baseline's hours to the recomputed ones: equal up to rounding)
        expect(Math.abs(web.fabrication.change)).toBeLessThan(1e-6);
    });

    it('an unknown scenario is a message', async () => {
        const folder = writeModelFiles({ 'quickstart.efp': withScenario });
        const { Efp, uri } = await serverWith(folder, { 'quickstart.efp': withScenario });
        const result = await diffFor(Efp, { uri, against: { scenario: 'nope' } });
        expect(result).toMatchObject({ messageKind: 'error', message: expect.stringMatching(/no scenario 'nope'/) });
    });
});
