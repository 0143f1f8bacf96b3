import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/**
 * Huge and deeply nested text through `efp check`, as users run it: each run within a minute and 1 GB,
 * exit 0 or 1 with located messages, never an internal fault or a stack trace.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
/** The longest token a model file can hold: just under the 10 MB model-file limit (EFP_MAX_MODEL_FILE_MB). */
const NINE_MB = 9 * 1024 * 1024;
const BUDGET = { timeoutMs: 60_000 };
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-hostile-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * For texts past the default budget of tokens of a file (src/language/token-budget.ts, whose own cases
 * are in text-memory.test.ts), raised as a user may: what these cases test is how efp reads them.
 */
const RAISED = { ...BUDGET, env: { EFP_MAX_MODEL_TOKENS: '100000000' } };

function write(name: string, text: string): string {
    writeFileSync(join(dir, name), text);
    return name;
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
    return text.split('\n').findIndex(l => l.includes(needle)) + 1;
}

describe('efp check on huge text', () => {
    it('the quickstart after 125,000 comment lines: no problems (regression: "internal error: Maximum call stack size exceeded")', async () => {
        const file = write('commented.efp', Array.from({ length: 125_000 }, (_, i) => `// comment ${i}\n`).join('') + QUICKSTART);
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [0]);
        expect(run.stdout).toBe('commented.efp: no problems found\n');
    }, 90_000);

    it('a series of 262,980 values, 24 a line as efp import writes them: no problems', async () => {
        const lines: string[] = [];
        for (let i = 0; i < 262_980; i += 24) lines.push(`      ${Array.from({ length: 24 }, (_, j) => 1000 + j * 10).join(', ')},`);
        const file = write('series.efp', QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/,
            `hourly_usage_journey_starts: hourly_values(values: [\n${lines.join('\n')}\n    ], start_date: 2025-01-01)\n}`)
            // whole lines of 24: 262,992 hours, the period the series covers, so nothing to warn about
            .replace('modeling_duration: 3 year', `modeling_duration: ${lines.length * 24} h`));
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [0]);
        expect(run.stdout).toBe('series.efp: no problems found\n');
    }, 90_000);

    it('a value nested 1,000,000 deep: located "nested too deeply", the rest read', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: ${'('.repeat(1_000_000)}300 W${')'.repeat(1_000_000)}`);
        const file = write('deep.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...RAISED });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain(`deep.efp:${lineOf(text, 'power: ((')}:74: error: this value is nested too deeply for efp to read (more than 64 levels of parentheses, brackets and signs)`);
        expect(run.stdout).toContain('deep.efp: 1 error, 0 warnings');
    }, 90_000);

    it('a 9 MB line, a text in quotes: no problems (regression: "Maximum call stack size exceeded" in the lexer)', async () => {
        const file = write('long-text.efp', QUICKSTART.replace('power: 300 W', `power: 300 W comment "${'x'.repeat(NINE_MB)}"`));
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [0]);
        expect(run.stdout).toBe('long-text.efp: no problems found\n');
    }, 90_000);

    it('a 9 MB line, one unknown name: located, the name cut short (regression: 195 s)', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: ${'x'.repeat(NINE_MB)}`);
        const file = write('long-name.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toBe(`long-name.efp:${lineOf(text, 'power: xx')}:10: error: unknown name '${'x'.repeat(40)}…' (${NINE_MB} characters). [linking-error]\nlong-name.efp: 1 error, 0 warnings\n`);
    }, 90_000);

    it('200,000 lines that each open a comment: one error where the first is (regression: 86 s)', async () => {
        const file = write('comments-open.efp', `${QUICKSTART}${'/* x\n'.repeat(200_000)}`);
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toBe(`comments-open.efp:${QUICKSTART.split('\n').length}:1: error: this comment is not closed: \`/*\` starts a comment that runs to the end of the file; close it with \`*/\` [lexing-error]\ncomments-open.efp: 1 error, 0 warnings\n`);
    }, 90_000);

    it('100,000 declarations, then a stray brace: the brace located', async () => {
        const text = `${QUICKSTART}${Array.from({ length: 100_000 }, (_, i) => `server s${i} {}\n`).join('')}}\n`;
        const file = write('declarations.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...RAISED });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain(`declarations.efp:${text.split('\n').length - 1}:1: error: unexpected \`}\``);
    }, 90_000);

    it('20,000 unknown names: the first 999 by position and one that counts the others', async () => {
        const text = `${QUICKSTART}${Array.from({ length: 20_000 }, (_, i) => `storage s${i} { base_storage_need: sdd${i} }\n`).join('')}`;
        const file = write('unknown.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...RAISED });
        expectWellBehaved(run, [1]);
        const located = run.stdout.split('\n').filter(l => /^unknown\.efp:\d+:\d+: error: /.test(l));
        expect(located).toHaveLength(1000);
        expect(located[0]).toBe(`unknown.efp:${lineOf(text, 'storage s0 ')}:33: error: unknown name 'sdd0'. Did you mean 's990'? [linking-error]`);
        expect(located[999]).toBe(`unknown.efp:${lineOf(text, 'storage s999 ')}:35: error: 19,001 more problems in this file (19,001 errors) are not listed: efp lists the first 999 of a file, by position [too-many-problems]`);
        expect(run.stdout).toContain('unknown.efp: 20000 errors, 0 warnings');
    }, 90_000);

    it('an empty file: an error that it declares nothing, exit 1 (efp eval has nothing to total)', async () => {
        const file = write('empty.efp', '');
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain('empty.efp:1:1: error: this file declares nothing [empty-file]');
    }, 90_000);
});
