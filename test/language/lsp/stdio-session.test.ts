import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, Hover, CompletionList } from 'vscode-languageserver-protocol';

/**
 * The bundled server as other editors run it (`efp lsp --stdio`), driven over JSON-RPC: open a file,
 * get its diagnostics, complete, hover, edit, close, shut down.
 */
const text = readFileSync('examples/quickstart.efp', 'utf8');
const uri = pathToFileURL(resolve('examples/quickstart-session.efp')).toString();

describe('efp lsp --stdio', () => {
    let server: ChildProcess;
    let connection: MessageConnection;
    const diagnostics: PublishDiagnosticsParams[] = [];

    const nextDiagnostics = (count: number) => new Promise<PublishDiagnosticsParams>((resolveDiagnostics, reject) => {
        const timer = setTimeout(() => reject(new Error('no diagnostics within 20 s')), 20_000);
        const poll = setInterval(() => {
            if (diagnostics.length >= count) {
                clearTimeout(timer);
                clearInterval(poll);
                resolveDiagnostics(diagnostics[count - 1]);
            }
        }, 20);
    });

    beforeAll(async () => {
        server = spawn(process.execPath, ['bin/efp.cjs', 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            if (params.uri === uri) diagnostics.push(params);
        });
        connection.onRequest('workspace/configuration', () => [null]);
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }) as { capabilities: Record<string, unknown> };
        expect(result.capabilities.hoverProvider).toBeTruthy();
        expect(result.capabilities.completionProvider).toBeTruthy();
        expect(result.capabilities.documentFormattingProvider).toBeTruthy();
        await connection.sendNotification('initialized', {});
    });

    afterAll(async () => {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
    });

    it('runs a session: open, diagnose, complete, hover, fix, close', async () => {
        const broken = text.replace('power: 300 W', 'power: 300 Wh');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: broken } });
        const first = await nextDiagnostics(1);
        expect(first.diagnostics.map(d => d.message)).toEqual(["'power' expects a power (W); `300 Wh` is an energy (kWh). Write it in W or a unit of the same kind."]);

        const line = broken.split('\n').findIndex(l => l.includes('idle_power: 50 W'));
        const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } }) as CompletionList;
        expect(completion.items.map(i => i.label)).toContain('fixed_nb_of_instances');

        const hoverLine = broken.split('\n').findIndex(l => l.includes('carbon_footprint_fabrication: 600 kg'));
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 4 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**600 kg**');

        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        const second = await nextDiagnostics(2);
        expect(second.diagnostics).toEqual([]);

        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
});
