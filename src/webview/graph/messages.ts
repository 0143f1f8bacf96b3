/**
 * The contract between a graph panel (src/extension/panels/graph-panel.ts) and its webview: the
 * messages each side posts, and the state the webview keeps so that VS Code can restore the panel
 * after a window reload. Types only, shared by both bundles.
 */
import type { Origin } from '../../engine/presentation.js';
import type { CalculusGraphParams, LaidOutGraph, ObjectGraphParams } from '../../language/protocol.js';

/** What a panel shows: the request it sends the language server. */
export type GraphRequest =
    | { readonly kind: 'calculus'; readonly params: CalculusGraphParams }
    | { readonly kind: 'object'; readonly params: ObjectGraphParams };

/** Panel → webview. */
export type ToGraphWebview =
    /**
     * A graph to draw. `keepView`: the same graph again (the document changed, a node was collapsed):
     * keep the user's pan and zoom rather than fitting the graph to the view.
     */
    | { readonly type: 'graph'; readonly request: GraphRequest; readonly graph: LaidOutGraph; readonly keepView: boolean }
    /** The language server is computing the graph. */
    | { readonly type: 'loading' }
    /** The request failed (the server is not running, an internal error). */
    | { readonly type: 'failed'; readonly message: string };

/** Webview → panel. */
export type FromGraphWebview =
    /** The page is loaded: send the graph. */
    | { readonly type: 'ready' }
    /** Show where a node is defined in its document. */
    | { readonly type: 'reveal'; readonly origin: Origin }
    /** Hide or show again a calculus graph node's ancestors. */
    | { readonly type: 'toggleCollapse'; readonly node: string }
    /** Show every collapsed node's ancestors again. */
    | { readonly type: 'expandAll' }
    /** Open the calculus graph of a value (an object's footprint when no attribute). */
    | { readonly type: 'openCalculusGraph'; readonly object: string; readonly attribute?: string };

/** Pan and zoom: a graph point p is drawn at `p * scale + (x, y)` in the canvas. */
export interface GraphViewport {
    readonly x: number;
    readonly y: number;
    readonly scale: number;
}

/** Kept by VS Code with the webview (`setState`), handed to the panel serializer after a reload. */
export interface GraphWebviewState {
    readonly request: GraphRequest;
    readonly viewport?: GraphViewport;
}
