import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { handlerGuard } from '../../src/language/handler-guard.js';
import { startServer } from '../../src/language/main.js';
import type { EfpServices } from '../../src/language/efp-module.js';
import { clientSession, type LspSession } from './lsp-client.js';

/** The language server started in this process (main.ts's startServer), talking to a client over in-memory streams. */
export interface InProcessSession extends LspSession {
    /** The server's services, to inject faults and to look at what it keeps. */
    readonly Efp: EfpServices;
    /** The server's connection, to register more handlers as efp's own are. */
    readonly server: ReturnType<typeof createConnection>;
}

export async function startInProcessSession(initialize: Record<string, unknown> = { rootUri: null, workspaceFolders: null, capabilities: {} }, settings: unknown = null): Promise<InProcessSession> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // message readers and writers, not streams: a stream's end would make the connection exit the process
    const server = createConnection(handlerGuard(ProposedFeatures.all), new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const Efp = startServer(server);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    // no processId: the connection would watch that process and exit with it
    const session = await clientSession(client, { processId: null, ...initialize }, settings, () => undefined, async () => {
        client.dispose();
        server.dispose();
    });
    return { ...session, Efp, server };
}
