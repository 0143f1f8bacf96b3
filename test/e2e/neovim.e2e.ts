import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/**
 * Neovim (Debian's package, 0.7.2 on Debian 12) driving `efp lsp --stdio` through the config that
 * docs/editor.md gives, loaded as it is from docs/editors/neovim.lua: the file gets its filetype, the
 * server starts and reports the mistake on its line, the fix takes the error back, K shows a computed
 * value with its formula, and completion offers an input the object lacks. `efp` on the PATH is the
 * bundled CLI (bin/efp.cjs), as `npm install --global @efp-lang/efp` installs it.
 *
 * Needs `nvim` on the PATH (or $EFP_NVIM): `.ci/run` installs Debian's with scripts/install-neovim.sh.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const NVIM = process.env.EFP_NVIM ?? 'nvim';
const CONFIG = path.join(ROOT, 'docs/editors/neovim.lua');
const DRIVER = path.join(ROOT, 'test/e2e/neovim/drive.lua');
/** How long Neovim waits for each answer of the server (the evaluation of the quickstart takes ~1 s). */
const WAIT_MS = 60_000;

const POWER_ERROR = "'power' expects a power (W); `300 Wh` is an energy (kWh). Write it in W or a unit of the same kind.";

// The quickstart with one mistake (an energy for a power), and a server outside the system whose
// fabrication footprint names the SSD's computed one: a value with a formula to hover
const model = fs.readFileSync(path.join(ROOT, 'examples/quickstart.efp'), 'utf8').replace('power: 300 W\n', 'power: 300 Wh\n')
    + '\nserver mirror { storage: ssd  carbon_footprint_fabrication: ssd.carbon_footprint_fabrication * 2 }\n';
const lines = model.split('\n');
const lineOf = (needle: string) => lines.findIndex(l => l.includes(needle));

interface Seen {
    version: string;
    filetype: string;
    commentstring: string;
    clients: string[];
    omnifunc: string;
    brokenInTime: boolean;
    broken: Array<{ line: number; message: string; severity: number }>;
    fixedInTime: boolean;
    fixed: Array<{ line: number; message: string; severity: number }>;
    hoverWindow: string[];
    hoverMarkdown: string;
    completion: string[];
    error?: string;
}

/** Neovim's version, or undefined when there is no `nvim` to run. */
function nvimVersion(): string | undefined {
    try {
        return execFileSync(NVIM, ['--version'], { encoding: 'utf8' }).split('\n')[0];
    } catch {
        return undefined;
    }
}

describe('Neovim with the documented config (docs/editors/neovim.lua) and efp lsp', () => {
    let home: string;
    let seen: Seen;

    beforeAll(async () => {
        const version = nvimVersion();
        if (!version) {
            throw new Error(`Neovim is not installed (no \`${NVIM}\` to run): run scripts/install-neovim.sh (Debian: apt-get install neovim), or set EFP_NVIM to its path`);
        }
        if (!fs.existsSync(path.join(ROOT, 'out/cli.cjs'))) throw new Error('out/cli.cjs is missing: run node esbuild.mjs');
        console.log(`Neovim under test: ${version}`);

        home = fs.mkdtempSync(path.join(os.tmpdir(), 'efp-e2e-nvim-'));
        const workspace = path.join(home, 'project');
        fs.mkdirSync(path.join(workspace, '.git'), { recursive: true }); // the config's project root
        fs.writeFileSync(path.join(workspace, 'model.efp'), model);
        // `efp` as the global install puts it on the PATH
        const bin = path.join(home, 'bin');
        fs.mkdirSync(bin);
        const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
        fs.writeFileSync(path.join(bin, 'efp'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(path.join(ROOT, 'bin/efp.cjs'))} "$@"\n`, { mode: 0o755 });

        const powerLine = lineOf('power: 300 Wh');
        const plan = {
            result: path.join(home, 'seen.json'),
            timeout: WAIT_MS,
            fix: { line: powerLine, text: lines[powerLine].replace('300 Wh', '300 W') },
            hover: { line: lineOf('server mirror'), character: lines[lineOf('server mirror')].indexOf('ssd.carbon_footprint_fabrication') + 'ssd.'.length + 2 },
            completion: { line: lineOf('idle_power: 50 W'), character: 2 }
        };
        fs.writeFileSync(path.join(home, 'plan.json'), JSON.stringify(plan));
        // Neovim's own files (logs, state, shada) stay in the throw-away folder; -u: the documented
        // config as the user's init; the driver runs once the file is open
        const env = {
            ...process.env,
            PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
            XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'),
            XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
            EFP_NVIM_PLAN: path.join(home, 'plan.json'), EFP_NVIM_DRIVER: DRIVER
        };
        try {
            await promisify(execFile)(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', CONFIG, 'model.efp', '-c', 'lua dofile(vim.env.EFP_NVIM_DRIVER)'], {
                cwd: workspace, env, timeout: 6 * WAIT_MS, encoding: 'utf8'
            });
        } catch (error) {
            const { stdout, stderr } = error as { stdout?: string; stderr?: string };
            throw new Error(`nvim failed: ${String(error)}\n${stdout ?? ''}\n${stderr ?? ''}`);
        }
        seen = JSON.parse(fs.readFileSync(plan.result, 'utf8')) as Seen;
        expect(seen.error).toBeUndefined();
    });

    afterAll(() => {
        if (home) fs.rmSync(home, { recursive: true, force: true });
    });

    it('gives .efp files the filetype efp and starts efp lsp on them', () => {
        expect(seen.filetype).toBe('efp');
        expect(seen.commentstring).toBe('// %s');
        expect(seen.clients).toEqual(['efp']);
        expect(seen.omnifunc).toBe('v:lua.vim.lsp.omnifunc');
    });

    it('shows the mistake on its line (0-based in Neovim), then takes it back once fixed', () => {
        expect(seen.brokenInTime).toBe(true);
        expect(seen.broken).toContainEqual({ line: lineOf('power: 300 Wh'), message: POWER_ERROR, severity: 1 });
        expect(seen.fixedInTime).toBe(true);
        // what stays is the hint (severity 4) about the server that no system uses
        expect(seen.fixed).toEqual([{ line: lineOf('server mirror'), message: expect.stringContaining('server mirror is not used by any system') as string, severity: 4 }]);
    });

    it('K on a computed value shows its value and formula, with no command: link', () => {
        // e-footprint's SSD archetype: 160 kg/TB × the quickstart's 1 TB = 160 kg
        const shown = seen.hoverWindow.join('\n');
        expect(shown).toContain('ssd.carbon_footprint_fabrication');
        expect(shown).toContain('160 kg');
        expect(shown).toContain('carbon_footprint_fabrication = carbon_footprint_fabrication_per_storage_capacity × storage_capacity');
        expect(seen.hoverMarkdown).toContain('**160 kg**');
        expect(seen.hoverMarkdown).not.toContain('command:');
        expect(shown).not.toContain('Calculus graph');
    });

    it('completes the inputs a server lacks', () => {
        expect(seen.completion).toContain('fixed_nb_of_instances');
    });
});
