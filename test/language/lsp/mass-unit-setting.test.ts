import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens } from 'vscode-languageserver';
import { startLspSession } from '../../helpers/lsp-client.js';

/**
 * `efp.display.massUnit` in a running server: the editor's lenses and hints write figures in the unit it
 * names, as the status bar and the dashboard do; when it changes (workspace/didChangeConfiguration), the
 * server asks the editor to ask for them again, since their text changed without an edit.
 */
describe('efp lsp --stdio and efp.display.massUnit', () => {
    it('writes the figures in the unit it names, and has them asked for again when it changes', async () => {
        const text = readFileSync('examples/quickstart.efp', 'utf8');
        const session = await startLspSession({
            rootUri: null, workspaceFolders: null,
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } }
        }, { display: { massUnit: 'auto' } });
        try {
            const { connection } = session;
            const uri = pathToFileURL(resolve('examples/quickstart-units.efp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text } });
            await session.notification('efp/evaluated', uri, 1);
            const systemLens = async () => {
                const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as CodeLens[];
                return lenses.find(l => l.command?.arguments?.[1] === 'streaming_platform')!.command!.title;
            };
            // e-footprint: 10,966,373 kg over 3 years, 3,655,458 kg a year
            expect(await systemLens()).toBe('Footprint: 3,655.5 t CO2e/year');
            await connection.sendNotification('workspace/didChangeConfiguration', { settings: { efp: { display: { massUnit: 'kt' } } } });
            await session.requested('workspace/codeLens/refresh', 1);
            await session.requested('workspace/inlayHint/refresh', 1);
            // in kilotonnes (auto stops at tonnes), four significant digits
            expect(await systemLens()).toBe('Footprint: 3.655 kt CO2e/year');
        } finally {
            await session.stop();
        }
    });
});
