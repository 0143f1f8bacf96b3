import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { efp, modelFolders } from '../helpers/cli-run.js';

/**
 * `efp check` says of a model what `efp eval` goes by: the same diagnostics, and a failure whenever eval
 * refuses (test/language/one-verdict.test.ts has the editor's side). Each case is a whole file as a new
 * user writes it, with everything both commands print.
 */

const folder = modelFolders();
const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const SYSTEM_LINE = 'system streaming_platform "System" { usage_patterns: [french_households] }\n';

/** 1-based `line:column` of `needle` in `text`. */
function position(text: string, needle: string): string {
    expect(text.includes(needle), needle).toBe(true);
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** `efp check` and `efp eval` on one model file (written as `model.efp` in a folder of its own, with `others` beside it). */
async function both(text: string, others: Record<string, string> = {}) {
    const dir = folder({ 'model.efp': text, ...others });
    const file = join(dir, 'model.efp');
    return { file, check: await efp('check', file), eval: await efp('eval', file) };
}

describe('efp check and efp eval agree', () => {
    it('a model without a system: an error at its first line with the system to add, exit 1 for both', async () => {
        const text = quickstart.replace(SYSTEM_LINE, '');
        const { file, check, eval: evaluation } = await both(text);
        const diagnostic = `${file}:${position(text, 'model "Video')}: error: this model declares no system, so it has no footprint to total [no-system]\n`
            + '    hint: Add `system my_service { usage_patterns: [french_households] }`: a system totals the footprint of the usage patterns it lists.\n';
        expect(check).toEqual({ code: 1, stdout: `${diagnostic}${file}: 1 error, 0 warnings\n`, stderr: '' });
        expect(evaluation).toEqual({ code: 1, stdout: '', stderr: `${diagnostic}efp: ${file} has 1 error, 0 warnings; nothing evaluated\n` });
    });

    it('an empty file: an error for both, not "no problems found"', async () => {
        const { file, check, eval: evaluation } = await both('');
        const diagnostic = `${file}:1:1: error: this file declares nothing [empty-file]\n`
            + '    hint: A model starts with its settings, `model "My service" { start_date: 2025-01-01  modeling_duration: 3 year }`, then its objects, '
            + 'e.g. `server web { power: 300 W ... }` (examples/quickstart.efp is a whole one).\n';
        expect(check).toEqual({ code: 1, stdout: `${diagnostic}${file}: 1 error, 0 warnings\n`, stderr: '' });
        expect(evaluation.code).toBe(1);
        expect(evaluation.stderr).toBe(`${diagnostic}efp: ${file} has 1 error, 0 warnings; nothing evaluated\n`);
    });

    it('a file other files import: a part of their models in a folder or a list, a model of its own when named alone', async () => {
        const dir = folder({ 'servers.efp': quickstart.replace(SYSTEM_LINE, ''), 'main.efp': `import "servers.efp"\n${SYSTEM_LINE}` });
        expect(await efp('check', dir)).toEqual({ code: 0, stdout: `${join(dir, 'main.efp')}: no problems found\n`, stderr: '' });
        // the shell's expansion of models/*.efp: each checked, servers.efp as a part of main.efp's model
        expect(await efp('check', join(dir, 'servers.efp'), join(dir, 'main.efp'))).toEqual({
            code: 0, stdout: `${join(dir, 'servers.efp')}: no problems found\n${join(dir, 'main.efp')}: no problems found\n`, stderr: ''
        });
        const alone = await efp('check', join(dir, 'servers.efp'));
        expect(alone.code).toBe(1);
        expect(alone.stdout).toContain(`${join(dir, 'servers.efp')}:3:1: error: this model declares no system, so it has no footprint to total [no-system]`);
        expect((await efp('eval', join(dir, 'servers.efp'))).code).toBe(1);
    });

    it('an unknown name and a unit error elsewhere: both in one pass, from both commands', async () => {
        const text = quickstart.replace('power: 300 W', 'power: 300 kg').replace('usage_journey: daily_video', 'usage_journey: daily_vide');
        const { file, check, eval: evaluation } = await both(text);
        const diagnostics = `${file}:${position(text, 'daily_vide\n')}: error: unknown name 'daily_vide'. Did you mean 'daily_video'? [linking-error]\n`
            + `${file}:${position(text, '300 kg')}: error: 'power' expects a power (W); \`300 kg\` is a mass (kg) [dimension-mismatch]\n`
            + '    hint: Write it in W or a unit of the same kind.\n';
        expect(check).toEqual({ code: 1, stdout: `${diagnostics}${file}: 2 errors, 0 warnings\n`, stderr: '' });
        expect(evaluation).toEqual({ code: 1, stdout: '', stderr: `${diagnostics}efp: ${file} has 2 errors, 0 warnings; nothing evaluated\n` });
    });

    it('an error of the text (a confidence level) and a unit error: both, where check used to stop at the first', async () => {
        const text = quickstart.replace('base_storage_need: 100 TB      confidence medium', 'base_storage_need: 100 TB      confidence average')
            .replace('power: 300 W', 'power: 300 kg');
        const { file, check } = await both(text);
        expect(check.code).toBe(1);
        expect(check.stdout).toBe(`${file}:${position(text, 'average')}: error: confidence is low, medium or high, not 'average' [invalid-value]\n`
            + `${file}:${position(text, '300 kg')}: error: 'power' expects a power (W); \`300 kg\` is a mass (kg) [dimension-mismatch]\n`
            + '    hint: Write it in W or a unit of the same kind.\n'
            + `${file}: 2 errors, 0 warnings\n`);
    });

    it('an unknown unit: that error alone, not a unit error it causes', async () => {
        const text = quickstart.replace('power: 300 W', 'power: 300 Wat');
        const { file, check, eval: evaluation } = await both(text);
        const diagnostic = `${file}:${position(text, 'Wat')}: error: unknown unit 'Wat'. Did you mean 'bit'? [linking-error]\n`;
        expect(check).toEqual({ code: 1, stdout: `${diagnostic}${file}: 1 error, 0 warnings\n`, stderr: '' });
        expect(evaluation.stderr).toBe(`${diagnostic}efp: ${file} has 1 error, 0 warnings; nothing evaluated\n`);
    });

    it('a usage pattern with its inputs missing: the four of them, no generic evaluation-error, no unused objects', async () => {
        const start = quickstart.indexOf('usage_pattern french_households');
        const text = `${quickstart.slice(0, start)}usage_pattern french_households "Daily video streaming consumption" {\n}\n\n${SYSTEM_LINE}`;
        const { file, check, eval: evaluation } = await both(text);
        const where = `${file}:${position(text, 'french_households "')}`;
        const missing = (input: string, why: string) => `${where}: error: usage_pattern french_households needs '${input}' (${why}) [missing-input]\n`
            + `    hint: Add '${input}: …' to french_households.\n`;
        const diagnostics = missing('hourly_usage_journey_starts', 'number of usage journeys starting each hour, in the country\'s local time')
            + missing('usage_journey', 'the journey the users follow') + missing('network', 'network the journey\'s data goes through')
            + missing('country', 'country of the users (grid intensity, time zone)');
        expect(check).toEqual({ code: 1, stdout: `${diagnostics}${file}: 4 errors, 0 warnings\n`, stderr: '' });
        expect(evaluation).toEqual({ code: 1, stdout: '', stderr: `${diagnostics}efp: ${file} has 4 errors, 0 warnings; nothing evaluated\n` });
    });
});

/** The .efp files of a folder, recursively. */
function efpFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? efpFiles(path) : name.endsWith('.efp') ? [path] : [];
    });
}

