import '../platform/node20-polyfills.js';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEfpServices } from './efp-module.js';
import { registerFootprintRequest } from './evaluation/footprint-request.js';
import { registerValueAtRequest } from './evaluation/value-at.js';
import { registerDiffRequests } from './evaluation/diff-request.js';
import { registerGraphRequests } from './graphs/graph-requests.js';
import { EvaluateRequest } from './protocol.js';
import { CheckedFileSystem } from './workspace/checked-file-system.js';
import { registerFilePolicy } from './workspace/client-file-policy.js';

/** Starts the .efp language server on the transport given on the command line (--stdio, --node-ipc...). */
export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // files read from disk through efp's checked reader: size limits, strict UTF-8
    const { shared, Efp } = createEfpServices({ connection, ...CheckedFileSystem });
    registerFilePolicy(connection, shared);
    // created now: it listens to every build from the first one
    void Efp.evaluation.EvaluationPublisher;
    registerFootprintRequest(connection, Efp);
    registerValueAtRequest(connection, Efp);
    registerGraphRequests(connection, Efp);
    registerDiffRequests(connection, Efp);
    connection.onRequest(EvaluateRequest.method, (params: { uri: string }) => Efp.evaluation.EvaluationPublisher.evaluateNow(params.uri));
    startLanguageServer(shared);
}
