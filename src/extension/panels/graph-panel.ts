import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Origin } from '../../engine/presentation.js';
import { CalculusGraphRequest, ObjectGraphRequest, type CalculusGraphParams, type LaidOutGraph, type ObjectGraphParams } from '../../language/protocol.js';
import type { FromGraphWebview, GraphRequest, ToGraphWebview } from '../../webview/graph/messages.js';
import type { PanelHost } from './panel-host.js';
import { webviewHtml } from './webview-html.js';

/** The same document's uri however it was spelled (the server and VS Code may encode it differently). */
function documentKey(uri: string): string {
    return vscode.Uri.parse(uri).toString();
}

function fileName(uri: string): string {
    return path.posix.basename(vscode.Uri.parse(uri).path);
}

function webviewOptions(host: PanelHost): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(host.context.extensionUri, 'out', 'webview')] };
}

/**
 * A panel showing a graph the language server lays out (src/webview/graph draws it). The panel asks
 * the server, hands the answer to the webview, and does what the webview cannot: go to a definition,
 * ask again with other parameters, open another graph.
 *
 * The webview is rebuilt whenever VS Code hides and shows it again (no retainContextWhenHidden): the
 * panel keeps the latest graph and sends it again when the webview says it is `ready`. The webview
 * keeps the request and its pan and zoom in its state, which VS Code hands back after a window reload.
 */
