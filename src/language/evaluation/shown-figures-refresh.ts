import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { logInternalFault } from '../handler-guard.js';

/**
 * Code lenses and inlay hints show figures of a document's model, and an editor asks for them again
 * only when that document's own text changes. A model also changes without an edit of its text: a file
 * it imports or a data file it reads changed on disk, or an import open in another editor was edited.
 * Its document is then validated again at the same version; after such a build the server asks the
 * editor to ask again (LSP's workspace/codeLens/refresh and workspace/inlayHint/refresh, where the
 * editor supports them), so that no figure in the editor stays behind the status bar's. So does a change
 * of efp's settings: `efp.display.massUnit` rewrites every figure (and the switches of the lenses and
 * hints turn them on or off), which the editor does not know.
 */
export function refreshShownFigures(shared: LangiumSharedServices, connection: Connection): void {
    let support = { codeLens: false, inlayHint: false };
    shared.lsp.LanguageServer.onInitialize(params => {
        const workspace = params.capabilities.workspace;
        support = { codeLens: workspace?.codeLens?.refreshSupport === true, inlayHint: workspace?.inlayHint?.refreshSupport === true };
    });
    /** The version of each open document's text at its last validation. */
    const validated = new Map<string, number>();
    const texts = shared.workspace.TextDocuments;
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        let unedited = false;
        for (const document of documents) {
            const uri = document.uri.toString();
            const open = texts.get(uri);
            if (!open) {
                validated.delete(uri);
                continue;
            }
            if (validated.get(uri) === open.version) unedited = true;
            validated.set(uri, open.version);
        }
        if (unedited) refresh();
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'efp') refresh();
    });

    function refresh(): void {
        const failed = (what: string) => (error: unknown) => logInternalFault(connection.console, what, undefined, error);
        if (support.codeLens) connection.sendRequest(CodeLensRefreshRequest.type).catch(failed('workspace/codeLens/refresh'));
        if (support.inlayHint) connection.languages.inlayHint.refresh().catch(failed('workspace/inlayHint/refresh'));
    }
}
