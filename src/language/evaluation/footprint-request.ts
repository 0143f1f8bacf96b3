import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import { FootprintRequest, type EncodedFootprintSeries, type FootprintParams, type FootprintResult } from '../protocol.js';
import { summarizeSystem, systemFootprintSeries, systemsOf } from '../../engine/index.js';

/** Answers the dashboard's `efp/footprint` request with the document's latest good results. */
export function registerFootprintRequest(connection: Connection, efp: EfpServices): void {
    connection.onRequest(FootprintRequest.method, (params: FootprintParams) => footprintFor(efp, params));
}

export async function footprintFor(efp: EfpServices, params: FootprintParams): Promise<FootprintResult> {
    const uri = URI.parse(params.uri);
    const documents = efp.shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) {
        return { uri: params.uri, version: 0, stale: true, systems: [], series: [], message: `${params.uri} is not open in the efp language server.` };
    }
    await efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const document = documents.getDocument(uri)!;
    const results = efp.evaluation.DocumentModels.resultsFor(document);
    if (!results) {
        return {
            uri: params.uri, version: document.textDocument.version, stale: true, systems: [], series: [],
            message: 'The model has not evaluated yet: fix the errors the Problems view lists, then save.'
        };
    }
    const { model, stale } = results;
    const systems = systemsOf(model);
    const series: EncodedFootprintSeries[] = systems.flatMap(system => systemFootprintSeries(model, system).map(s => ({
        systemId: system.id,
        category: s.category,
        phase: s.phase,
        values: Buffer.from(s.values.buffer, s.values.byteOffset, s.values.byteLength).toString('base64')
    })));
    return {
        uri: params.uri,
        version: efp.evaluation.DocumentModels.versionOf(model) ?? document.textDocument.version,
        stale,
        systems: systems.map(system => summarizeSystem(model, system)),
        series,
        message: systems.length === 0 ? 'The model declares no system: add `system my_service { usage_patterns: [...] }` to total its footprint.' : undefined
    };
}