abstract class GraphPanel<R extends GraphRequest> {
    private latest?: ToGraphWebview;
    /** The webview is listening (it sent `ready` and has not been hidden since). */
    private webviewReady = false;
    /** Numbers requests, so that a slow old answer never overwrites a newer one. */
    private requestCount = 0;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    protected constructor(protected readonly host: PanelHost, protected readonly panel: vscode.WebviewPanel, protected request: R) {
        panel.webview.options = webviewOptions(host);
        panel.webview.html = webviewHtml(panel.webview, host.context.extensionUri, 'graph', panel.title, vscode.Uri.joinPath);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => {
                // a hidden webview is torn down; it says `ready` again when shown
                if (!panel.visible) this.webviewReady = false;
            }),
            panel.webview.onDidReceiveMessage((message: FromGraphWebview) => this.onMessage(message))
        );
    }

    get uri(): string {
        return this.request.params.uri;
    }

    /** The server's graph for the current request. */
    protected abstract fetch(): Promise<LaidOutGraph>;

    /** The tab's title once the graph is known. */
    protected abstract titleFor(graph: LaidOutGraph): string;

    /** Removes the panel from its class's list of open panels. */
    protected abstract forget(): void;

    /** Asks the server for the graph and shows it; never throws. `keepView`: the same graph, updated. */
    async load(keepView: boolean): Promise<void> {
        const request = ++this.requestCount;
        this.post({ type: 'loading' });
        let message: ToGraphWebview;
        try {
            const graph = await this.fetch();
            message = { type: 'graph', request: this.request, graph, keepView };
            if (!graph.message) this.panel.title = this.titleFor(graph);
        } catch (error) {
            message = { type: 'failed', message: `The language server could not lay out the graph: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (this.disposed || request !== this.requestCount) return;
        this.latest = message;
        this.post(message);
    }

    reveal(): void {
        this.panel.reveal(undefined, false);
    }

    private post(message: ToGraphWebview): void {
        if (!this.webviewReady || this.disposed) return;
        void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: FromGraphWebview): Promise<void> {
        try {
            switch (message.type) {
                case 'ready':
                    this.webviewReady = true;
                    if (this.latest?.type === 'graph') this.post({ ...this.latest, keepView: false });
                    else await this.load(false);
                    break;
                case 'reveal':
                    if (isOrigin(message.origin)) await this.host.revealOrigin(message.origin);
                    break;
                case 'openCalculusGraph':
                    if (typeof message.object === 'string') {
                        await CalculusGraphPanel.show(this.host, this.uri, message.object, typeof message.attribute === 'string' ? message.attribute : undefined);
                    }
                    break;
                case 'toggleCollapse':
                case 'expandAll':
                    await this.collapse(message);
                    break;
            }
        } catch (error) {
            void vscode.window.showErrorMessage(`efp graph: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    /** Calculus graphs hide and show nodes' ancestors; other graphs have nothing to collapse. */
    protected async collapse(_message: Extract<FromGraphWebview, { type: 'toggleCollapse' | 'expandAll' }>): Promise<void> {}

    private dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.forget();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

type CalculusRequest = Extract<GraphRequest, { kind: 'calculus' }>;
type ObjectRequest = Extract<GraphRequest, { kind: 'object' }>;

/** The calculus graph of one value: what it is computed from, down to the inputs (one panel per value). */
export class CalculusGraphPanel extends GraphPanel<CalculusRequest> {
    static readonly viewType = 'efp.calculusGraph';
    private static readonly panels = new Set<CalculusGraphPanel>();

    private constructor(host: PanelHost, panel: vscode.WebviewPanel, params: CalculusGraphParams) {
        super(host, panel, { kind: 'calculus', params });
        CalculusGraphPanel.panels.add(this);
    }

    /** Opens the calculus graph of `object.attribute` (the object's footprint when no attribute), or brings its panel forward. */
    static async show(host: PanelHost, uri: string, object: string, attribute?: string): Promise<void> {
        const existing = [...CalculusGraphPanel.panels].find(p => documentKey(p.uri) === documentKey(uri)
            && p.request.params.object === object && p.request.params.attribute === attribute);
        if (existing) {
            existing.reveal();
            return;
        }
        const title = `Calculus graph: ${object}${attribute ? `.${attribute}` : ''}`;
        const panel = vscode.window.createWebviewPanel(CalculusGraphPanel.viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(host));
        // loads when the webview is ready
        new CalculusGraphPanel(host, panel, { uri, object, attribute });
    }

    /** The document was evaluated again: every calculus graph of it asks again, keeping pan, zoom and collapsed nodes. */
    static async refresh(_host: PanelHost, uri: string): Promise<void> {
        await Promise.all([...CalculusGraphPanel.panels].filter(p => documentKey(p.uri) === documentKey(uri)).map(p => p.load(true)));
    }

    /** Brings calculus graphs back after a window reload, from the request the webview saved. */
    static registerSerializer(host: PanelHost): vscode.Disposable {
        return vscode.window.registerWebviewPanelSerializer(CalculusGraphPanel.viewType, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const request = savedRequest(state);
                if (request?.kind !== 'calculus' || typeof request.params.object !== 'string') {
                    panel.dispose();
                    return;
                }
                const { uri, object, attribute, collapsed } = request.params;
                await openQuietly(uri);
                new CalculusGraphPanel(host, panel, { uri, object, attribute: typeof attribute === 'string' ? attribute : undefined, collapsed: stringList(collapsed) });
            }
        });
    }

    protected fetch(): Promise<LaidOutGraph> {
        return this.host.request(CalculusGraphRequest.type, this.request.params);
    }

    protected titleFor(graph: LaidOutGraph): string {
        return `Calculus graph: ${graph.title}`;
    }

    protected forget(): void {
        CalculusGraphPanel.panels.delete(this);
    }

    protected override async collapse(message: Extract<FromGraphWebview, { type: 'toggleCollapse' | 'expandAll' }>): Promise<void> {
        const collapsed = new Set(this.request.params.collapsed ?? []);
        if (message.type === 'expandAll') collapsed.clear();
        else if (typeof message.node === 'string' && !collapsed.delete(message.node)) collapsed.add(message.node);
        this.request = { kind: 'calculus', params: { ...this.request.params, collapsed: [...collapsed] } };
        await this.load(true);
    }
}

/** How a document's objects connect (one panel per document). */
export class ObjectGraphPanel extends GraphPanel<ObjectRequest> {
    static readonly viewType = 'efp.objectGraph';
    private static readonly panels = new Map<string, ObjectGraphPanel>();

    private constructor(host: PanelHost, panel: vscode.WebviewPanel, params: ObjectGraphParams) {
        super(host, panel, { kind: 'object', params });
        ObjectGraphPanel.panels.set(documentKey(params.uri), this);
    }

    static async show(host: PanelHost, uri: string): Promise<void> {
        const existing = ObjectGraphPanel.panels.get(documentKey(uri));
        if (existing) {
            existing.reveal();
            return;
        }
        const panel = vscode.window.createWebviewPanel(ObjectGraphPanel.viewType, `Object graph: ${fileName(uri)}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(host));
        new ObjectGraphPanel(host, panel, { uri });
    }

    static async refresh(_host: PanelHost, uri: string): Promise<void> {
        await ObjectGraphPanel.panels.get(documentKey(uri))?.load(true);
    }

    static registerSerializer(host: PanelHost): vscode.Disposable {
        return vscode.window.registerWebviewPanelSerializer(ObjectGraphPanel.viewType, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const request = savedRequest(state);
                if (request?.kind !== 'object' || ObjectGraphPanel.panels.has(documentKey(request.params.uri))) {
                    panel.dispose();
                    return;
                }
                await openQuietly(request.params.uri);
                new ObjectGraphPanel(host, panel, { uri: request.params.uri });
            }
        });
    }

    protected fetch(): Promise<LaidOutGraph> {
        return this.host.request(ObjectGraphRequest.type, this.request.params);
    }

    protected titleFor(): string {
        return `Object graph: ${fileName(this.uri)}`;
    }

    protected forget(): void {
        if (ObjectGraphPanel.panels.get(documentKey(this.uri)) === this) ObjectGraphPanel.panels.delete(documentKey(this.uri));
    }
}

/** The request a webview saved in its state, checked (the state is whatever an older version stored). */
function savedRequest(state: unknown): GraphRequest | undefined {
    if (typeof state !== 'object' || state === null || !('request' in state)) return undefined;
    const request = state.request as Partial<GraphRequest> | undefined;
    if (typeof request !== 'object' || request === null || typeof request.params?.uri !== 'string') return undefined;
    return request.kind === 'calculus' || request.kind === 'object' ? request as GraphRequest : undefined;
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The server knows only open documents: open one (without showing it) so that it evaluates. */
async function openQuietly(uri: string): Promise<void> {
    await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)).then(undefined, () => undefined);
}

function isOrigin(value: unknown): value is Origin {
    if (typeof value !== 'object' || value === null) return false;
    const origin = value as Partial<Origin>;
    return typeof origin.uri === 'string' && typeof origin.range?.start?.line === 'number' && typeof origin.range?.end?.line === 'number';
}
