import { describe, expect, it } from 'vitest';
import { startLspSession } from '../../helpers/lsp-client.js';

/**
 * `efp lsp --stdio` asks to be told of settings changes (`client/registerCapability` for
 * `workspace/didChangeConfiguration`) only of a client that says it takes that registration: Emacs's
 * Eglot reads settings but refuses it, with a warnings buffer each time the server starts.
 */
async function registeredMethods(workspace: Record<string, unknown>): Promise<string[]> {
    const session = await startLspSession({ rootUri: null, workspaceFolders: null, capabilities: { workspace } });
    try {
        // the server registers, then asks for the settings: once asked, every registration has come
        await session.requested('workspace/configuration', 1);
        return session.registrations.map(r => r.method);
    } finally {
        await session.stop();
    }
}

describe('efp lsp --stdio: registering for settings changes', () => {
    it('registers with a client that takes it (VS Code)', async () => {
        expect(await registeredMethods({ configuration: true, didChangeConfiguration: { dynamicRegistration: true } }))
            .toContain('workspace/didChangeConfiguration');
    });

    it('does not with a client that reads settings but takes no registration (Eglot, as Emacs 28 with eglot 1.9 says)', async () => {
        expect(await registeredMethods({ configuration: true, didChangeConfiguration: { dynamicRegistration: false } }))
            .not.toContain('workspace/didChangeConfiguration');
        expect(await registeredMethods({ configuration: true }))
            .not.toContain('workspace/didChangeConfiguration');
    });
});
