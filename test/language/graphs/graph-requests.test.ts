import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { createEfpServices, type EfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { registerGraphRequests } from '../../../src/language/graphs/graph-requests.js';
import { CalculusGraphRequest, ObjectGraphRequest, type CalculusGraphParams, type LaidOutGraph, type ObjectGraphParams } from '../../../src/language/protocol.js';
import { openWorkspace } from '../../helpers/language-workspace.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

type Handler = (params: unknown, token: CancellationToken) => Promise<unknown>;

/** The server's request handlers, as registered on a connection that only records them. */
function handlersOf(Efp: EfpServices): { calculus(params: CalculusGraphParams): Promise<LaidOutGraph>; object(params: ObjectGraphParams): Promise<LaidOutGraph> } {
    const handlers = new Map<string, Handler>();
    const connection = { onRequest: (method: string, handler: Handler) => handlers.set(method, handler) };
    registerGraphRequests(connection as unknown as Pick<Connection, 'onRequest'>, Efp);
    expect([...handlers.keys()].sort()).toEqual([CalculusGraphRequest.method, ObjectGraphRequest.method].sort());
    const call = (method: string) => async (params: unknown) => (await handlers.get(method)!(params, CancellationToken.None)) as LaidOutGraph;
    return { calculus: call(CalculusGraphRequest.method), object: call(ObjectGraphRequest.method) };
}

describe('graph requests (efp/calculusGraph, efp/objectGraph)', () => {
    it('answer an open document\'s graphs', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': quickstart });
        const server = handlersOf(Efp);
        const uri = document.uri.toString();
        const calculus = await server.calculus({ uri, object: 'web', attribute: 'load_energy_footprint' });
        expect(calculus).toMatchObject({ kind: 'calculus', root: 'web.load_energy_footprint', stale: false });
        expect(calculus.nodes.find(n => n.id === 'web.power')?.value).toBe('300 W');
        const objects = await server.object({ uri });
        expect(objects.nodes).toHaveLength(12);
        expect(objects.stale).toBe(false);
    });

    it('keep collapsed nodes and the size limit of the request', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': quickstart });
        const server = handlersOf(Efp);
        const graph = await server.calculus({ uri: document.uri.toString(), object: 'streaming_platform', maxNodes: 5, collapsed: ['streaming_platform.total_footprint'] });
        expect(graph.nodes.map(n => n.id)).toEqual(['streaming_platform.total_footprint']);
        // the system's total is computed from 77 other values
        expect(graph.hidden).toBe(77);
        expect(graph.nodes[0].hidden).toBe(77);
    });

    it('answer with a message for a document the server does not have', async () => {
        const { Efp } = await openWorkspace({ 'quickstart.efp': quickstart });
        const graph = await handlersOf(Efp).calculus({ uri: 'file:///nowhere/missing.efp', object: 'web' });
        expect(graph.nodes).toEqual([]);
        expect(graph.message).toBe('file:///nowhere/missing.efp is not open in the efp language server.');
    });

    it('show the last model that evaluated, marked stale, while the text is broken', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI)));
        const server = handlersOf(Efp);
        const uri = 'file:///virtual/graphs/editing.efp';
        const edit = async (version: number, text: string) => {
            setTextDocument(Efp, TextDocument.create(uri, 'efp', version, text));
            await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        };
        const power = async () => {
            const graph = await server.calculus({ uri, object: 'web', attribute: 'power' });
            return { stale: graph.stale, value: graph.nodes[0]?.value, message: graph.message };
        };

        await edit(1, quickstart.replace('power: 300 W', '}{ broken'));
        expect(await power()).toEqual({ stale: false, value: undefined, message: 'The model has errors and has not evaluated yet: fix them to see the graph.' });
        await edit(2, quickstart);
        expect(await power()).toEqual({ stale: false, value: '300 W', message: undefined });
        await edit(3, quickstart.replace('power: 300 W', 'power: 300 Wh'));
        expect(await power()).toEqual({ stale: true, value: '300 W', message: undefined });
        expect((await server.object({ uri })).stale).toBe(true);
        await edit(4, quickstart.replace('power: 300 W', 'power: 450 W'));
        expect(await power()).toEqual({ stale: false, value: '450 W', message: undefined });
    });
});
