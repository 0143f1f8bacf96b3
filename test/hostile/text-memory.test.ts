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
        expect(run.stdout).toBe('million.efp: no problems found\n');
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
