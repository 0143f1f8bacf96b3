import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, EmptyFileSystem, type FileSystemProvider } from 'langium';
import { efp } from '../helpers/cli-run.js';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { fileAccessPolicy } from '../../src/language/data-files.js';

/**
 * Importers (data files, `import`, e-footprint JSON, CodeCarbon CSV) read nothing outside the workspace
 * unless the user allows it, and never execute what they read.
 */
const CSV = 'timestamp,project_name,run_id,duration,emissions,energy_consumed,cpu_energy,gpu_energy,ram_energy\n'
    + '2025-01-01T00:00:00,train,r1,3600,0.5,1.2,0.8,0.2,0.2\n';

function layout(): { dir: string; ws: string } {
    const dir = mkdtempSync(join(tmpdir(), 'efp-safety-'));
    mkdirSync(join(dir, 'ws'));
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret', 'emissions.csv'), CSV);
    writeFileSync(join(dir, 'secret', 'infra.efp'), 'server far { power: 1 W }\n');
    return { dir, ws: join(dir, 'ws') };
}

/** Runs the built CLI in `cwd` (the in-process helper cannot change folders). */
function cli(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [join(process.cwd(), 'bin/efp.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, EFP_ALLOW_OUTSIDE: '' } });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('files outside the workspace (CLI)', () => {
    it('a measurement file or an import outside the current folder and the model\'s is refused on its line, with how to allow it', () => {
        const { dir, ws } = layout();
        try {
            writeFileSync(join(ws, 'imports.efp'), 'import "../secret/infra.efp"\n');
            const importRefused = cli(ws, 'check', 'imports.efp');
            expect(importRefused.stdout).toMatch(/^imports\.efp:1:8: error: cannot import '\.\.\/secret\/infra\.efp': it is outside the workspace\. .*--allow-outside/m);
            expect(cli(ws, 'check', '--allow-outside', 'imports.efp').stdout).toMatch(/infra\.efp:1:8: error: server far needs 'storage'/);
            writeFileSync(join(ws, 'model.efp'), [
                'measurement training { file: "../secret/emissions.csv" }',
                'measurement passwd { file: "/etc/passwd" }',
                `measurement absolute { file: ${JSON.stringify(join(dir, 'secret', 'emissions.csv'))} }`
            ].join('\n') + '\n');
            const refused = cli(ws, 'check', 'model.efp');
            expect(refused.code).toBe(1);
            expect(refused.stdout).toMatch(/^model\.efp:1:30: error: cannot read \.\.\/secret\/emissions\.csv: it is outside the workspace/m);
            expect(refused.stdout).toMatch(/^model\.efp:2:28: error: cannot read \/etc\/passwd: it is outside the workspace/m);
            expect(refused.stdout).toMatch(/^model\.efp:3:\d+: error: cannot read .*emissions\.csv: it is outside the workspace/m);
            expect(refused.stdout).toContain('hint: efp reads only files inside the workspace; to allow this one, set `efp.files.allowOutsideWorkspace`');
            // nothing of /etc/passwd shows: it was never read
            expect(refused.stdout).not.toMatch(/root:|header/);
            // the user's choice: --allow-outside (before or after the command) reads them
            for (const args of [['check', '--allow-outside', 'model.efp'], ['--allow-outside', 'check', 'model.efp']]) {
                const allowed = cli(ws, ...args);
                expect(allowed.stdout).not.toContain('outside the workspace');
                expect(allowed.stdout).toMatch(/passwd: the header has no/);
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('files beside the model, below it, or elsewhere in the current folder are read as before', async () => {
        const { dir, ws } = layout();
        try {
            mkdirSync(join(ws, 'runs'));
            writeFileSync(join(ws, 'runs', 'emissions.csv'), CSV);
            writeFileSync(join(ws, 'model.efp'), 'measurement training { file: "runs/emissions.csv" }\nsystem s { measurements: [training] }\n');
            const result = await efp('check', join(ws, 'model.efp'));
            expect(result.stdout).not.toContain('outside the workspace');
            expect(result.stdout).not.toContain('cannot read');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('files outside the workspace (language server)', () => {
    function serverWith(readFileSync: (uri: URI) => string, folder: string) {
        const fileSystemProvider = (): FileSystemProvider => ({ ...EmptyFileSystem.fileSystemProvider(), readFileSync }) as FileSystemProvider;
        const { shared, Efp } = createEfpServices({ fileSystemProvider });
        // as the workspace manager knows them after `initialize`
        fileAccessPolicy(shared).roots = () => [URI.file(folder)];
        return { shared, Efp };
    }

    it('a data file outside the workspace folders is never read, unless efp.files.allowOutsideWorkspace is set', async () => {
        for (const allow of [false, true]) {
            const reads: string[] = [];
            const { shared } = serverWith(uri => { reads.push(uri.fsPath); return CSV; }, '/ws');
            fileAccessPolicy(shared).allowOutside = allow;
            const factory = shared.workspace.LangiumDocumentFactory;
            const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
            const model = factory.fromString('measurement a { file: "../etc/passwd" }\nmeasurement b { file: "runs/emissions.csv" }\nsystem s { measurements: [a, b] }\n', URI.file('/ws/model.efp'));
            shared.workspace.LangiumDocuments.addDocument(library);
            shared.workspace.LangiumDocuments.addDocument(model);
            await shared.workspace.DocumentBuilder.build([library, model], { validation: true });
            const messages = (model.diagnostics ?? []).map(d => d.message);
            if (allow) {
                expect(reads).toEqual(['/etc/passwd', '/ws/runs/emissions.csv']);
                expect(messages.join('\n')).not.toContain('outside the workspace');
            } else {
                expect(reads).toEqual(['/ws/runs/emissions.csv']);
                expect(messages).toContainEqual(expect.stringContaining('cannot read ../etc/passwd: it is outside the workspace'));
            }
        }
    });
});

describe('importers never execute what they read', () => {
    function sources(dir: string): string[] {
        return readdirSync(dir).flatMap(name => {
            const path = join(dir, name);
            return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
        });
    }

    it('no eval, Function constructor, vm or dynamic require anywhere in src/ (the JSON and CSV importers parse data as data)', () => {
        const offenders: string[] = [];
        for (const file of sources('src')) {
            if (file.includes(`${join('src', 'language', 'generated')}`)) continue;
            const text = readFileSync(file, 'utf8');
            text.split('\n').forEach((line, i) => {
                const code = line.replace(/\/\/.*$/, '');
                if (/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|from ['"](node:)?vm['"]|\brequire\s*\(\s*[^'"\s)]/.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
            });
        }
        // the CLI loads the language server's bundle by its fixed path: that is not data
        expect(offenders.filter(o => !o.includes("createRequire(import.meta.url)(fileURLToPath(new URL('./language-server.cjs'"))).toEqual([]);
    });

    it('"__proto__" and "constructor" keys and ids in an e-footprint JSON pollute no prototype and crash nothing (regression: a class named constructor crashed the version upgrade)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-proto-'));
        try {
            const exported = await efp('export', 'examples/quickstart.efp');
            const json = exported.stdout.replaceAll('"Video streaming in France"', '"__proto__"');
            // a class named __proto__ and objects with ids that are Object.prototype's names
            const polluted = `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, ${json.trim().slice(1)}`
                .replace(/"id": "([^"]+)"/, '"id": "__proto__"');
            writeFileSync(join(dir, 'system.json'), polluted);
            const result = await efp('import', join(dir, 'system.json'));
            expect([0, 1]).toContain(result.code);
            expect(result.stderr).not.toContain('internal error');
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
            expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('a CodeCarbon CSV with "__proto__", "constructor" and formula-like cells is read as text', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-proto-csv-'));
        try {
            writeFileSync(join(dir, 'emissions.csv'), 'timestamp,project_name,run_id,duration,emissions,energy_consumed,__proto__,constructor\n'
                + '2025-01-01T00:00:00,"=cmd|\' /C calc\'!A0",r1,3600,0.5,1.2,{"polluted":1},x\n');
            const result = await efp('import', 'codecarbon', join(dir, 'emissions.csv'));
            expect(result.stderr).not.toContain('internal error');
            expect([0, 1]).toContain(result.code);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('the CLI piped into a reader that stops (regression: EPIPE crashed with a stack trace)', () => {
    it('efp eval | head exits quietly', () => {
        const out = execFileSync('bash', ['-c', `${JSON.stringify(process.execPath)} bin/efp.cjs eval --json examples/quickstart.efp | head -c 10 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        expect(out.trim()).toBe('exit 0');
    });
});
