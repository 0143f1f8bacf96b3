import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';

/**
 * Model files efp does not read, in the editor: over the model-file size limit (EFP_MAX_MODEL_FILE_MB), or
 * not UTF-8 on disk. One diagnostic on the file, one on each line importing it; nothing evaluated from it,
 * and the rest of the workspace loads as usual.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const limit = process.env.EFP_MAX_MODEL_FILE_MB;
let session: LspSession | undefined;
let dir: string | undefined;

afterEach(async () => {
    if (limit === undefined) delete process.env.EFP_MAX_MODEL_FILE_MB;
    else process.env.EFP_MAX_MODEL_FILE_MB = limit;
    await session?.stop();
    session = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
});

describe('model files over the size limit', () => {
    it('an open document gets one diagnostic, with its size and the limit, and is not evaluated; its importers say why on the import line', async () => {
        process.env.EFP_MAX_MODEL_FILE_MB = '0.5';
        // 600 kB of valid model: comments after the quickstart
        const big = QUICKSTART + '// padding\n'.repeat(600 * 1024 / 11);
        const { documents: [bigDocument, main] } = await openWorkspace({ 'big.efp': big, 'main.efp': 'import "big.efp"\n' });
        const size = `${Math.ceil(big.length / 1024)} kB`;
        expect(bigDocument.diagnostics?.map(d => [d.message, d.range.start.line, d.range.start.character])).toEqual([
            [`efp does not read this file: it is ${size}, more than the 512 kB efp reads. Split the model into files that import each other, or set EFP_MAX_MODEL_FILE_MB to raise the limit.`, 0, 0]
        ]);
        expect(main.diagnostics?.map(d => d.message)).toEqual([
            `cannot import 'big.efp': it is ${size}, more than the 512 kB efp reads. Split the model into files that import each other, or set EFP_MAX_MODEL_FILE_MB to raise the limit.`
        ]);
    });

    it('under the limit, the same text is a model like any other', async () => {
        const { documents: [document] } = await openWorkspace({ 'big.efp': QUICKSTART + '// padding\n'.repeat(1000) });
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    });
});

describe('model files that are not UTF-8 on disk', () => {
    it('a Latin-1 file of the workspace, imported by an open document: the import line says where its first bad byte is', async () => {
        dir = mkdtempSync(join(tmpdir(), 'efp-latin-ws-'));
        writeFileSync(join(dir, 'latin.efp'), Buffer.from('network n "R\u00e9seau" from wifi_network {}\n', 'latin1'));
        writeFileSync(join(dir, 'other.efp'), 'server s { power: 1 W }\n');
        const folderUri = pathToFileURL(dir).toString();
        const mainUri = pathToFileURL(join(dir, 'main.efp')).toString();
        session = await startLspSession({ rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'ws' }], capabilities: {} });
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: mainUri, languageId: 'efp', version: 1, text: 'import "latin.efp"\nimport "other.efp"\n' }
        });
        expect(await session.diagnostics(mainUri, 1)).toEqual([
            'cannot import \'latin.efp\': it is not UTF-8 text: byte 0xE9 at line 1, column 13. '
            + 'Save it as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8)'
        ]);
    });
});
