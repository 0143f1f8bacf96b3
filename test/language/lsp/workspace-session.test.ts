import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';

/** The model the editor opens: a job on infra.efp's server, and the system it counts in. */
const MAIN = [
    'import "infra.efp"',
    'model { start_date: 2025-01-01  modeling_duration: 1 year }',
    'job call on web { ram_needed: web.ram / 1000 }',
    'usage_journey_step step { user_time_spent: 1 min  jobs: [call] }',
    'usage_journey visit { uj_steps: [step] }',
    'usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi_network  country: France  hourly_usage_journey_starts: 100 }',
    'system shop { usage_patterns: [users] }', ''
].join('\n');

/**
 * A workspace on disk: the server indexes its files at start, follows imports, and takes a change of
 * an imported file on disk into account in the files that import it.
 */
describe('efp lsp --stdio on a workspace folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'efp-ws-'));
    const infra = join(folder, 'infra.efp');
    const main = join(folder, 'main.efp');
    const mainUri = pathToFileURL(main).toString();
    let session: LspSession;

    beforeAll(async () => {
        writeFileSync(infra, 'storage disk from ssd {}\nserver web { power: 300 W  storage: disk }\n');
        writeFileSync(main, MAIN);
        const folderUri = pathToFileURL(folder).toString();
        session = await startLspSession({
            rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'ws' }],
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
    });

    afterAll(() => session.stop());

    it('resolves imports from disk and follows changes of the imported file', async () => {
        // the editor opens main.efp; infra.efp stays on disk, read by the server
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: mainUri, languageId: 'efp', version: 1, text: MAIN }
        });
        expect(await session.diagnostics(mainUri, 1)).toEqual([]);
        // the imported file changes on disk: its server is renamed, and main.efp's references break
        writeFileSync(infra, 'storage disk from ssd {}\nserver api { power: 300 W  storage: disk }\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(infra).toString(), type: 2 }] });
        const broken = await session.diagnostics(mainUri, 2);
        expect(broken).toContain("unknown object 'web'.");
        // and back
        writeFileSync(infra, 'storage disk from ssd {}\nserver web { power: 300 W  storage: disk }\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(infra).toString(), type: 2 }] });
        expect(await session.diagnostics(mainUri, 3)).toEqual([]);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: mainUri } });
    });
});
