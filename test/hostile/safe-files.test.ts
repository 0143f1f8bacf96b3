import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, fingerprint, runBounded, type BoundedRun } from '../helpers/bounded-run.js';

/**
 * efp never loses a file, reads only where it should and says what went wrong: the bundled command, run
 * as users run it, on outputs that name its inputs (however spelled), disks that fail, files outside the
 * workspace reached through symbolic links, text that is not UTF-8 and files that are not models. Each
 * case: the documented exit code, a message naming the path, and no file of the workspace written over.
 */

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const NETWORK = 'network wifi "WIFI network" from wifi_network { bandwidth_energy_intensity: 0.05 kWh/GB }\n';
const CSV = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');

let root: string;
let ws: string;
let secret: string;

/** A workspace: a model importing a file, a measured model reading a CSV; beside it a folder it must not read. */
function layout(): void {
    root = mkdtempSync(join(tmpdir(), 'efp-safe-files-'));
    ws = join(root, 'ws');
    secret = join(root, 'secret');
    mkdirSync(join(ws, 'lib'), { recursive: true });
    mkdirSync(join(ws, 'runs'));
    mkdirSync(secret);
    writeFileSync(join(ws, 'm.efp'), `import "lib/net.efp"\n${QUICKSTART.replace(NETWORK, '')}`);
    writeFileSync(join(ws, 'lib', 'net.efp'), NETWORK);
    writeFileSync(join(ws, 'old.efp'), QUICKSTART.replace('power: 300 W', 'power: 250 W'));
    writeFileSync(join(ws, 'runs', 'emissions.csv'), CSV);
    writeFileSync(join(ws, 'measured.efp'), 'model "runs" { start_date: 2026-03-02  modeling_duration: 1 year }\n'
        + 'measurement lora { file: "runs/emissions.csv"  project_name: "llm-lora-finetune" }\nsystem measured { measurements: [lora] }\n');
    writeFileSync(join(ws, 'notes.txt'), 'not a model\n');
    // the secret folder: a model and a CSV efp must not read through the workspace's link to it
    writeFileSync(join(secret, 'infra.efp'), NETWORK);
    writeFileSync(join(secret, 'emissions.csv'), CSV);
    symlinkSync('../secret', join(ws, 'link'));
    symlinkSync('m.efp', join(ws, 'alias.efp'));
}

// each case in a fresh workspace: one that writes over a file would spoil the next
beforeEach(layout);
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs efp in the workspace and checks that it wrote over none of its files. */
async function inWorkspace(args: string[], options: { fileSizeKb?: number; env?: Record<string, string> } = {}): Promise<BoundedRun> {
    const before = fingerprint(ws);
    const run = await runBounded(args, { cwd: ws, ...options });
    const after = fingerprint(ws);
    // new files may appear (a requested output); none of the existing ones changes
    for (const [path, hash] of Object.entries(before)) expect(after[path], `${path} changed (efp ${args.join(' ')})`).toBe(hash);
    return run;
}

function files(dir: string): string[] {
    return readdirSync(dir).sort();
}

