import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** A running `efp lsp --stdio` (the bundled CLI) and a JSON-RPC connection to it, as an editor has. */
export interface LspSession {
    readonly connection: MessageConnection;
    /** The server's capabilities from `initialize`. */
    readonly capabilities: Record<string, unknown>;
    /** The messages of the `count`-th diagnostics published for `uri` (waits up to 20 s). */
    diagnostics(uri: string, count: number): Promise<string[]>;
    /** The `count`-th notification `method` the server sent about `uri` (waits up to 20 s). */
    notification<T>(method: string, uri: string, count: number): Promise<T>;
    /** The server's exit code once it has exited (a crash), undefined while it runs. */
    exitCode(): number | null | undefined;
    /** The lines the server logged (`window/logMessage`). */
    readonly log: string[];
    /** What the server registered with the client (`client/registerCapability`): file watchers, settings. */
    readonly registrations: Array<{ method: string; registerOptions?: unknown }>;
    /** Resolves once the server has sent request `method` (a refresh: workspace/codeLens/refresh..., or workspace/configuration) `count` times (waits up to 20 s). */
    requested(method: string, count: number): Promise<void>;
    /** How many times the server has sent request `method` so far. */
    requestCount(method: string): number;
    stop(): Promise<void>;
}

/** `settings`: the client's `efp` settings section (the server pulls it when `initialize` allows). */
export async function startLspSession(initialize: Record<string, unknown> = { rootUri: null, workspaceFolders: null, capabilities: {} }, settings: unknown = null): Promise<LspSession> {
    const server: ChildProcess = spawn(process.execPath, ['bin/efp.cjs', 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let exitCode: number | null | undefined;
    server.on('exit', code => { exitCode = code; });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    return clientSession(connection, { processId: process.pid, ...initialize }, settings, () => exitCode, async () => {
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
    });
}

/**
 * The editor's side of a session on `connection`: initialized, with diagnostics, notifications and log
 * lines collected. `stop` ends the server once it has been asked to shut down.
 */
export async function clientSession(
    connection: MessageConnection, initialize: Record<string, unknown>, settings: unknown,
    exitCode: () => number | null | undefined, stop: () => Promise<void>
): Promise<LspSession> {
    const log: string[] = [];
    connection.onNotification('window/logMessage', (params: { message: string }) => { log.push(params.message); });
    const published = new Map<string, PublishDiagnosticsParams[]>();
    const notifications = new Map<string, unknown[]>();
    /** Checks waiting for a message, run on each one that comes (and every 100 ms, to see an exit). */
    const waiting = new Set<() => void>();
    const arrived = () => waiting.forEach(check => check());
    const collect = (method: string) => connection.onNotification(method, (params: unknown) => {
        notifications.set(method, [...(notifications.get(method) ?? []), params]);
        arrived();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
        arrived();
    });
    // the editor re-asks for what a refresh names; here they are only counted, as are the server's
    // requests for settings
    const requests = new Map<string, number>();
    const count = (method: string) => {
        requests.set(method, (requests.get(method) ?? 0) + 1);
        arrived();
    };
    // settings: none (defaults); dynamic registrations (file watchers): accepted
    connection.onRequest('workspace/configuration', () => {
        count('workspace/configuration');
        return [settings];
    });
    const registrations: Array<{ method: string; registerOptions?: unknown }> = [];
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
        registrations.push(...params.registrations);
        return null;
    });
    collect('efp/evaluated');
    for (const method of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
        connection.onRequest(method, () => {
            count(method);
            return null;
        });
    }
    connection.listen();
    const result = await connection.sendRequest('initialize', initialize) as { capabilities: Record<string, unknown> };
    await connection.sendNotification('initialized', {});
    /** The value `found` gives once it gives one (20 s at most). */
    const waitFor = <T>(what: string, found: () => T | undefined) => new Promise<T>((resolve, reject) => {
        const done = () => {
            clearInterval(poll);
            clearTimeout(timeout);
            waiting.delete(check);
        };
        const check = () => {
            if (exitCode() !== undefined) {
                done();
                reject(new Error(`the server exited (${exitCode()}) before ${what}`));
                return;
            }
            const value = found();
            if (value === undefined) return;
            done();
            resolve(value);
        };
        const poll = setInterval(check, 100);
        const timeout = setTimeout(() => {
            done();
            reject(new Error(`no ${what} within 20 s`));
        }, 20_000);
        waiting.add(check);
        check();
    });
    return {
        connection,
        capabilities: result.capabilities,
        exitCode,
        log,
        registrations,
        diagnostics(uri, count) {
            return waitFor(`diagnostics #${count} for ${uri}`, () => {
                const list = published.get(uri) ?? [];
                return list.length >= count ? list[count - 1].diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)) : undefined;
            });
        },
        notification<T>(method: string, uri: string, count: number) {
            return waitFor(`${method} #${count} for ${uri}`, () => {
                const list = (notifications.get(method) ?? []).filter(p => (p as { uri?: string }).uri === uri);
                return list.length >= count ? list[count - 1] as T : undefined;
            });
        },
        requested(method, count) {
            return waitFor(`request ${method} #${count}`, () => ((requests.get(method) ?? 0) >= count ? true : undefined)).then(() => undefined);
        },
        requestCount: method => requests.get(method) ?? 0,
        async stop() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await stop();
        }
    };
}
