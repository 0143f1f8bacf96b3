import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Origin } from '../../engine/presentation.js';
import { DiffRequest, type DiffAgainst } from '../../language/protocol.js';
import type { MassUnitSetting } from '../../webview/dashboard/messages.js';
import type { FromDiffWebview, ToDiffWebview } from '../../webview/diff/messages.js';
import type { PanelHost } from './panel-host.js';
import { webviewHtml } from './webview-html.js';

const MASS_UNITS: readonly MassUnitSetting[] = ['auto', 'g', 'kg', 't', 'kt'];

/** The same document's uri however it was spelled (the server and VS Code may encode it differently). */
function documentKey(uri: string): string {
    return vscode.Uri.parse(uri).toString();
}

function fileName(uri: string): string {
    return path.posix.basename(vscode.Uri.parse(uri).path);
}

/** One panel per document and comparison: `gitHead`, `lastSave`, `scenario:NAME`. */
function panelKey(uri: string, against: DiffAgainst): string {
    return `${documentKey(uri)}#${typeof against === 'string' ? against : `scenario:${against.scenario}`}`;
}

function titleOf(uri: string, against: DiffAgainst): string {
    if (against === 'gitHead') return `Diff: ${fileName(uri)} ↔ HEAD`;
    if (against === 'lastSave') return `Diff: ${fileName(uri)} ↔ last save`;
    return `Scenario: ${against.scenario}`;
}

function isAgainst(value: unknown): value is DiffAgainst {
    return value === 'gitHead' || value === 'lastSave'
        || (typeof value === 'object' && value !== null && typeof (value as { scenario?: unknown }).scenario === 'string');
}

/**
 * The emission diff of a document against its last commit, its file on disk, or one of its scenarios
 * against the baseline (src/webview/diff draws it). The panel asks the language server, hands the
 * answer to the webview and does what the webview cannot: go to a line. It compares again when the
 * document is evaluated (on save) and when asked to (Refresh, the command again).
 *
 * As the other panels, the webview is rebuilt whenever VS Code shows it again: the panel keeps the
 * latest answer and sends it again when the webview says it is `ready`.
 */
export class DiffPanel {
    static readonly viewType = 'efp.diff';
    private static readonly panels = new Map<string, DiffPanel>();

    private latest?: ToDiffWebview;
    private webviewReady = false;
    /** Numbers requests, so that a slow old answer never overwrites a newer one. */
    private requestCount = 0;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    private constructor(private readonly host: PanelHost, private readonly panel: vscode.WebviewPanel, private readonly uri: string, private readonly against: DiffAgainst) {
        DiffPanel.panels.set(panelKey(uri, against), this);
        panel.webview.options = DiffPanel.webviewOptions(host);
        panel.webview.html = webviewHtml(panel.webview, host.context.extensionUri, 'diff', panel.title, vscode.Uri.joinPath);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => {
                // a hidden webview is torn down; it says `ready` again when shown
                if (!panel.visible) this.webviewReady = false;
            }),
            panel.webview.onDidReceiveMessage((message: FromDiffWebview) => this.onMessage(message)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('efp.display.massUnit') && this.latest?.type === 'result') {
                    this.latest = { ...this.latest, massUnit: this.massUnit() };
                    this.post(this.latest);
                }
            })
        );
    }

    /** Opens the diff of the document at `uri` against `against`, or brings its open one forward and compares again. */
    static async show(host: PanelHost, uri: string, against: DiffAgainst): Promise<void> {
        uri = String(uri);
        const existing = DiffPanel.panels.get(panelKey(uri, against));
        if (existing) {
            existing.panel.reveal(undefined, false);
            await existing.load();
            return;
        }
        const panel = vscode.window.createWebviewPanel(DiffPanel.viewType, titleOf(uri, against),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, DiffPanel.webviewOptions(host));
        await new DiffPanel(host, panel, uri, against).load();
    }

    /** The document was evaluated again (saved): its diffs compare again. */
    static async refresh(_host: PanelHost, uri: string): Promise<void> {
        const key = documentKey(uri);
        await Promise.all([...DiffPanel.panels.values()].filter(p => documentKey(p.uri) === key).map(p => p.load()));
    }

    /** Brings diff panels back after a window reload, from what the webview saved. */
    static registerSerializer(host: PanelHost): vscode.Disposable {
        return vscode.window.registerWebviewPanelSerializer(DiffPanel.viewType, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const saved = typeof state === 'object' && state !== null ? state as { uri?: unknown; against?: unknown } : {};
                if (typeof saved.uri !== 'string' || !isAgainst(saved.against) || DiffPanel.panels.has(panelKey(saved.uri, saved.against))) {
                    panel.dispose();
                    return;
                }
                panel.title = titleOf(saved.uri, saved.against);
                const diff = new DiffPanel(host, panel, saved.uri, saved.against);
                // the server knows only open documents: open it (without showing it) so that it evaluates
                await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri)).then(undefined, () => undefined);
                await diff.load();
            }
        });
    }

    private static webviewOptions(host: PanelHost): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(host.context.extensionUri, 'out', 'webview')] };
    }

    /** Asks the server for the diff and shows it (or why there is none); never throws. */
    private async load(): Promise<void> {
        const request = ++this.requestCount;
        this.post({ type: 'loading' });
        let message: ToDiffWebview;
        try {
            const result = await this.host.request(DiffRequest.type, { uri: this.uri, against: this.against });
            message = { type: 'result', result, massUnit: this.massUnit() };
        } catch (error) {
            message = { type: 'error', message: error instanceof Error ? error.message : String(error) };
        }
        if (this.disposed || request !== this.requestCount) return;
        this.latest = message;
        this.post(message);
    }

    private post(message: ToDiffWebview): void {
        if (!this.webviewReady || this.disposed) return;
        void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: FromDiffWebview): Promise<void> {
        try {
            switch (message.type) {
                case 'ready':
                    this.webviewReady = true;
                    this.post({ type: 'document', uri: this.uri, against: this.against, fileName: fileName(this.uri) });
                    if (this.latest) this.post(this.latest);
                    break;
                case 'refresh':
                    await this.load();
                    break;
                case 'reveal':
                    if (isOrigin(message.origin)) await this.host.revealOrigin(message.origin);
                    break;
            }
        } catch (error) {
            void vscode.window.showErrorMessage(`efp diff: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private massUnit(): MassUnitSetting {
        const unit = this.host.setting<string>('display.massUnit', 'auto');
        return (MASS_UNITS as readonly string[]).includes(unit) ? (unit as MassUnitSetting) : 'auto';
    }

    private dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        const key = panelKey(this.uri, this.against);
        if (DiffPanel.panels.get(key) === this) DiffPanel.panels.delete(key);
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

function isOrigin(value: unknown): value is Origin {
    if (typeof value !== 'object' || value === null) return false;
    const origin = value as Partial<Origin>;
    return typeof origin.uri === 'string' && typeof origin.range?.start?.line === 'number' && typeof origin.range?.end?.line === 'number';
}
