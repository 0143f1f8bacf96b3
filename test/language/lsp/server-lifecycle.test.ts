import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';

/** What the server says of these snippets, a server or a job alone: no model yet (test/language/one-verdict.test.ts). */
const NO_SYSTEM = 'this model declares no system, so it has no footprint to total. '
    + 'Add a usage pattern and a system that lists it, `system my_service { usage_patterns: [my_users] }` (examples/quickstart.efp is a whole model).';

/**
 * The bundled server (`efp lsp --stdio`) through a session an editor could have: documents of any
 * scheme opened, closed and opened again, the server alive and answering after each step.
 */
describe('efp lsp --stdio: documents of any kind come and go', () => {
    let session: LspSession;
    const folder = mkdtempSync(join(tmpdir(), 'efp-lifecycle-'));

    beforeAll(async () => {
        session = await startLspSession();
    });

    afterAll(async () => {
        await session.stop();
        rmSync(folder, { recursive: true, force: true });
    });

    it('an untitled buffer opened, closed and reopened, then another file: the server answers', async () => {
        const { connection } = session;
        const untitled = 'untitled:Untitled-1';
        // an unknown name: the buffer is relinked whenever another document changes
        const text = 'storage disk from ssd {}\nserver web { power: 300 W  storage: zzqx_missing }\n';
        const open = () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'efp', version: 1, text } });
        await open();
        expect(await session.diagnostics(untitled, 1)).toEqual(["unknown name 'zzqx_missing'.", NO_SYSTEM]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
        await open();
        const other = pathToFileURL(join(folder, 'other.efp')).toString();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'efp', version: 1, text: text.replace('zzqx_missing', 'disk') } });
        expect(await session.diagnostics(other, 1)).toEqual([NO_SYSTEM]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: text.replace('zzqx_missing', 'disk').replace('300 W', '310 W') }] });
        expect(await session.diagnostics(other, 2)).toEqual([NO_SYSTEM]);
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 1, character: 14 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**310 W**');
        expect(session.exitCode()).toBeUndefined();
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
    });

    it('a closed untitled buffer leaves the workspace: its problems are cleared, its names are gone', async () => {
        const { connection } = session;
        const untitled = 'untitled:Untitled-2';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'efp', version: 1, text: 'server lonely { storage: zzqx_missing }\n' } });
        expect(await session.diagnostics(untitled, 1)).toEqual(["unknown name 'zzqx_missing'.", NO_SYSTEM]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: untitled } });
        expect(await session.diagnostics(untitled, 2)).toEqual([]);
        // `lonely` was the buffer's: a file naming it no longer finds it
        const file = pathToFileURL(join(folder, 'names.efp')).toString();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file, languageId: 'efp', version: 1, text: 'job call on lonely {}\n' } });
        expect(await session.diagnostics(file, 1)).toEqual(["unknown object 'lonely'.", NO_SYSTEM]);
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: file } });
    });
});
