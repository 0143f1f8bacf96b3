import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { EXAMPLES } from './corpus.js';
import { CALL_BUDGET_MS, hasStackTrace } from './fuzz-config.js';

/** Cancellations the protocol allows: RequestCancelled, ContentModified, ServerCancelled. */
const CANCELLED = new Set([-32800, -32801, -32802]);

/**
 * A real `efp lsp --stdio` (the bundle, as editors run it) in a scratch workspace, and what the stdio
 * fuzzer holds it to: no error response other than a cancellation, no request over its budget, no exit,
 * no stack trace on its stderr.
 */
export interface LspSession {
    readonly connection: MessageConnection;
    readonly dir: string;
    /** Sends a request; an error answer (not a cancellation) or one slower than `budget` ms is a failure. */
    request(method: string, params: unknown, budget?: number): Promise<void>;
    /** The first failure, the server's exit or a stack trace it printed; undefined while all is well. */
    problem(): string | undefined;
    readonly failures: readonly string[];
    close(): Promise<void>;
}

export async function startLspSession(): Promise<LspSession> {
    const dir = mkdtempSync(join(tmpdir(), 'efp-fuzz-lsp-'));
    writeFileSync(join(dir, 'quickstart.efp'), EXAMPLES[0].text);
    const server = spawn(process.execPath, ['bin/efp.cjs', 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let exited: number | null | undefined;
    server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    server.on('exit', code => { exited = code; });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', () => [null]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const failures: string[] = [];
    const request = async (method: string, params: unknown, budget?: number) => {
        const started = performance.now();
        try {
            await connection.sendRequest(method, params);
        } catch (e) {
            if (!(e instanceof ResponseError && CANCELLED.has(e.code))) failures.push(`${method} answered an error: ${(e as Error).message}`);
        }
        const took = performance.now() - started;
        if (budget !== undefined && took > budget) failures.push(`${method} took ${Math.round(took)} ms (budget ${budget} ms)`);
    };
    const rootUri = pathToFileURL(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'fuzz' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    return {
        connection, dir, request, failures,
        problem: () => failures[0] ?? (exited !== undefined ? `the server exited (${exited})` : hasStackTrace(stderr) ? `stack trace on stderr:\n${stderr}` : undefined),
        async close() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            connection.dispose();
            server.kill();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

/** Once edits have settled, every feature answers within the budget. */
export async function settledRequests(session: LspSession, uri: string, position: { line: number; character: number }): Promise<void> {
    const last = { line: 10_000, character: 0 };
    const budget = 5 * CALL_BUDGET_MS;
    await Promise.all([
        session.request('textDocument/hover', { textDocument: { uri }, position }, budget),
        session.request('textDocument/completion', { textDocument: { uri }, position }, budget),
        session.request('textDocument/semanticTokens/full', { textDocument: { uri } }, budget),
        session.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, budget),
        session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: last }, context: { diagnostics: [] } }, budget),
        session.request('textDocument/documentSymbol', { textDocument: { uri } }, budget),
        session.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: last } }, budget),
        session.request('efp/footprint', { uri }, budget)
    ]);
}
