import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeModelFiles } from '../helpers/cli-run.js';
import { checkWatch } from '../../src/cli/check-watch.js';
import { checkCommand } from '../../src/cli/main.js';

/**
 * `efp check --watch`, as a user runs it in a terminal: the check again whenever the model, a file it
 * imports or a data file it reads changes; a model deleted and written again is waited for; Ctrl-C ends it.
 */
const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');
const MODEL = [
    'import "lab.efp"',
    'model { start_date: 2026-01-01  modeling_duration: 1 year }',
    'system lab { measurements: [training] }', ''
].join('\n');
const LAB = 'measurement training "LoRA" { file: "runs/emissions.csv" }\n';

describe('efp check --watch', () => {
    it('checks again when a data file, an import or the model changes, and stops on Ctrl-C', async () => {
        const dir = writeModelFiles({ 'model.efp': MODEL, 'lab.efp': LAB, 'runs/emissions.csv': V33 });
        const child = spawn(process.execPath, [join(process.cwd(), 'bin/efp.cjs'), 'check', '--watch', 'model.efp'], { cwd: dir });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
        child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
        const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
        /** Waits until `text` has appeared `count` times on the output and error streams. */
        const appeared = async (text: string, count: number) => {
            for (let waited = 0; waited < 30_000; waited += 50) {
                if ((out + err).split(text).length - 1 >= count) return;
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            throw new Error(`'${text}' did not appear ${count} times within 30 s:\n${out}\n${err}`);
        };
        try {
            await appeared('efp: watching 3 files for changes (Ctrl-C to stop)', 1);
            expect(out).toBe('model.efp: no problems found\n');

            writeFileSync(join(dir, 'runs/emissions.csv'), V33.replace('0.10132588420783382', 'high'));
            await appeared('efp: watching 3 files', 2);
            expect(err).toContain(`efp: ${join('runs', 'emissions.csv')} changed: checking again`);
            expect(out.split('model.efp: no problems found\n')[1]).toBe([
                "lab.efp:1:37: error: emissions.csv: line 3, column 'emissions': `high` is not a number [data-file]",
                "    hint: 'emissions' holds kg CO2e; correct the cell or delete the run's line.",
                'model.efp: 1 error, 0 warnings', ''
            ].join('\n'));

            // the model goes (an editor's save may delete it first), then comes back
            rmSync(join(dir, 'model.efp'));
            await appeared('efp: cannot read model.efp: no such file', 1);
            writeFileSync(join(dir, 'runs/emissions.csv'), V33);
            writeFileSync(join(dir, 'model.efp'), MODEL);
            await appeared('model.efp: no problems found', 2);

            // an import changes: its measurement keeps no run
            writeFileSync(join(dir, 'lab.efp'), LAB.replace('}', ' project_name: "nope" }'));
            await appeared('efp: lab.efp changed: checking again', 1);
            await appeared('lab.efp:1:73: error: emissions.csv: no run has project_name "nope" [data-file]', 1);

            child.kill('SIGINT');
            expect(await exited).toBe(0);
        } finally {
            child.kill();
            rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);
});

describe('efp check --watch watches what the check read', () => {
    it('the check returns the files it read: each model, its imports and the data files its evaluation read', async () => {
        const dir = writeModelFiles({ 'model.efp': MODEL, 'lab.efp': LAB, 'runs/emissions.csv': V33 });
        try {
            const lines: string[] = [];
            const round = await checkCommand([join(dir, 'model.efp')], {}, { out: t => lines.push(t), err: t => lines.push(t) });
            expect(round).toEqual({ code: 0, read: [join(dir, 'lab.efp'), join(dir, 'model.efp'), join(dir, 'runs', 'emissions.csv')] });
            expect(lines).toEqual([`${join(dir, 'model.efp')}: no problems found`]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('a round watches the files its check read, without loading the models again (regression: a second load each round)', async () => {
        const dir = writeModelFiles({ 'a.efp': '', 'b.efp': '', 'c.csv': '' });
        const stop = new AbortController();
        const err: string[] = [];
        let checks = 0;
        const check = async () => {
            checks++;
            // the model is named but not read here: only what the check says it read is watched
            return { code: 0, read: ['a.efp', 'b.efp', 'c.csv'].map(f => join(dir, f)) };
        };
        const watching = checkWatch([join(dir, 'missing.efp')], check, { out: () => undefined, err: t => { err.push(t); if (t.startsWith('efp: watching')) stop.abort(); } },
            { clear: false, stop: stop.signal });
        expect(await watching).toBe(0);
        expect(checks).toBe(1);
        expect(err).toEqual(['efp: watching 4 files for changes (Ctrl-C to stop)']);
        rmSync(dir, { recursive: true, force: true });
    });
});
