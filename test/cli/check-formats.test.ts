import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { efp, modelFolders } from '../helpers/cli-run.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';
import { loadReference } from '../helpers/reference-comparison.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

/** `efp check --format json|sarif|github|gitlab`: the reports CI reads, from the same diagnostics as the text. */
const folder = modelFolders();
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
// e-footprint 22.2.1's total for the quickstart, kg CO2e: its system totals by phase and category
const QUICKSTART_TOTALS = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz').system_totals as Record<string, Record<string, { value: number }>>;
const QUICKSTART_TOTAL = ['total_fabrication_footprint_sum_over_period', 'total_energy_footprint_sum_over_period']
    .reduce((sum, phase) => sum + Object.values(QUICKSTART_TOTALS[phase]).reduce((s, v) => s + v.value, 0), 0);
/** A model with one error: a power given as an energy. */
const broken = () => folder({ 'broken.efp': QUICKSTART.replace('power: 300 W', 'power: 300 Wh') });

describe('efp check --format json', () => {
    it('gives each model\'s diagnostics, counts and systems, and the exit code the text gives', async () => {
        const dir = broken();
        const result = await efp('check', '--format', 'json', 'examples/budgets.efp', join(dir, 'broken.efp'));
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout) as { errors: number; warnings: number; files: { file: string; errors: number; warnings: number; diagnostics: Record<string, unknown>[]; systems: { total: number; perYear: number }[] }[] };
        expect(report).toMatchObject({ errors: 1, warnings: 2 });
        const [budgets, bad] = report.files;
        expect(budgets).toMatchObject({ file: 'examples/budgets.efp', errors: 0, warnings: 2 });
        expect(budgets.diagnostics[0]).toMatchObject({ file: 'examples/budgets.efp', line: 7, column: 3, severity: 'warning', code: 'budget-warning' });
        expect(budgets.diagnostics[0].hint).toBe('The limit is not exceeded yet; `warning_threshold` sets when this warning starts.');
        expect(budgets.systems[0].total / QUICKSTART_TOTAL).toBeCloseTo(1, 5);
        expect(bad).toMatchObject({ errors: 1, warnings: 0, systems: [] });
        expect(bad.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'dimension-mismatch', line: QUICKSTART.split('\n').findIndex(l => l.includes('power: 300 W')) + 1 })]);
    });

    it('writes to --output, and --watch refuses any format but text', async () => {
        const out = join(folder({}), 'check.json');
        const result = await efp('check', '--format', 'json', '-o', out, 'examples/quickstart.efp');
        expect(result).toMatchObject({ code: 0, stdout: '' });
        expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ errors: 0, warnings: 0, files: [{ file: 'examples/quickstart.efp' }] });
        expect(await efp('check', '--watch', '--format', 'json', 'examples/quickstart.efp')).toMatchObject({
            code: 2, stderr: 'efp: --watch prints text as it checks: leave out --format and --output\n'
        });
        expect((await efp('check', '--format', 'xml', 'examples/quickstart.efp')).code).toBe(2);
    });
});

describe('efp check --format sarif', () => {
    it('is valid SARIF 2.1.0: a result per diagnostic, with its rule, level and region', async () => {
        const dir = broken();
        const result = await efp('check', '--format', 'sarif', 'examples/budgets.efp', join(dir, 'broken.efp'));
        expect(result.code).toBe(1);
        const sarif = JSON.parse(result.stdout) as { runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
        const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
        ajvFormats.default(ajv as never);
        const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object);
        expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
        const [run] = sarif.runs;
        expect(run.tool.driver.name).toBe('efp');
        expect(run.tool.driver.rules.map(r => r.id)).toEqual(['budget-warning', 'dimension-mismatch']);
        expect(run.results.length).toBe(3);
        expect(run.results[0]).toMatchObject({
            ruleId: 'budget-warning', level: 'warning',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/budgets.efp', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3 } } }]
        });
        expect(run.results[2]).toMatchObject({ ruleId: 'dimension-mismatch', level: 'error' });
        // a file outside the current folder (a temporary one) is named by its whole URI, without the base
        const outside = relative('.', join(dir, 'broken.efp')).startsWith('..');
        expect((run.results[2].locations as { physicalLocation: { artifactLocation: unknown } }[])[0].physicalLocation.artifactLocation)
            .toEqual(outside ? { uri: pathToFileURL(join(dir, 'broken.efp')).href } : { uri: relative('.', join(dir, 'broken.efp')), uriBaseId: '%SRCROOT%' });
    });
});

