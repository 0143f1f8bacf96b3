import type { ExtensionContext } from 'vscode';
import type { Origin } from '../../engine/presentation.js';
import type { RequestDescriptor } from '../../language/protocol.js';

/**
 * What a webview panel needs from the extension: its context (for resource URIs and state), the
 * language server (the panels ask it for their data), and a way to show a place in a document. Panels
 * get it from `src/extension/main.ts`, which owns the client; tests can give them a fake.
 */
export interface PanelHost {
    readonly context: ExtensionContext;
    /** Sends a request to the efp language server. */
    request<P, R>(type: RequestDescriptor<P, R>, params: P): Promise<R>;
    /** Opens the document at `origin` and selects its range (a click on a graph node, a table row). */
    revealOrigin(origin: Origin): Promise<void>;
    /** The user's `efp.*` setting. */
    setting<T>(section: string, fallback: T): T;
}
