import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/** `-` as a model: `cat m.efp | efp check -`, `efp eval -`, as editors' format-on-save and scripts pipe them. */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-stdin-'));
    writeFileSync(join(dir, 'infra.efp'), 'storage disk from ssd {}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a model on standard input', () => {
    it('efp eval -: the footprint e-footprint gives for the quickstart', async () => {
        const run = await runBounded(['eval', '-'], { cwd: dir, stdin: QUICKSTART });
        expectWellBehaved(run, [0]);
        // e-footprint 22.2.1's system totals for this model (test/fixtures/efootprint/quickstart.outputs.json.gz)
        expect(run.stdout).toContain('Total footprint: 10,966.4 t CO2e over the period');
    });

    it('efp check - with files: located as stdin.efp, or as --stdin-path names it, beside the files given', async () => {
        const broken = QUICKSTART.replace('power: 300 W', 'power: 300 Wh');
        const line = broken.split('\n').findIndex(l => l.includes('power: 300 Wh')) + 1;
        const plain = await runBounded(['check', '-'], { cwd: dir, stdin: broken });
        expectWellBehaved(plain, [1]);
        expect(plain.stdout).toContain(`stdin.efp:${line}:10: error: 'power' expects a power (W); \`300 Wh\` is an energy (kWh) [dimension-mismatch]`);
        const named = await runBounded(['check', 'infra.efp', '-', '--stdin-path', 'models/web.efp', '--format', 'json'], { cwd: dir, stdin: broken });
        expectWellBehaved(named, [1]);
        const report = JSON.parse(named.stdout) as { files: { file: string; errors: number }[] };
        // infra.efp, a storage alone, is no model of its own: it declares no system
        expect(report.files.map(m => [m.file, m.errors])).toEqual([['infra.efp', 1], ['models/web.efp', 1]]);
    });

    it('imports are read relative to the file standard input stands for', async () => {
        const text = 'import "infra.efp"\nserver web from aws_m5_large { storage: disk }\n';
        const run = await runBounded(['check', '-'], { cwd: dir, stdin: text });
        expectWellBehaved(run, [0, 1]);
        expect(run.stdout).not.toContain('cannot find');
        expect(run.stdout).not.toContain("unknown name 'disk'");
        const elsewhere = await runBounded(['check', '-', '--stdin-path', 'other/model.efp'], { cwd: dir, stdin: text });
        expect(elsewhere.stdout).toContain("other/model.efp:1:8: error: cannot find 'infra.efp'");
    });

    it('refuses what cannot work, in one line, exit 2: --watch, --stdin-path without -, a path that is not .efp, too much text, not UTF-8', async () => {
        const cases: [string[], string | Uint8Array, string][] = [
            [['check', '-', '--watch'], QUICKSTART, 'efp: --watch follows files: standard input (-) has none to follow\n'],
            [['check', 'infra.efp', '--stdin-path', 'x.efp'], '', 'efp: --stdin-path names the file standard input stands for: give - among the models too\n'],
            [['eval', '-', '--stdin-path', 'notes.txt'], QUICKSTART, 'efp: --stdin-path names the .efp file the text stands for; notes.txt is not one\n'],
            [['check', '-'], new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'efp: cannot read standard input: it is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8\n'
                + '    hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8)\n']
        ];
        for (const [args, stdin, stderr] of cases) {
            const run = await runBounded(args, { cwd: dir, stdin });
            expectWellBehaved(run, [2]);
            expect(run.stderr, args.join(' ')).toBe(stderr);
        }
        const endless = await runBounded(['eval', '-'], { cwd: dir, stdin: 'x'.repeat(600 * 1024), env: { EFP_MAX_MODEL_FILE_MB: '0.5' } });
        expectWellBehaved(endless, [2]);
        expect(endless.stderr).toBe('efp: cannot read standard input: it is longer than the 512 kB efp reads\n'
            + '    hint: Split the model into files that import each other, or set EFP_MAX_MODEL_FILE_MB to raise the limit.\n');
    });
});
