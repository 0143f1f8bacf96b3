import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateModel } from './generator.js';
import { mutate } from './mutators.js';
import { EXAMPLES } from './corpus.js';
import { CALL_BUDGET_MS, hasStackTrace, iterations, recordFailure, rngFor, SUITE_TIMEOUT_MS } from './fuzz-config.js';

/**
 * A real `efp lsp --stdio` (the bundle, as editors run it) under didOpen/didChange storms of mutants, with
 * requests in between and after. Fails on an error response other than a cancellation, a request that
 * does not answer in time once the storm is over, a server that exits, or a stack trace on its stderr.
 */
const SUITE = 'lsp-stdio';
const STORMS = iterations(8);
/** Cancellations the protocol allows: RequestCancelled, ContentModified, ServerCancelled. */
const CANCELLED = new Set([-32800, -32801, -32802]);

describe('fuzzing the language server over stdio', () => {
    it(`${STORMS} storms of edits: the server answers every request and never dies`, async () => {
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
        const rootUri = pathToFileURL(dir).toString();
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
        try {
            await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'fuzz' }], capabilities: {} });
            await connection.sendNotification('initialized', {});
            for (let storm = 0; storm < STORMS; storm++) {
                const next = rngFor(SUITE, storm);
                const uri = pathToFileURL(join(dir, `storm${storm}.efp`)).toString();
                const base = next() < 0.3 ? generateModel(next) : EXAMPLES[storm % EXAMPLES.length].text;
                const texts = [base];
                await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: base } });
                const pending: Array<Promise<void>> = [];
                for (let version = 2; version < 30; version++) {
                    const text = mutate(texts[texts.length - 1].length > 0 && next() < 0.7 ? texts[texts.length - 1] : base, next);
                    texts.push(text);
                    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
                    const position = { line: Math.floor(next() * 40), character: Math.floor(next() * 30) };
                    // during the storm, answers may be cancelled by the next edit; they must not be errors
                    if (next() < 0.3) pending.push(request('textDocument/hover', { textDocument: { uri }, position }));
                    if (next() < 0.2) pending.push(request('textDocument/completion', { textDocument: { uri }, position }));
                }
                await Promise.all(pending);
                // once the storm is over, every feature answers within the budget
                const position = { line: Math.floor(next() * 20), character: Math.floor(next() * 20) };
                const last = { line: 10_000, character: 0 };
                await Promise.all([
                    request('textDocument/hover', { textDocument: { uri }, position }, 5 * CALL_BUDGET_MS),
                    request('textDocument/completion', { textDocument: { uri }, position }, 5 * CALL_BUDGET_MS),
                    request('textDocument/semanticTokens/full', { textDocument: { uri } }, 5 * CALL_BUDGET_MS),
                    request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }, 5 * CALL_BUDGET_MS),
                    request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: last }, context: { diagnostics: [] } }, 5 * CALL_BUDGET_MS),
                    request('textDocument/documentSymbol', { textDocument: { uri } }, 5 * CALL_BUDGET_MS),
                    request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: last } }, 5 * CALL_BUDGET_MS),
                    request('efp/footprint', { uri }, 5 * CALL_BUDGET_MS)
                ]);
                await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
                const problem = failures[0] ?? (exited !== undefined ? `the server exited (${exited})` : hasStackTrace(stderr) ? `stack trace on stderr:\n${stderr}` : undefined);
                if (problem) throw recordFailure(SUITE, storm, Object.fromEntries(texts.map((t, i) => [`v${i + 1}.efp`, t])), problem);
            }
        } finally {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            connection.dispose();
            server.kill();
            rmSync(dir, { recursive: true, force: true });
        }
        expect(failures).toEqual([]);
    }, SUITE_TIMEOUT_MS);
});
