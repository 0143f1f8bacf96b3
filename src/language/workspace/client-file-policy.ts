import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { fileAccessPolicy } from '../data-files.js';
import { FilePolicyNotification, type FilePolicyParams } from '../protocol.js';

/**
 * The language server's file policy, as the client grants it (src/language/protocol.ts, FilePolicyParams):
 * in `initialize`, then on every change. A client that says nothing (an editor without workspace trust)
 * gets the safe default: nothing outside the workspace, git allowed. In an untrusted workspace nothing
 * outside it is read, whatever the client says of the setting.
 */
export function applyFilePolicy(shared: LangiumSharedServices, params: unknown): void {
    const given = (typeof params === 'object' && params !== null ? params : {}) as Partial<FilePolicyParams>;
    const policy = fileAccessPolicy(shared);
    policy.workspaceTrusted = given.workspaceTrusted !== false;
    policy.allowOutside = given.allowOutsideWorkspace === true && policy.workspaceTrusted;
}

export function registerFilePolicy(connection: Connection, shared: LangiumSharedServices): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        applyFilePolicy(shared, (params.initializationOptions as { filePolicy?: unknown } | undefined)?.filePolicy);
    });
    connection.onNotification(FilePolicyNotification.method, async (params: unknown) => {
        applyFilePolicy(shared, params);
        // what was read, or refused, under the old policy is read again under the new one
        const documents = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(documents, [], token));
    });
}
