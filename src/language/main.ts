import '../platform/node20-polyfills.js';
import { startLanguageServer } from 'langium/lsp';
import { DocumentState } from 'langium';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createEfpServices, type EfpServices } from './efp-module.js';
import { registerFootprintRequest } from './evaluation/footprint-request.js';
import { registerValueAtRequest } from './evaluation/value-at.js';
import { registerDiffRequests } from './evaluation/diff-request.js';
import { registerGraphRequests } from './graphs/graph-requests.js';
import { BuiltinLibraryRequest, EvaluateRequest } from './protocol.js';
import { builtinLibraryText } from './builtin-library.js';
import { handlerGuard, logInternalFault } from './handler-guard.js';
import { CheckedFileSystem } from './workspace/checked-file-system.js';
import { registerFilePolicy } from './workspace/client-file-policy.js';
import { refreshShownFigures } from './evaluation/shown-figures-refresh.js';

/** The connection an editor talks to, on the transport given on the command line (--stdio, --node-ipc...). */
export function createServerConnection(): Connection {
    return createConnection(handlerGuard(ProposedFeatures.all));
}

/**
 * Starts the .efp language server on a connection (made with `handlerGuard`'s features, so that no
 * handler can take it down).
 */
export function startServer(connection: Connection = createServerConnection()): EfpServices {
    // files read from disk through efp's checked reader: size limits, strict UTF-8
    const { shared, Efp } = createEfpServices({ connection, ...CheckedFileSystem });
    registerFilePolicy(connection, shared);
    // hover links and code actions name efp's commands only for a client that runs them (the extension)
    Efp.client.Commands.listen(shared);
    // lenses and hints follow a model that changed without an edit of its text (a file changed on disk)
    refreshShownFigures(shared, connection);
    // created now: it listens to every build from the first one
    void Efp.evaluation.EvaluationPublisher;
    registerFootprintRequest(connection, Efp);
    registerValueAtRequest(connection, Efp);
    registerGraphRequests(connection, Efp);
    registerDiffRequests(connection, Efp);
    connection.onRequest(EvaluateRequest.method, (params: { uri: string }) => Efp.evaluation.EvaluationPublisher.evaluateNow(params.uri));
    // the library has one text, whatever its URI's query or fragment
    connection.onRequest(BuiltinLibraryRequest.method, () => builtinLibraryText());
    // figures shown while typing wait for the evaluation of the text (debounced, cancellable) rather
    // than evaluate each keystroke's text themselves
    startLanguageServer(shared, { HoverProvider: DocumentState.Validated, InlayHintProvider: DocumentState.Validated, CodeLensProvider: DocumentState.Validated });
    return Efp;
}

/**
 * The last net under the handlers' guard, for work no handler waits for (a timer, a promise nobody
 * awaits): a fault there is logged and the server goes on, where Node would exit.
 */
export function keepServerAlive(connection: Connection): void {
    process.on('unhandledRejection', error => logInternalFault(connection.console, 'background work', undefined, error));
    process.on('uncaughtException', error => logInternalFault(connection.console, 'background work', undefined, error));
}
