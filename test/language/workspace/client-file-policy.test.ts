import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';
import type { DiffResult } from '../../../src/language/protocol.js';

/**
 * What the language server may read is the client's to say (initializationOptions.filePolicy, then
 * efp/filePolicy), never the workspace's own settings; in an untrusted workspace it reads nothing
 * outside and runs no git.
 */
const CSV = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');
const MODEL = 'measurement lora { file: "../secret/emissions.csv"  project_name: "llm-lora-finetune" }\nsystem measured { measurements: [lora] }\n';
const REFUSED = 'cannot read ../secret/emissions.csv: it is outside the workspace';

let dir: string;
let folderUri: string;
let modelUri: string;
let session: LspSession | undefined;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-client-policy-'));
    mkdirSync(join(dir, 'ws'));
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret', 'emissions.csv'), CSV);
    writeFileSync(join(dir, 'ws', 'model.efp'), MODEL);
    folderUri = pathToFileURL(join(dir, 'ws')).toString();
    modelUri = pathToFileURL(join(dir, 'ws', 'model.efp')).toString();
});
afterEach(async () => {
    await session?.stop();
    session = undefined;
    rmSync(dir, { recursive: true, force: true });
});

async function start(initializationOptions: unknown, workspaceSettings: unknown = null): Promise<LspSession> {
    session = await startLspSession({
        rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'ws' }], initializationOptions,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }
    }, workspaceSettings);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: modelUri, languageId: 'efp', version: 1, text: MODEL } });
    return session;
}

describe('the client\'s file policy', () => {
    it('a workspace\'s own settings (efp.files.allowOutsideWorkspace: true) do not let its model read outside it', async () => {
        const s = await start(undefined, { files: { allowOutsideWorkspace: true } });
        expect(await s.diagnostics(modelUri, 1)).toContainEqual(expect.stringContaining(REFUSED));
    });

    it('the user\'s setting, passed by the client, does; not in an untrusted workspace', async () => {
        const trusted = await start({ filePolicy: { allowOutsideWorkspace: true, workspaceTrusted: true } });
        expect((await trusted.diagnostics(modelUri, 1)).join('\n')).not.toContain('outside the workspace');
        await trusted.stop();
        const untrusted = await start({ filePolicy: { allowOutsideWorkspace: true, workspaceTrusted: false } });
        expect(await untrusted.diagnostics(modelUri, 1)).toContainEqual(expect.stringContaining(REFUSED));
    });

    it('the workspace trusted later (efp/filePolicy): the model is read again under the new policy', async () => {
        const s = await start({ filePolicy: { allowOutsideWorkspace: true, workspaceTrusted: false } });
        expect(await s.diagnostics(modelUri, 1)).toContainEqual(expect.stringContaining(REFUSED));
        await s.connection.sendNotification('efp/filePolicy', { allowOutsideWorkspace: true, workspaceTrusted: true });
        for (let count = 2; ; count++) {
            const messages = await s.diagnostics(modelUri, count);
            if (!messages.some(m => m.includes(REFUSED))) break;
        }
    });

    it('a link inside the workspace to a folder outside it leads outside: an import through it is refused on its line', async () => {
        writeFileSync(join(dir, 'secret', 'infra.efp'), 'server far { power: 1 W }\n');
        symlinkSync('../secret', join(dir, 'ws', 'link'));
        const s = await start(undefined);
        const importerUri = pathToFileURL(join(dir, 'ws', 'importer.efp')).toString();
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: importerUri, languageId: 'efp', version: 1, text: 'import "link/infra.efp"\n' } });
        expect(await s.diagnostics(importerUri, 1)).toEqual([expect.stringMatching(/^cannot import 'link\/infra\.efp': it is outside the workspace\. /)]);
    });

    it('no git in an untrusted workspace: Compare with git HEAD says why', async () => {
        execFileSync('git', ['init', '-q'], { cwd: join(dir, 'ws') });
        const s = await start({ filePolicy: { allowOutsideWorkspace: false, workspaceTrusted: false } });
        await s.diagnostics(modelUri, 1);
        const result = await s.connection.sendRequest('efp/diff', { uri: modelUri, against: 'gitHead' }) as DiffResult;
        expect(result.messageKind).toBe('error');
        expect(result.message).toBe('efp does not run git in an untrusted workspace (a repository\'s configuration can make git run programs): '
            + 'trust the workspace to compare with HEAD, or compare with the last save.');
    });
});