describe('an output that is one of the inputs is refused, exit 2, naming both', () => {
    it('efp eval m.efp -o m.efp', async () => {
        const run = await inWorkspace(['eval', 'm.efp', '-o', 'm.efp']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toBe('efp: refusing to write m.efp: it is m.efp, which this command reads; write the output to another file\n');
    });

    it('-o naming an imported file by another spelling (./lib/../lib/net.efp)', async () => {
        const run = await inWorkspace(['eval', 'm.efp', '-o', './lib/../lib/net.efp']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toBe('efp: refusing to write ./lib/../lib/net.efp: it is lib/net.efp, which this command reads; write the output to another file\n');
    });

    it('-o naming the model through a symbolic link (alias.efp -> m.efp)', async () => {
        const run = await inWorkspace(['export', 'm.efp', '-o', 'alias.efp']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toBe('efp: refusing to write alias.efp: it is m.efp, which this command reads; write the output to another file\n');
    });

    it('-o naming an imported file through a linked folder that does not hold it by that name', async () => {
        symlinkSync('lib', join(ws, 'lib-link'));
        try {
            const run = await inWorkspace(['baseline', 'save', 'm.efp', '-o', 'lib-link/net.efp']);
            expectWellBehaved(run, [2]);
            expect(run.stderr).toContain('efp: refusing to write lib-link/net.efp: it is lib/net.efp, which this command reads');
        } finally {
            rmSync(join(ws, 'lib-link'));
        }
    });

    it('-o naming the CSV a measurement reads', async () => {
        const run = await inWorkspace(['eval', 'measured.efp', '-o', 'runs/emissions.csv']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toContain('efp: refusing to write runs/emissions.csv: it is runs/emissions.csv, which this command reads');
    });

    it('efp diff old.efp m.efp --svg old.efp, and -o naming the import of the new side', async () => {
        const svg = await inWorkspace(['diff', 'old.efp', 'm.efp', '--svg', 'old.efp']);
        expectWellBehaved(svg, [2]);
        expect(svg.stderr).toContain('efp: refusing to write old.efp: it is old.efp, which this command reads');
        const out = await inWorkspace(['diff', 'old.efp', 'm.efp', '-o', 'lib/net.efp']);
        expectWellBehaved(out, [2]);
        expect(out.stderr).toContain('efp: refusing to write lib/net.efp: it is lib/net.efp, which this command reads');
    });

    it('efp import codecarbon runs/emissions.csv -o runs/emissions.csv', async () => {
        const run = await inWorkspace(['import', 'codecarbon', 'runs/emissions.csv', '-o', 'runs/emissions.csv']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toContain('efp: refusing to write runs/emissions.csv: it is runs/emissions.csv, which this command reads');
    });

    it('an output that is not an input is written whole, and nothing is left beside it', async () => {
        const run = await inWorkspace(['eval', 'm.efp', '-o', 'report.txt']);
        expectWellBehaved(run, [0]);
        expect(readFileSync(join(ws, 'report.txt'), 'utf8')).toContain('Video streaming in France');
        expect(files(ws).filter(f => f.includes('report'))).toEqual(['report.txt']);
        rmSync(join(ws, 'report.txt'));
    });
});

describe('a disk that fails: exit 1, the path and the reason in words', () => {
    it('no space left (/dev/full)', async () => {
        const run = await inWorkspace(['eval', 'm.efp', '-o', '/dev/full']);
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: cannot write /dev/full: no space left on the device\n');
    });

    it('a folder as the output', async () => {
        const run = await inWorkspace(['eval', 'm.efp', '-o', 'lib']);
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: cannot write lib: it is a folder\n');
    });

    it('an output under a regular file', async () => {
        const run = await inWorkspace(['export', 'm.efp', '-o', 'm.efp/out.json']);
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: cannot write m.efp/out.json: a part of its path is a file, not a folder\n');
    });

    it('a folder that does not exist', async () => {
        const run = await inWorkspace(['diff', 'old.efp', 'm.efp', '--svg', 'charts/change.svg']);
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: cannot write charts/change.svg: its folder does not exist\n');
    });

    it('a folder efp may not write in (/sys, even for root)', async () => {
        const run = await inWorkspace(['baseline', 'save', 'm.efp', '-o', '/sys/efp-baseline.json']);
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: cannot write /sys/efp-baseline.json: permission denied\n');
    });

    it('standard output on a full disk (efp eval > /dev/full): said in words, exit 1, no stack trace', () => {
        const run = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(process.cwd(), 'bin/efp.cjs'))} eval --json m.efp > /dev/full`],
            { cwd: ws, encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('efp: cannot write standard output: no space left on the device\n');
    });

    it('a write that fails half way (file size limit) leaves the old file whole and no temporary file', async () => {
        writeFileSync(join(ws, 'report.json'), '{"old": true}\n');
        try {
            const run = await inWorkspace(['eval', '--json', 'm.efp', '-o', 'report.json'], { fileSizeKb: 64 });
            expectWellBehaved(run, [1]);
            expect(run.stderr).toMatch(/^efp: cannot write report\.json: the file is larger than the file system or the process may write/);
            expect(readFileSync(join(ws, 'report.json'), 'utf8')).toBe('{"old": true}\n');
            expect(files(ws).filter(f => f.includes('report'))).toEqual(['report.json']);
        } finally {
            rmSync(join(ws, 'report.json'));
        }
    });
});

describe('files outside the workspace through a symbolic link are not read', () => {
    it('an import through a link to a folder outside', async () => {
        writeFileSync(join(ws, 'escape.efp'), `import "link/infra.efp"\n${QUICKSTART.replace(NETWORK, '')}`);
        try {
            const run = await inWorkspace(['check', 'escape.efp']);
            expectWellBehaved(run, [1]);
            expect(run.stdout).toMatch(/^escape\.efp:1:8: error: cannot import 'link\/infra\.efp': it is outside the workspace\. /m);
            // the link does lead to the file: the user may allow it
            const allowed = await inWorkspace(['check', '--allow-outside', 'escape.efp']);
            expectWellBehaved(allowed, [0]);
        } finally {
            rmSync(join(ws, 'escape.efp'));
        }
    });

    it('a measurement\'s CSV through a link to a folder outside', async () => {
        writeFileSync(join(ws, 'escape.efp'), 'measurement lora { file: "link/emissions.csv"  project_name: "llm-lora-finetune" }\nsystem measured { measurements: [lora] }\n');
        try {
            const run = await inWorkspace(['check', 'escape.efp']);
            expectWellBehaved(run, [1]);
            expect(run.stdout).toMatch(/^escape\.efp:1:26: error: cannot read link\/emissions\.csv: it is outside the workspace/m);
        } finally {
            rmSync(join(ws, 'escape.efp'));
        }
    });
});

describe('text that is not UTF-8 is an error naming the file, line and column', () => {
    it('a Latin-1 model: exit 2, where the first bad byte is, and how to fix it', async () => {
        writeFileSync(join(ws, 'latin.efp'), Buffer.concat([Buffer.from('// Mod'), Buffer.from([0xe8]), Buffer.from('le\nserver s { power: 1 W }\n')]));
        try {
            const run = await inWorkspace(['check', 'latin.efp']);
            expectWellBehaved(run, [2]);
            expect(run.stderr).toBe('efp: cannot read latin.efp: it is not UTF-8 text: byte 0xE8 at line 1, column 7\n'
                + '    hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8)\n');
        } finally {
            rmSync(join(ws, 'latin.efp'));
        }
    });

    it('a UTF-16 model, and a Latin-1 file it imports, said on the import line', async () => {
        writeFileSync(join(ws, 'utf16.efp'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('server s { power: 1 W }\n', 'utf16le')]));
        writeFileSync(join(ws, 'lib', 'latin.efp'), Buffer.concat([Buffer.from('network n "R'), Buffer.from([0xe9]), Buffer.from('seau" from wifi_network {}\n')]));
        writeFileSync(join(ws, 'imports-latin.efp'), `import "lib/latin.efp"\n${QUICKSTART}`);
        try {
            const utf16 = await inWorkspace(['eval', 'utf16.efp']);
            expectWellBehaved(utf16, [2]);
            expect(utf16.stderr).toContain('efp: cannot read utf16.efp: it is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8\n');
            const imports = await inWorkspace(['check', 'imports-latin.efp']);
            expectWellBehaved(imports, [1]);
            expect(imports.stdout).toContain('imports-latin.efp:1:8: error: cannot import \'lib/latin.efp\': it is not UTF-8 text: byte 0xE9 at line 1, column 13');
        } finally {
            for (const f of ['utf16.efp', 'lib/latin.efp', 'imports-latin.efp']) rmSync(join(ws, f));
        }
    });

    it('a Latin-1 CSV: on the line that names it, and for efp import codecarbon', async () => {
        const latin = Buffer.from(CSV.replace('groningen', 'Gr\u00f6ningen'), 'latin1');
        writeFileSync(join(ws, 'runs', 'latin.csv'), latin);
        writeFileSync(join(ws, 'latin-runs.efp'), 'measurement lora { file: "runs/latin.csv"  project_name: "llm-lora-finetune" }\nsystem measured { measurements: [lora] }\n');
        try {
            const line = CSV.split('\n').findIndex(l => l.includes('groningen')) + 1;
            const column = CSV.split('\n')[line - 1].indexOf('groningen') + 3;
            const check = await inWorkspace(['check', 'latin-runs.efp']);
            expectWellBehaved(check, [1]);
            expect(check.stdout).toContain(`latin-runs.efp:1:26: error: cannot read runs/latin.csv: it is not UTF-8 text: byte 0xF6 at line ${line}, column ${column}`);
            const imported = await inWorkspace(['import', 'codecarbon', 'runs/latin.csv']);
            expectWellBehaved(imported, [2]);
            expect(imported.stderr).toContain(`efp: cannot read runs/latin.csv: it is not UTF-8 text: byte 0xF6 at line ${line}, column ${column}\n`);
        } finally {
            for (const f of ['runs/latin.csv', 'latin-runs.efp']) rmSync(join(ws, f));
        }
    });
});

describe('standard input is held to the rules of input files', () => {
    it('Latin-1 observations piped into efp cloud-estimate: exit 2, where the first bad byte is', async () => {
        const run = await runBounded(['cloud-estimate'], { cwd: ws, stdin: Buffer.from('[{"cloud/vendor": "aws", "note": "caf\u00e9"}]', 'latin1') });
        expectWellBehaved(run, [2]);
        expect(run.stderr).toContain('efp: cannot read standard input: it is not UTF-8 text: byte 0xE9 at line 1, column 38\n');
    });
});

describe('model files over the size limit (EFP_MAX_MODEL_FILE_MB) are refused before they are read', () => {
    it('the model given: exit 2 with its size and the limit; an import of it: an error on the import line', async () => {
        const big = `${QUICKSTART}${'// padding\n'.repeat(60_000)}`;
        writeFileSync(join(ws, 'big.efp'), big);
        writeFileSync(join(ws, 'imports-big.efp'), 'import "big.efp"\n');
        const env = { EFP_MAX_MODEL_FILE_MB: '0.5' };
        const size = `${Math.ceil(big.length / 1024)} kB`;
        const main = await inWorkspace(['check', 'big.efp'], { env });
        expectWellBehaved(main, [2]);
        expect(main.stderr).toBe(`efp: cannot read big.efp: it is ${size}, more than the 512 kB efp reads\n`
            + '    hint: Split the model into files that import each other, or set EFP_MAX_MODEL_FILE_MB to raise the limit.\n');
        const imported = await inWorkspace(['check', 'imports-big.efp'], { env });
        expectWellBehaved(imported, [1]);
        expect(imported.stdout).toContain(`imports-big.efp:1:8: error: cannot import 'big.efp': it is ${size}, more than the 512 kB efp reads. Split the model`);
        // under the limit, the same files check as any others
        expectWellBehaved(await inWorkspace(['check', 'imports-big.efp']), [0]);
    });
});

describe('inputs that are not models, or not there: exit 2 naming the file', () => {
    it('efp check notes.txt, and every command that takes a model', async () => {
        for (const args of [['check', 'notes.txt'], ['eval', 'notes.txt'], ['export', 'notes.txt'], ['baseline', 'save', 'notes.txt'], ['diff', 'notes.txt', 'm.efp']]) {
            const run = await inWorkspace(args);
            expectWellBehaved(run, [2]);
            expect(run.stderr, args.join(' ')).toBe('efp: notes.txt is not an efp model: efp reads models from .efp files\n');
        }
        expect(existsSync(join(ws, 'efp-baseline.json'))).toBe(false);
    });

    it('import "notes.txt": an error on the import line, exit 1', async () => {
        writeFileSync(join(ws, 'imports-notes.efp'), `import "notes.txt"\n${QUICKSTART}`);
        const run = await inWorkspace(['check', 'imports-notes.efp']);
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain('imports-notes.efp:1:8: error: cannot import \'notes.txt\': efp imports models, which are .efp files [unknown-import]');
    });

    it('a model file that does not exist', async () => {
        const run = await inWorkspace(['eval', 'missing.efp']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toBe('efp: cannot read missing.efp: no such file\n');
    });

    it('an input JSON that does not exist', async () => {
        const run = await inWorkspace(['import', 'none.json', '-o', 'none.efp']);
        expectWellBehaved(run, [2]);
        expect(run.stderr).toBe('efp: cannot read none.json: no such file\n');
        expect(existsSync(join(ws, 'none.efp'))).toBe(false);
    });
});

describe('git on a repository efp did not choose', () => {
    it('efp diff --git runs no program the repository\'s configuration names (core.fsmonitor)', async () => {
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: ws, stdio: 'ignore' });
        git('init', '-q');
        git('add', 'm.efp', 'lib/net.efp');
        git('commit', '-qm', 'model');
        const marker = join(root, 'fsmonitor-ran');
        writeFileSync(join(root, 'hook.sh'), `#!/bin/sh\ntouch ${JSON.stringify(marker)}\n`);
        chmodSync(join(root, 'hook.sh'), 0o755);
        git('config', 'core.fsmonitor', join(root, 'hook.sh'));
        // the hook works: git itself runs it when it reads the index
        execFileSync('git', ['ls-files'], { cwd: ws, stdio: 'ignore' });
        expect(existsSync(marker)).toBe(true);
        rmSync(marker);
        const run = await inWorkspace(['diff', '--git', 'HEAD']);
        expectWellBehaved(run, [0]);
        expect(run.stdout).toContain('m.efp');
        expect(existsSync(marker)).toBe(false);
    });
});
