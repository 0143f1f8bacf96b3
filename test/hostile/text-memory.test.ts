import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/**
 * Text that costs memory by the token, through `efp check` as users run it: long lists of plain numbers
 * are read as one token each and cost a few bytes a value; every other form is held to the limit of
 * tokens a file may have. Each run within 1 GB and two minutes, exit 0 or 1 with located messages.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const BUDGET = { timeoutMs: 120_000 };
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-hostile-text-memory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
    writeFileSync(join(dir, name), text);
    return name;
}

const TEN_MB = 10 * 1024 * 1024;
/** Just under the model-file limit. */
const SIZE = TEN_MB - 1024;
/** The default budget of tokens, and what the word that starts an object and a comment count as (src/language/token-budget.ts). */
const BUDGET_TOKENS = 350_000;
const OBJECT = 80;
const COMMENT = 1 / 3;

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
    return text.split('\n').findIndex(l => l.includes(needle)) + 1;
}

/** The quickstart, its journey starts with `count` zeros in hourly_values added to them (times 0: the figures stay). */
function withValues(count: number): string {
    return QUICKSTART.replace('hourly_usage_journey_starts:\n',
        `hourly_usage_journey_starts:\n      hourly_values([${'0,'.repeat(count - 1)}0], start_date: 2025-01-01) * 0 +\n`);
}