describe('efp check --format gitlab', () => {
    interface CodeQualityIssue {
        type: string; check_name: string; description: string; categories: string[]; severity: string; fingerprint: string;
        location: { path: string; lines: { begin: number; end: number } };
    }

    it('is a GitLab Code Quality report: an issue per diagnostic, with its check, severity, path and lines', async () => {
        const dir = broken();
        const result = await efp('check', '--format', 'gitlab', 'examples/budgets.efp', join(dir, 'broken.efp'));
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        const issues = JSON.parse(result.stdout) as CodeQualityIssue[];
        // a file outside the current folder is named in full; the project's own are relative to it
        const brokenPath = join(dir, 'broken.efp');
        const powerLine = QUICKSTART.split('\n').findIndex(l => l.includes('power: 300 W')) + 1;
        expect(issues.map(i => [i.location.path, i.location.lines.begin, i.check_name, i.severity])).toEqual([
            ['examples/budgets.efp', 7, 'budget-warning', 'minor'],
            ['examples/budgets.efp', 11, 'budget-warning', 'minor'],
            [brokenPath, powerLine, 'dimension-mismatch', 'major']
        ]);
        expect(issues[2].description).toBe("'power' expects a power (W); `300 Wh` is an energy (kWh) Hint: Write it in W or a unit of the same kind.");
        // GitLab's required fields, its severities, one fingerprint an issue
        for (const issue of issues) {
            expect(issue).toMatchObject({ type: 'issue', categories: ['Bug Risk'] });
            expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
            expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
        }
        expect(new Set(issues.map(i => i.fingerprint)).size).toBe(issues.length);
    });

    it('keeps a finding\'s fingerprint when lines move, and tells identical findings in a file apart', async () => {
        const twice = QUICKSTART.replace('power: 300 W', 'power: 300 Wh').replace('idle_power: 50 W', 'idle_power: 50 Wh');
        const dir = folder({});
        const run = async (text: string) => {
            writeFileSync(join(dir, 'm.efp'), text);
            return JSON.parse((await efp('check', '--format', 'gitlab', join(dir, 'm.efp'))).stdout) as CodeQualityIssue[];
        };
        const before = await run(twice);
        const after = await run(twice.replace('storage ssd', '\n\nstorage ssd'));
        expect(after.map(i => i.location.lines.begin)).toEqual(before.map(i => i.location.lines.begin + 2));
        expect(after.map(i => i.fingerprint)).toEqual(before.map(i => i.fingerprint));
        expect(before.length).toBe(2);
        expect(before[0].fingerprint).not.toBe(before[1].fingerprint);
        expect(await run('')).toHaveLength(1);
    });
});

