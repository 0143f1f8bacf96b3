import { DocumentState, isOperationCancelled, URI } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import type { Model } from '../../engine/index.js';
import { CalculusGraphRequest, ObjectGraphRequest, type CalculusGraphParams, type LaidOutGraph, type ObjectGraphParams } from '../protocol.js';
import { calculusGraphView } from './calculus-graph-view.js';
import { graphMessage } from './graph-assembly.js';
import { objectGraphView } from './object-graph-view.js';

/** The model a panel shows: the current text's, else the last one that evaluated (then `stale`). */
interface PanelModel {
    readonly model?: Model;
    readonly stale: boolean;
    readonly message?: string;
}

async function panelModel(services: EfpServices, uri: string, token: CancellationToken): Promise<PanelModel> {
    const parsed = URI.parse(uri);
    const documents = services.shared.workspace.LangiumDocuments;
    // waiting for a document the workspace does not have throws
    if (!documents.hasDocument(parsed)) return { stale: false, message: `${uri} is not open in the efp language server.` };
    // answer from the text the user sees, not from one a change in flight is replacing
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
    const document = documents.getDocument(parsed);
    if (!document) return { stale: false, message: `${uri} is not open in the efp language server.` };
    const models = services.evaluation.DocumentModels;
    const current = models.modelFor(document);
    const model = models.latestModelFor(document);
    if (!model) return { stale: false, message: 'The model has errors and has not evaluated yet: fix them to see the graph.' };
    return { model, stale: model !== current };
}

/** Langium's cancellation becomes LSP's, which clients expect for a request overtaken by a newer one. */
async function cancellable<T>(answer: () => Promise<T>): Promise<T | ResponseError<void>> {
    try {
        return await answer();
    } catch (e) {
        if (isOperationCancelled(e)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        throw e;
    }
}

// the views are laid out asynchronously (Graphviz): the model is held until they are done
async function calculusGraphFor(services: EfpServices, params: CalculusGraphParams, token: CancellationToken): Promise<LaidOutGraph> {
    const { model, stale, message } = await panelModel(services, params.uri, token);
    const title = `${params.object}${params.attribute ? `.${params.attribute}` : ''}`;
    if (!model) return graphMessage('calculus', title, message ?? 'No model.', stale);
    return services.evaluation.DocumentModels.reading(model,
        held => calculusGraphView(held, params.object, params.attribute, { collapsed: params.collapsed, maxNodes: params.maxNodes, stale }));
}

async function objectGraphFor(services: EfpServices, params: ObjectGraphParams, token: CancellationToken): Promise<LaidOutGraph> {
    const { model, stale, message } = await panelModel(services, params.uri, token);
    if (!model) return graphMessage('object', 'Object graph', message ?? 'No model.', stale);
    return services.evaluation.DocumentModels.reading(model, held => objectGraphView(held, { stale }));
}

/** Answers the graph panels' requests (`efp/calculusGraph`, `efp/objectGraph`) on the server's connection. */
export function registerGraphRequests(connection: Pick<Connection, 'onRequest'>, services: EfpServices): void {
    connection.onRequest(CalculusGraphRequest.method,
        (params: CalculusGraphParams, token: CancellationToken) => cancellable(() => calculusGraphFor(services, params, token)));
    connection.onRequest(ObjectGraphRequest.method,
        (params: ObjectGraphParams, token: CancellationToken) => cancellable(() => objectGraphFor(services, params, token)));
}