/** The error lines a command printed (`file:line:col: error: …`), for comparing what check and eval say. */
function errorLines(text: string): string[] {
    return text.split('\n').filter(line => /^\S.*:\d+:\d+: error: /.test(line));
}

/** A model with a mistake a newcomer makes, written beside the files it imports: no system, a misspelt name with a wrong unit, a missing input. */
const MISTAKES: Record<string, (text: string) => string> = {
    'no system': text => text.replace(/^system .*$/gm, ''),
    'a misspelt name and a wrong unit': text => text.replace(/(usage_journey|network|country): (\w+)/, '$1: $2x').replace(/(power|ram): (\d+) (W|GB)\b/, '$1: $2 kg'),
    'a missing input': text => text.replace(/^\s*hourly_usage_journey_starts:.*$/m, '')
};

const MODELS = ['examples', 'templates', 'test/fixtures', 'test/fuzz/regressions'].flatMap(efpFiles).sort();

describe('efp check fails whenever efp eval refuses, over every model of the repository', () => {
    it('finds the models', () => {
        expect(MODELS.length).toBeGreaterThanOrEqual(25);
    });

    /** Checks and evaluates a model file: whether they agree (the test fails if not), and eval's exit code. */
    async function agree(file: string): Promise<number> {
        const check = await efp('check', file), evaluation = await efp('eval', file);
        if (evaluation.code !== 0) {
            expect(check.code, `${file}: eval exits ${evaluation.code}, check ${check.code}\n${check.stdout}`).not.toBe(0);
            // every error eval refuses for is one check reports
            for (const line of errorLines(evaluation.stderr)) expect(check.stdout.split('\n'), line).toContain(line);
        }
        // and check passes only models eval evaluates
        if (check.code === 0) expect(evaluation.code, `${file}: check passes, eval exits ${evaluation.code}\n${evaluation.stderr}`).toBe(0);
        return evaluation.code;
    }

    it.each(MODELS)('%s, as it is', async file => {
        await agree(file);
    });

    it.each(MODELS.filter(f => f.startsWith('examples/')))('%s, with a newcomer\'s mistakes', async file => {
        let refused = 0;
        for (const [mistake, make] of Object.entries(MISTAKES)) {
            // the example's folder, so that its imports and data files are there, each model in it with the mistake
            // (budgets.efp has it through the quickstart it imports)
            const files: Record<string, string> = {};
            for (const f of readdirSync(dirname(file))) {
                const path = join(dirname(file), f);
                if (statSync(path).isFile()) files[f] = f.endsWith('.efp') ? make(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8');
            }
            const target = join(folder(files), relative(dirname(file), file));
            try {
                if (await agree(target) !== 0) refused++;
            } catch (e) {
                throw new Error(`${file} with ${mistake}: ${(e as Error).message}`);
            }
        }
        // the mistakes are ones eval refuses: the agreement is put to the test
        expect(refused).toBeGreaterThanOrEqual(2);
    });
});
