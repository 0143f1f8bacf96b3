import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Whether the client runs efp's commands (`efp.showCalculusGraph`, `efp.showFootprint`): the VS Code
 * extension says so when it starts the server (`initializationOptions.efpCommands`, src/language/protocol.ts).
 * Another editor running `efp lsp` does not: it gets no `command:` links in hovers and no code actions
 * that would do nothing there (in Neovim a `command:` link reads as a link and opens nothing).
 */
export class ClientCommands {
    /** True when the client runs efp's commands: links and actions may name them. Set from `initialize`. */
    runsEfpCommands = false;

    /** Reads the client's word in `initialize`. */
    listen(shared: LangiumSharedServices): void {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.runsEfpCommands = (params.initializationOptions as { efpCommands?: unknown } | undefined)?.efpCommands === true;
        });
    }
}
