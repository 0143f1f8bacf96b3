import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { efp, type CliResult } from '../helpers/cli-run.js';
import { generateModel, type Rng } from './generator.js';
import { mutate } from './mutators.js';
import { EXAMPLES } from './corpus.js';
import { CALL_BUDGET_MS, FuzzFailure, hasStackTrace, iterations, recordFailure, rngFor, withinBudget, SUITE_TIMEOUT_MS } from './fuzz-config.js';

/**
 * The CLI in-process on generated and mutated models: `check`, `eval`, `eval --json`, `export` and `diff`
 * of two mutants. Fails on an exit code other than 0, 1 or 2, an internal error, a stack trace, a
 * diagnostic line without file:line:col, or a command over the time budget.
 */
const SUITE = 'cli';
const RUNS = iterations(30);

function inputFor(next: Rng, iteration: number): string {
    const r = next();
    if (r < 0.3) return generateModel(next);
    return mutate(EXAMPLES[iteration % EXAMPLES.length].text, next);
}

function checkOutput(command: string, result: CliResult): void {
    const all = result.stdout + result.stderr;
    if (![0, 1, 2].includes(result.code)) throw new FuzzFailure(`${command} exited ${result.code}`);
    if (all.includes('internal error')) throw new FuzzFailure(`${command}: ${all}`);
    if (hasStackTrace(all)) throw new FuzzFailure(`${command} printed a stack trace:\n${all}`);
    for (const line of all.split('\n')) {
        // a finding names where it is: file:line:col: severity: message
        if (/: (error|warning): /.test(line) && !/^\S.*:\d+:\d+: (error|warning): /.test(line)) throw new FuzzFailure(`${command}: unlocated '${line}'`);
    }
    // exit 2 is for a command that could not run; with a readable model file, that is not the model's fault
    if (result.code === 2 && !/^efp: (cannot|.*too large|.*outside)/m.test(result.stderr)) throw new FuzzFailure(`${command} could not run:\n${all}`);
}

describe('fuzzing the command line', () => {
    it(`${RUNS} mutated models through check, eval, export and diff`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-fuzz-cli-'));
        try {
            for (let i = 0; i < RUNS; i++) {
                const next = rngFor(SUITE, i);
                const files = { 'old.efp': inputFor(next, i), 'new.efp': '' };
                files['new.efp'] = next() < 0.5 ? mutate(files['old.efp'], next) : inputFor(next, i + 1);
                for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
                // imported by some examples and generated models
                writeFileSync(join(dir, 'quickstart.efp'), EXAMPLES[0].text);
                const model = join(dir, 'new.efp');
                const commands: string[][] = [['check', model], ['eval', model], ['eval', '--json', model], ['export', model], ['diff', join(dir, 'old.efp'), model]];
                const command = commands[Math.floor(next() * commands.length)];
                const alsoCheck = command[0] === 'check' ? [] : [['check', model]];
                try {
                    for (const args of [command, ...alsoCheck]) {
                        const budget = args[0] === 'diff' ? 2 * CALL_BUDGET_MS : CALL_BUDGET_MS;
                        const result = await withinBudget(`efp ${args[0]}`, () => efp(...args), budget);
                        checkOutput(`efp ${args.join(' ')}`, result);
                    }
                } catch (e) {
                    throw recordFailure(SUITE, i, files, e instanceof FuzzFailure ? e.message : `threw ${(e as Error)?.stack ?? String(e)}`);
                }
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
        expect(true).toBe(true);
    }, SUITE_TIMEOUT_MS);
});
