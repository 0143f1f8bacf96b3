import '../platform/node20-polyfills.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEfpServices } from './efp-module.js';

/** Starts the .efp language server on the transport given on the command line (--stdio, --node-ipc...). */
export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createEfpServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
