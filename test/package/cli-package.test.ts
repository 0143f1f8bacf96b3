import { beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The npm package as a user gets it: `npm run pack:cli`'s tarball installed into a clean folder outside
 * the repository, then its `efp` command and its engine API run from there.
 */
const run = promisify(execFile);
const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'efp-package-'));
const project = join(work, 'project');
let tarball: string;
let packed: { files: { path: string; size: number }[]; size: number; unpackedSize: number };
let installLog: { stdout: string; stderr: string };

beforeAll(async () => {
    await run(process.execPath, ['scripts/build-cli-package.mjs'], { cwd: root });
    const { stdout } = await run('npm', ['pack', './packages/efp', '--pack-destination', work, '--json'], { cwd: root });
    [packed] = JSON.parse(stdout) as (typeof packed)[];
    tarball = join(work, 'efp-lang-efp-0.1.0.tgz'.replace('0.1.0', JSON.parse(readFileSync('package.json', 'utf8')).version));
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-project', private: true }));
    installLog = await run('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund'], { cwd: project, env: { ...process.env, npm_config_update_notifier: 'false' } });
}, 180_000);

describe('the npm package @efp-lang/efp', () => {
    it('holds its bundles, types, examples, templates and notices, and nothing else (no source, map or test)', () => {
        expect(packed.files.map(f => f.path).sort()).toEqual([
            'LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'bin/efp.cjs',
            'dist/cli.cjs', 'dist/index.cjs', 'dist/index.d.ts', 'dist/language-server.cjs',
            'examples/budgets.efp', 'examples/edge_device_group.efp', 'examples/quickstart.efp', 'examples/scenarios.efp', 'examples/services.efp',
            'package.json',
            'templates/cloud-instances/model.efp', 'templates/edge-fleet/model.efp', 'templates/genai-feature/model.efp',
            'templates/ml-training-codecarbon/emissions.csv', 'templates/ml-training-codecarbon/model.efp',
            'templates/video-streaming/model.efp', 'templates/web-application/model.efp'
        ]);
        // 2.2 MB packed, 8.0 MB installed when this was written
        expect(packed.size).toBeLessThan(3_000_000);
        const notices = readFileSync('packages/efp/THIRD-PARTY-NOTICES.md', 'utf8');
        for (const bundled of ['langium', 'chevrotain', 'mathjs', 'luxon', 'commander', '@viz-js/viz']) expect(notices).toContain(`| ${bundled} |`);
        expect(notices).toContain('Our World in Data');
    });

    it('installs with no dependency and no warning', () => {
        expect(installLog.stderr).toBe('');
        expect(installLog.stdout).toMatch(/added 1 package/);
        const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@efp-lang/efp/package.json'), 'utf8'));
        expect(manifest.dependencies).toBeUndefined();
        expect(manifest.engines.node).toBe('>=20.10');
    });

    it('runs `npx efp eval` on a shipped example: the footprint e-footprint gives', async () => {
        const { stdout, stderr } = await run('npx', ['--no-install', 'efp', 'eval', 'node_modules/@efp-lang/efp/examples/quickstart.efp'], { cwd: project });
        expect(stderr).toBe('');
        // e-footprint 22.2.1's system totals for this model (test/fixtures/efootprint/quickstart.outputs.json.gz)
        expect(stdout).toContain('Total footprint: 10,966.4 t CO2e over the period');
        const version = await run('npx', ['--no-install', 'efp', '--version'], { cwd: project });
        expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    });

    it('runs `npx efp init`: the template shipped beside its bundle, written and evaluated', async () => {
        const { stdout, stderr } = await run('npx', ['--no-install', 'efp', 'init', 'footprint', '--template', 'ml-training-codecarbon'], { cwd: project });
        expect(stderr).toBe('');
        expect(stdout).toContain('efp: wrote the ml-training-codecarbon template into footprint:\n  footprint/model.efp\n  footprint/emissions.csv\n');
        expect(readFileSync(join(project, 'footprint/model.efp'), 'utf8')).toBe(readFileSync('templates/ml-training-codecarbon/model.efp', 'utf8'));
        const check = await run('npx', ['--no-install', 'efp', 'check', 'footprint/model.efp'], { cwd: project });
        expect(check.stdout).toBe('footprint/model.efp: no problems found\n');
    });

    it('gives the engine API to import() and require(), with its types', async () => {
        const script = `
            const { loadModel, EFOOTPRINT_VERSION } = await import('@efp-lang/efp');
            const model = await loadModel('node_modules/@efp-lang/efp/examples/quickstart.efp');
            const [s] = model.systems();
            console.log(JSON.stringify({ v: EFOOTPRINT_VERSION, fabrication: s.fabrication, energy: s.energy, cjs: typeof require('@efp-lang/efp').loadModelText }));`;
        const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', `(async () => { ${script} })()`], { cwd: project });
        const result = JSON.parse(stdout) as { v: string; fabrication: number; energy: number; cjs: string };
        expect(result.v).toBe('22.2.1');
        expect(result.cjs).toBe('function');
        // e-footprint 22.2.1: the sums of the quickstart's system totals by phase
        expect(result.fabrication / 1000).toBeCloseTo(7231.8, 1);
        expect(result.energy / 1000).toBeCloseTo(3734.6, 1);
        const types = readFileSync(join(project, 'node_modules/@efp-lang/efp/dist/index.d.ts'), 'utf8');
        expect(types).toMatch(/export declare function loadModel\(path: string, options\?: LoadOptions\): Promise<EfpModel>;/);
        expect(types).not.toMatch(/from ['"]/);
    });

    it('runs the language server for other editors: `efp lsp --stdio` answers initialize', async () => {
        const server = spawn(process.execPath, [join(project, 'node_modules/.bin/efp'), 'lsp', '--stdio'], { cwd: project });
        try {
            const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
            server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
            let received = '';
            const answer = await new Promise<{ id: number; result: { capabilities: Record<string, unknown> } }>((resolve, reject) => {
                server.on('error', reject);
                server.stdout.on('data', (d: Buffer) => {
                    received += d.toString();
                    const framed = /Content-Length: (\d+)\r\n\r\n/.exec(received);
                    const start = framed ? framed.index + framed[0].length : -1;
                    if (framed && Buffer.byteLength(received.slice(start)) >= Number(framed[1])) resolve(JSON.parse(received.slice(start)) as never);
                });
            });
            expect(answer.id).toBe(1);
            expect(answer.result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true });
            expect(answer.result.capabilities.completionProvider).toBeDefined();
        } finally {
            server.kill();
        }
    });

    it('types a TypeScript script that uses it (strict, Node16 resolution)', async () => {
        writeFileSync(join(project, 'footprint.mts'), `
            import { loadModel, compareModels, type EfpModel, type SystemFootprintSummary } from '@efp-lang/efp';
            const model: EfpModel = await loadModel('node_modules/@efp-lang/efp/examples/quickstart.efp');
            const systems: SystemFootprintSummary[] = model.systems();
            const kg: number = systems[0].total + compareModels(model, model).summary.total.change;
            const line: number | undefined = model.errors[0]?.line;
            // @ts-expect-error a model has no such method: the types say what there is
            model.evaluate();
            console.log(kg, line, model.explain('web.power').formula.length);
        `);
        const tsc = join(root, 'node_modules/typescript/bin/tsc');
        const result = await run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'node16', '--target', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'footprint.mts'], { cwd: project })
            .catch((e: { stdout: string }) => ({ stdout: e.stdout }));
        expect(result.stdout).toBe('');
    });
});
