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
    stop(): Promise<void>;
}

/** `settings`: the client's `efp` settings section (the server pulls it when `initialize` allows). */
export async function startLspSession(initialize: Record<string, unknown> = { rootUri: null, workspaceFolders: null, capabilities: {} }, settings: unknown = null): Promise<LspSession> {
    const server: ChildProcess = spawn(process.execPath, ['bin/efp.cjs', 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let exitCode: number | null | undefined;
    server.on('exit', code => { exitCode = code; });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const log: string[] = [];
    connection.onNotification('window/logMessage', (params: { message: string }) => { log.push(params.message); });
    const published = new Map<string, PublishDiagnosticsParams[]>();
    const notifications = new Map<string, unknown[]>();
    const collect = (method: string) => connection.onNotification(method, (params: unknown) => {
        notifications.set(method, [...(notifications.get(method) ?? []), params]);
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    });
    // settings: none (defaults); dynamic registrations (file watchers): accepted
    connection.onRequest('workspace/configuration', () => [settings]);
    connection.onRequest('client/registerCapability', () => null);
    collect('efp/evaluated');
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, ...initialize }) as { capabilities: Record<string, unknown> };
    await connection.sendNotification('initialized', {});
    return {
        connection,
        capabilities: result.capabilities,
        exitCode: () => exitCode,
        log,
        async diagnostics(uri, count) {
            for (let waited = 0; waited < 20_000; waited += 25) {
                if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before diagnostics #${count} for ${uri}`);
                const list = published.get(uri) ?? [];
                if (list.length >= count) return list[count - 1].diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value));
                await new Promise(resolve => setTimeout(resolve, 25));
            }
            throw new Error(`no diagnostics #${count} for ${uri} within 20 s`);
        },
        async notification<T>(method: string, uri: string, count: number) {
            for (let waited = 0; waited < 20_000; waited += 25) {
                if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before ${method} #${count} for ${uri}`);
                const list = (notifications.get(method) ?? []).filter(p => (p as { uri?: string }).uri === uri);
                if (list.length >= count) return list[count - 1] as T;
                await new Promise(resolve => setTimeout(resolve, 25));
            }
            throw new Error(`no ${method} #${count} for ${uri} within 20 s`);
        },
        async stop() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            connection.dispose();
            server.kill();
        }
    };
}