describe('efp check on lists of plain numbers', () => {
    it('1,000,000 values: no problems (regression: 2.2 GB, about 2.2 kB a value)', async () => {
        const file = write('million.efp', withValues(1_000_000));
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [0]);
        // 1,000,000 hours run 111 years past the model's 3: said, as every series that does not match the period is
        expect(run.stdout).toMatch(/^million\.efp:\d+:\d+: warning: usage_pattern french_households: hourly_usage_journey_starts does not match the modeling period: .* \[series-coverage\]\n/);
        expect(run.stdout).toMatch(/\nmillion\.efp: 0 errors, 1 warning\n$/);
    }, 150_000);

    it('2,000,001 values: the engine\'s limit of a series, located on the list', async () => {
        const text = withValues(2_000_001);
        const file = write('too-many-values.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toBe(`too-many-values.efp:${lineOf(text, 'hourly_values([')}:21: error: hourly_values has 2,000,001 values; a series holds at most 2,000,000 (228 years of hours) [out-of-range]\n`
            + '    hint: Keep the hours the model needs, or describe the series with a builder such as volume_growth or linear_growth.\n'
            + 'too-many-values.efp: 1 error, 0 warnings\n');
    }, 150_000);
});

/** A token of a repeated piece of text: where it starts in the piece, and what it counts for. */
type Token = readonly [offset: number, cost: number];

interface Form {
    readonly text: string;
    /** Where the first token past the budget starts, if the text has one. */
    readonly cut: number | undefined;
}

/**
 * `head`, then `piece(i)` as many times as fit in SIZE with `tail`, and where the budget runs out: the
 * costs of the head and of each piece's tokens counted here as the budget's rules say (one a token).
 */
function repeated(head: string, headCost: number, piece: (i: number) => { text: string; tokens: readonly Token[] }, tail: string): Form {
    const parts = [head];
    let size = head.length + tail.length;
    let cost = headCost;
    let cut: number | undefined;
    for (let i = 0; ; i++) {
        const { text, tokens } = piece(i);
        if (size + text.length > SIZE) break;
        for (const [offset, tokenCost] of tokens) {
            cost += tokenCost;
            if (cut === undefined && cost > BUDGET_TOKENS) cut = size - tail.length + offset;
        }
        parts.push(text);
        size += text.length;
    }
    parts.push(tail);
    return { text: parts.join(''), cut };
}

/** `1 W + 1 W … + 1 W`: `count` terms, tokens `1`, `W`, `+`. */
function sum(count: number): { text: string; tokens: Token[] } {
    const text = Array.from({ length: count }, () => '1 W').join(' + ');
    const tokens: Token[] = [];
    for (let t = 0; t < count; t++) {
        tokens.push([t * 6, 1], [t * 6 + 2, 1]);
        if (t < count - 1) tokens.push([t * 6 + 4, 1]);
    }
    return { text, tokens };
}

function shifted(tokens: readonly Token[], by: number): Token[] {
    return tokens.map(([offset, cost]) => [offset + by, cost]);
}

/** The 1-based line and column of an offset. */
function position(text: string, offset: number): string {
    const before = text.slice(0, offset);
    return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

function megabytes(characters: number): string {
    const mb = characters / 1024 / 1024;
    return `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}

/** The error a text past its budget gets, at the first token past it. */
function pastTheBudget(file: string, { text, cut }: Form): string {
    return `${file}:${position(text, cut!)}: error: this file is longer than efp reads: it has more than 350,000 tokens, the most efp reads from one file, `
        + `and is read up to here (the rest, ${megabytes(text.length - cut!)} of its ${megabytes(text.length)}, is not). Tokens are names, numbers and signs; `
        + 'the word that starts an object counts as 80, a comment as 1/3, a number in a list of numbers as 1/16. '
        + 'Split the model into files that import each other, or set EFP_MAX_MODEL_TOKENS to raise the limit. [too-many-tokens]';
}

/**
 * The worst forms for memory, each a file just under the 10 MB limit of a model file: read up to the
 * budget of tokens, one located error there, nothing evaluated. (Without the budget, 10 MB of `watch, `
 * took 3.5 GB and 78 s; 100 sums of 1,000 `1 W` terms, 3.5 GB.)
 */
const FORMS: Record<string, () => Form> = {
    'a list of references': () => repeated('usage_journey j { uj_steps: [', OBJECT + 5, () => ({ text: 'watch, ', tokens: [[0, 1], [5, 1]] }), 'watch] }\n'),
    'a long chain of members': () => repeated('server s { storage: ssd  power: web', OBJECT + 8, () => ({ text: '.power', tokens: [[0, 1], [1, 1]] }), ' }\n'),
    'many tiny objects': () => repeated('', 0, i => {
        const text = `server s${i} {}\n`;
        return { text, tokens: [[0, OBJECT], [7, 1], [text.length - 3, 1], [text.length - 2, 1]] };
    }, ''),
    'many attributes': () => repeated('server s {\n', OBJECT + 2, () => ({ text: '  power: 1 W\n', tokens: [[2, 1], [7, 1], [9, 1], [11, 1]] }), '}\n'),
    'sums of 1,000 operators': () => repeated('server s {\n', OBJECT + 2, () => {
        const terms = sum(1001);
        return { text: `  power: ${terms.text}\n`, tokens: [[2, 1], [7, 1], ...shifted(terms.tokens, 9)] };
    }, '}\n'),
    'values 64 brackets deep': () => repeated('server s {\n', OBJECT + 2, () => {
        const tokens: Token[] = [[2, 1], [7, 1]];
        for (let b = 0; b < 64; b++) tokens.push([9 + b, 1]);
        tokens.push([73, 1], [75, 1]);
        for (let b = 0; b < 64; b++) tokens.push([76 + b, 1]);
        return { text: `  power: ${'('.repeat(64)}1 W${')'.repeat(64)}\n`, tokens };
    }, '}\n'),
    'comment lines': () => repeated('', 0, () => ({ text: '//\n', tokens: [[0, COMMENT]] }), ''),
    'texts in quotes': () => repeated('server s { power: 1 W', OBJECT + 6, () => ({ text: ' comment "x"', tokens: [[1, 1], [9, 1]] }), ' }\n'),
    'a list of numbers with units': () => repeated('usage_pattern p { hourly_usage_journey_starts: hourly_values([', OBJECT + 7, () => ({ text: '1 W, ', tokens: [[0, 1], [2, 1], [3, 1]] }), '1 W]) }\n'),
    'unknown characters': () => repeated('', 0, () => ({ text: '@ ', tokens: [[0, 1]] }), '')
};

describe('efp check on 10 MB of the forms that cost the most memory a token', () => {
    for (const [name, make] of Object.entries(FORMS)) {
        it(`${name}: read up to the budget of tokens, one located error there`, async () => {
            const form = make();
            expect(form.text.length).toBeGreaterThan(SIZE - 4096);
            expect(form.text.length).toBeLessThanOrEqual(SIZE);
            expect(form.cut).toBeDefined();
            const file = write(`${name.replace(/\W+/g, '-')}.efp`, form.text);
            const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
            expectWellBehaved(run, [1]);
            const located = run.stdout.split('\n').filter(l => l.includes('this file is longer than efp reads'));
            expect(located).toEqual([pastTheBudget(file, form)]);
        }, 150_000);
    }
});

describe('efp check on the forms that cost the most memory a token, just within the budget: read and evaluated', () => {
    it('objects whose values cost the engine the most (edge computers): located errors', async () => {
        // 4,216 of them, each 83 tokens: 349,928
        const count = Math.floor(BUDGET_TOKENS / (OBJECT + 3));
        const file = write('edge-computers.efp', Array.from({ length: count }, (_, i) => `edge_computer e${i} {}\n`).join(''));
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain(`${file}:1:15: error: edge_computer e0 needs 'storage' (the computer's storage (also one of its components)) [missing-input]`);
        // and the model's one want of a system
        expect(run.stdout).toContain(`${file}:1:1: error: this model declares no system, so it has no footprint to total [no-system]`);
        expect(run.stdout).toContain(`${file}: ${count + 1} errors, 0 warnings`);
        expect(run.stdout).not.toContain('longer than efp reads');
    }, 150_000);

    it('a list of 170,000 references (the quickstart\'s steps): the journey\'s located error', async () => {
        const text = QUICKSTART.replace('uj_steps: [watch, capture]', `uj_steps: [${'watch, '.repeat(170_000)}capture]`);
        const file = write('steps.efp', text);
        const run = await runBounded(['check', file], { cwd: dir, ...BUDGET });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toBe(`${file}:${lineOf(text, 'uj_steps')}:15: error: usage_journey daily_video: duration: 6.464 year of journey duration is longer than the modeling period (3 year) [out-of-range]\n`
            + '    hint: Check the value and its unit, or make the model\'s modeling_duration longer.\n'
            + `${file}: 1 error, 0 warnings\n`);
    }, 150_000);
});
