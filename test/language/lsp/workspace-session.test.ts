import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/**
 * A workspace on disk: the server indexes its files at start, follows imports, and takes a change of
 * an imported file on disk into account in the files that import it.
 */
describe('efp lsp --stdio on a workspace folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'efp-ws-'));
    const infra = join(folder, 'infra.efp');
    const main = join(folder, 'main.efp');
    const mainUri = pathToFileURL(main).toString();
    let server: ChildProcess;
    let connection: MessageConnection;
    const published = new Map<string, PublishDiagnosticsParams[]>();

    const diagnosticsOf = async (uri: string, count: number) => {
        for (let waited = 0; waited < 20_000; waited += 25) {
            const list = published.get(uri) ?? [];
            if (list.length >= count) return list[count - 1].diagnostics.map(d => d.message);
            await new Promise(resolve => setTimeout(resolve, 25));
        }
        throw new Error(`no diagnostics #${count} for ${uri} within 20 s`);
    };

    beforeAll(async () => {
        writeFileSync(infra, 'storage disk from ssd {}\nserver web { power: 300 W  storage: disk }\n');
        writeFileSync(main, 'import "infra.efp"\njob call on web { ram_needed: web.ram / 1000 }\n');
        server = spawn(process.execPath, ['bin/efp.cjs', 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
        });
        connection.onRequest('workspace/configuration', () => [null]);
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        const folderUri = pathToFileURL(folder).toString();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'ws' }],
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
        await connection.sendNotification('initialized', {});
    });

    afterAll(async () => {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
    });

    it('resolves imports from disk and follows changes of the imported file', async () => {
        // the editor opens main.efp; infra.efp stays on disk, read by the server
        await connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: mainUri, languageId: 'efp', version: 1, text: 'import "infra.efp"\njob call on web { ram_needed: web.ram / 1000 }\n' }
        });
        expect(await diagnosticsOf(mainUri, 1)).toEqual([]);
        // the imported file changes on disk: its server is renamed, and main.efp's references break
        writeFileSync(infra, 'storage disk from ssd {}\nserver api { power: 300 W  storage: disk }\n');
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(infra).toString(), type: 2 }] });
        const broken = await diagnosticsOf(mainUri, 2);
        expect(broken).toContain("unknown object 'web'.");
        // and back
        writeFileSync(infra, 'storage disk from ssd {}\nserver web { power: 300 W  storage: disk }\n');
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(infra).toString(), type: 2 }] });
        expect(await diagnosticsOf(mainUri, 3)).toEqual([]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: mainUri } });
    });
});