describe('efp check --format github', () => {
    const summaryBefore = process.env.GITHUB_STEP_SUMMARY;
    afterEach(() => {
        if (summaryBefore === undefined) delete process.env.GITHUB_STEP_SUMMARY;
        else process.env.GITHUB_STEP_SUMMARY = summaryBefore;
    });

    it('annotates each diagnostic on its line, and adds the footprint to the job summary', async () => {
        const summary = join(folder({ 'summary.md': '' }), 'summary.md');
        process.env.GITHUB_STEP_SUMMARY = summary;
        const result = await efp('check', '--format', 'github', 'examples/budgets.efp');
        expect(result.code).toBe(0);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines[0]).toBe('::warning file=examples/budgets.efp,line=7,col=3,endLine=7,endColumn=19,title=efp budget-warning::'
            + 'budget platform_yearly: system streaming_platform emits 6,143.5 t CO2e in 2027, 88 %25 of its limit of 7,000.0 t (7 kt/year); warning from 80 %25'
            + '%0Ahint: The limit is not exceeded yet; `warning_threshold` sets when this warning starts.');
        expect(lines.at(-1)).toBe('examples/budgets.efp: 0 errors, 2 warnings');
        const page = readFileSync(summary, 'utf8');
        expect(page).toContain('| `examples/budgets.efp` | 0 | 2 |');
        // the figures of `efp eval`: four significant digits, the yearly one as the status bar writes it, each table in one scale
        expect(page).toContain('**10,966.4 t CO2e** over 3 years (3,655.5 t CO2e/year): fabrication 7,231.8 t CO2e, energy 3,734.6 t CO2e.');
        expect(page).toContain('| Default laptop | Devices | 4,955.4 t | 1,072.1 t | 6,027.4 t | 55.0 % |');
    });

    it('keeps hostile names as text: one annotation a line, no command of their own, no Markdown in the summary', async () => {
        const summary = join(folder({ 'summary.md': '' }), 'summary.md');
        process.env.GITHUB_STEP_SUMMARY = summary;
        for (const { name, text } of HOSTILE_STRINGS) {
            const dir = folder({
                // a valid model whose server is named by the string (the summary's tables name it)
                'm.efp': QUICKSTART.replace('server web "server" {', `server web ${efpString(text)} {`),
                // an error that quotes the string (the annotation's message)
                'z.efp': `import "m.efp"\ncountry c "c" { timezone: ${efpString(text)}  average_carbon_intensity: 100 g/kWh }\n`
            });
            const result = await efp('check', '--format', 'github', join(dir, 'm.efp'), join(dir, 'z.efp'));
            expect(result.code, name).toBe(1);
            const annotations = result.stdout.trimEnd().split('\n').filter(l => !/^\S+: (\d+ errors?, \d+ warnings?|no problems found)$/.test(l));
            expect(annotations.length, name).toBeGreaterThanOrEqual(2);
            for (const line of annotations) {
                expect(line, name).toMatch(/^::(error|notice) file=[^:,\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=efp [\w-]+::[^\n]*$/);
                // the message holds no `::` a runner could take for the start of a command: it is all on this line
                expect(line.split('::').length, name).toBeGreaterThanOrEqual(3);
            }
            expect(annotations.filter(l => l.includes('unknown time zone')).length, name).toBe(1);
        }
        const page = readFileSync(summary, 'utf8');
        // every `<` and `[` of a name is escaped: no tag, comment or link
        expect(page).not.toMatch(/(?<!\\)<(img|script|!--)|(?<!\\)\[x(?<!\\)\]\(javascript:/);
        expect(page).toContain('| \\<img src=x onerror=alert(1)\\> | Servers |');
    });
});

describe('efp check over folders and globs', () => {
    it('checks the models of a folder (the files no other one imports), and the files a quoted glob matches', async () => {
        const dir = folder({
            'models/a.efp': QUICKSTART,
            'models/b.efp': 'import "shared/base.efp"\n',
            'models/shared/base.efp': QUICKSTART,
            'models/node_modules/x.efp': 'not a model',
            'models/.hidden/y.efp': 'not a model'
        });
        const byFolder = await efp('check', '--format', 'json', join(dir, 'models'));
        expect(byFolder.code).toBe(0);
        expect((JSON.parse(byFolder.stdout) as { files: { file: string }[] }).files.map(f => relative(dir, f.file))).toEqual(['models/a.efp', 'models/b.efp']);
        const byGlob = await efp('check', '--format', 'json', join(dir, 'models/**/*.efp'));
        expect((JSON.parse(byGlob.stdout) as { files: { file: string }[] }).files.map(f => relative(dir, f.file)).sort()).toEqual(['models/a.efp', 'models/b.efp', 'models/shared/base.efp']);
    });

    it('fails when a folder or a glob names no model: a job that checks nothing does not pass', async () => {
        const dir = folder({ 'notes.txt': '' });
        expect(await efp('check', dir)).toMatchObject({ code: 2, stderr: `efp: no .efp model in the folder ${dir}\n` });
        expect(await efp('check', join(dir, '*.efp'))).toMatchObject({ code: 2, stderr: `efp: no file matches ${join(dir, '*.efp')}\n` });
    });
});
