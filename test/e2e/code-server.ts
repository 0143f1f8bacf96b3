// Starts and stops a throw-away code-server (VS Code 1.100 in a browser) for the end-to-end tests.
// scripts/install-code-server.sh installs it into .cache/code-server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = path.join(ROOT, '.cache/code-server/node_modules/code-server/out/node/entry.js');

/**
 * User settings that keep the workbench free of everything that could cover the editor or steal
 * focus: the workspace-trust dialog, welcome/walkthrough pages, tips, update and telemetry prompts.
 */
const USER_SETTINGS = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    // A stable, uncluttered editor makes screenshots and DOM queries deterministic
    'editor.minimap.enabled': false,
    // Hovers stay on (the language server's hovers are under test); the tests park the pointer
    // outside the editor whenever no hover is wanted, so none can cover a screenshot
    'editor.hover.enabled': true,
    'files.autoSave': 'off'
};

export interface CodeServerOptions {
    /** The packaged extension to install before starting. */
    vsix: string;
    /** Files copied into the workspace folder that VS Code opens (name in workspace -> source path). */
    workspaceFiles: Record<string, string>;
    /** Where code-server's own output goes (kept for debugging failed runs). */
    logFile: string;
    /**
     * false: the workspace opens untrusted, in VS Code's Restricted Mode (without the trust prompt),
     * as a folder cloned from a stranger's pull request would. Default: trust is off, every folder trusted.
     */
    trusted?: boolean;
    /** User settings added to the test's own (they win over them). */
    userSettings?: Record<string, unknown>;
    /** Called with the workspace folder and its parent after the files are copied: links, files outside it. */
    prepare?: (workspace: string, home: string) => void;
}

export interface CodeServer {
    /** Workbench URL with the workspace folder already opened. */
    readonly url: string;
    readonly workspace: string;
    /** Stops code-server and every process it started, then deletes its folders. Safe to call twice. */
    stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
    if (!fs.existsSync(ENTRY)) {
        throw new Error(`code-server is not installed (${ENTRY} missing): run scripts/install-code-server.sh`);
    }
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'efp-e2e-'));
    const dirs = {
        userData: path.join(home, 'user-data'),
        extensions: path.join(home, 'extensions'),
        workspace: path.join(home, 'workspace'),
        // code-server and VS Code write a default config, logs and a device id under the user's
        // home: point every such folder into the throw-away one
        config: path.join(home, 'config'),
        data: path.join(home, 'data'),
        cache: path.join(home, 'cache')
    };
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    const trusted = options.trusted ?? true;
    const trustSettings = trusted ? {} : { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };
    const settings = { ...USER_SETTINGS, ...trustSettings, ...options.userSettings };
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    for (const [name, source] of Object.entries(options.workspaceFiles)) {
        fs.mkdirSync(path.dirname(path.join(dirs.workspace, name)), { recursive: true });
        fs.copyFileSync(source, path.join(dirs.workspace, name));
    }
    options.prepare?.(dirs.workspace, home);
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache };
    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry'];

    try {
        // Installs exactly like a user would, from the .vsix, into the fresh extensions folder
        const { stdout } = await promisify(execFile)(process.execPath, [ENTRY, ...common, '--install-extension', options.vsix], {
            env,
            timeout: 120_000
        });
        if (!/successfully installed/i.test(stdout)) throw new Error(`installing ${options.vsix} failed:\n${stdout}`);

        const port = await freePort();
        fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
        const log = fs.openSync(options.logFile, 'w');
        const child = spawn(
            process.execPath,
            [ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-update-check', ...(trusted ? ['--disable-workspace-trust'] : []), dirs.workspace],
            // Own process group: stop() kills it as a whole, including the extension host and the
            // language server that code-server forks
            { env, detached: true, stdio: ['ignore', log, log] }
        );
        fs.closeSync(log);
        const kill = (signal: NodeJS.Signals) => killGroup(child, signal);
        // Last resort if the test process dies without running its teardown
        process.once('exit', () => kill('SIGKILL'));

        const server: CodeServer = {
            url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
            workspace: dirs.workspace,
            async stop() {
                kill('SIGTERM');
                if (!(await exited(child, 10_000))) {
                    kill('SIGKILL');
                    await exited(child, 5_000);
                }
                // Grandchildren may outlive the leader for a moment; make sure none is left
                kill('SIGKILL');
                fs.rmSync(home, { recursive: true, force: true });
            }
        };
        try {
            await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, child, 120_000, options.logFile);
        } catch (error) {
            await server.stop();
            throw error;
        }
        return server;
    } catch (error) {
        fs.rmSync(home, { recursive: true, force: true });
        throw error;
    }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined) return;
    try {
        process.kill(-child.pid, signal);
    } catch {
        // ESRCH: the group is already gone
    }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}

/** Asks the OS for a port nobody listens on (tiny race until code-server binds it; fine for tests). */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(logFile)}`);
        }
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`code-server was not ready after ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function tail(file: string, lines = 30): string {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}
