import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Hover, CompletionList } from 'vscode-languageserver-protocol';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';

/**
 * The bundled server as other editors run it (`efp lsp --stdio`), driven over JSON-RPC: open a file,
 * get its diagnostics, complete, hover, edit, close, shut down.
 */
const text = readFileSync('examples/quickstart.efp', 'utf8');
const uri = pathToFileURL(resolve('examples/quickstart-session.efp')).toString();

describe('efp lsp --stdio', () => {
    let session: LspSession;

    beforeAll(async () => {
        session = await startLspSession();
        expect(session.capabilities.hoverProvider).toBeTruthy();
        expect(session.capabilities.completionProvider).toBeTruthy();
        expect(session.capabilities.documentFormattingProvider).toBeTruthy();
    });

    afterAll(() => session.stop());

    it('runs a session: open, diagnose, complete, hover, fix, close', async () => {
        const { connection } = session;
        const broken = text.replace('power: 300 W', 'power: 300 Wh');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: broken } });
        expect(await session.diagnostics(uri, 1)).toEqual(["'power' expects a power (W); `300 Wh` is an energy (kWh). Write it in W or a unit of the same kind."]);

        const line = broken.split('\n').findIndex(l => l.includes('idle_power: 50 W'));
        const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } }) as CompletionList;
        expect(completion.items.map(i => i.label)).toContain('fixed_nb_of_instances');

        const hoverLine = broken.split('\n').findIndex(l => l.includes('carbon_footprint_fabrication: 600 kg'));
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 4 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**600 kg**');

        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        expect(await session.diagnostics(uri, 2)).toEqual([]);

        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
});
