import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Origin } from '../../engine/presentation.js';
import { FootprintRequest } from '../../language/protocol.js';
import type { MassUnitSetting, PanelToWebview, WebviewToPanel } from '../../webview/dashboard/messages.js';
import type { PanelHost } from './panel-host.js';
import { webviewHtml } from './webview-html.js';
import { writeExport } from './export-file.js';

const MASS_UNITS: readonly MassUnitSetting[] = ['auto', 'g', 'kg', 't', 'kt'];
const PNG_PREFIX = 'data:image/png;base64,';

/** The same document's uri however it was spelled (the server and VS Code may encode it differently). */
function documentKey(uri: string): string {
    return vscode.Uri.parse(uri).toString();
}

/**
 * The footprint dashboard of one .efp document (one panel per document). It asks the language server
 * for the footprint and hands it to the webview (src/webview/dashboard), which draws it; it does what
 * the webview cannot: go to an object's definition, write exported files.
 *
 * The webview is rebuilt whenever VS Code hides and shows it again (no retainContextWhenHidden: the
 * data is large, and the webview keeps its own UI state), so the panel keeps the latest data and sends
 * it again each time the webview says it is `ready`.
 */
export class FootprintPanel {
    static readonly viewType = 'efp.footprint';

    private static readonly panels = new Map<string, FootprintPanel>();

    /** The latest answer, sent again whenever the webview reloads. */
    private latest?: PanelToWebview;
    /** A system to show, asked for by `show`, sent with the next results. */
    private pendingSystem?: string;
    /** The webview is listening (it sent `ready` and has not been hidden since). */
    private webviewReady = false;
    /** Numbers requests, so that a slow old answer never overwrites a newer one. */
    private requestCount = 0;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    private constructor(private readonly host: PanelHost, private readonly panel: vscode.WebviewPanel, private readonly uri: string) {
        FootprintPanel.panels.set(documentKey(uri), this);
        panel.webview.options = FootprintPanel.webviewOptions(host);
        panel.webview.html = webviewHtml(panel.webview, host.context.extensionUri, 'dashboard', panel.title, vscode.Uri.joinPath);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => {
                // a hidden webview is torn down; it says `ready` again when shown
                if (!panel.visible) this.webviewReady = false;
            }),
            panel.webview.onDidReceiveMessage((message: WebviewToPanel) => this.onMessage(message)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('efp.display.massUnit')) this.post({ type: 'settings', massUnit: this.massUnit() });
            }),
            vscode.languages.onDidChangeDiagnostics(event => {
                if (this.latest?.type === 'result' && this.latest.result.stale && event.uris.some(u => documentKey(u.toString()) === documentKey(this.uri))) {
                    const errors = this.errorCount();
                    this.latest = { ...this.latest, errors };
                    this.post({ type: 'errors', errors });
                }
            })
        );
    }

    /** Opens the dashboard of the document at `uri`, or brings its open one forward; `system` picks the system shown. */
    static async show(host: PanelHost, uri: string, system?: string): Promise<void> {
        // editor/title menus pass the command a Uri, not a string
        uri = String(uri);
        const existing = FootprintPanel.panels.get(documentKey(uri));
        if (existing) {
            existing.pendingSystem = system;
            existing.panel.reveal(undefined, true);
            await existing.load();
            return;
        }
        const panel = vscode.window.createWebviewPanel(FootprintPanel.viewType, FootprintPanel.titleOf(uri),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, FootprintPanel.webviewOptions(host));
        const footprint = new FootprintPanel(host, panel, uri);
        footprint.pendingSystem = system;
        await footprint.load();
    }

    /** Sends new results to the document's dashboard, if it is open (the document was evaluated again). */
    static async refresh(_host: PanelHost, uri: string): Promise<void> {
        await FootprintPanel.panels.get(documentKey(uri))?.load();
    }

    /** Brings dashboards back after a window reload: the webview saved its document's uri in its state. */
    static registerSerializer(host: PanelHost): vscode.Disposable {
        return vscode.window.registerWebviewPanelSerializer(FootprintPanel.viewType, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const uri = typeof state === 'object' && state !== null && 'uri' in state && typeof state.uri === 'string' ? state.uri : undefined;
                if (!uri || FootprintPanel.panels.has(documentKey(uri))) {
                    panel.dispose();
                    return;
                }
                panel.title = FootprintPanel.titleOf(uri);
                const footprint = new FootprintPanel(host, panel, uri);
                // the server knows only open documents: open it (without showing it) so that it evaluates
                await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)).then(undefined, () => undefined);
                await footprint.load();
            }
        });
    }

    private static webviewOptions(host: PanelHost): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(host.context.extensionUri, 'out', 'webview')]
        };
    }

    private static titleOf(uri: string): string {
        return `Footprint: ${path.posix.basename(vscode.Uri.parse(uri).path)}`;
    }

    /** Asks the server for the footprint and shows it (or why there is none); never throws. */
    private async load(): Promise<void> {
        const request = ++this.requestCount;
        let message: PanelToWebview;
        try {
            const result = await this.host.request(FootprintRequest.type, { uri: this.uri });
            message = { type: 'result', result, errors: this.errorCount(), massUnit: this.massUnit() };
        } catch (error) {
            message = { type: 'error', message: error instanceof Error ? error.message : String(error) };
        }
        if (this.disposed || request !== this.requestCount) return;
        this.latest = message;
        this.sendLatest();
    }

    private sendLatest(): void {
        if (!this.webviewReady || !this.latest) return;
        if (this.latest.type === 'result' && this.pendingSystem) {
            this.post({ ...this.latest, system: this.pendingSystem });
            this.pendingSystem = undefined;
        } else {
            this.post(this.latest);
        }
    }

    private post(message: PanelToWebview): void {
        if (!this.webviewReady || this.disposed) return;
        void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: WebviewToPanel): Promise<void> {
        try {
            switch (message.type) {
                case 'ready':
                    this.webviewReady = true;
                    this.post({ type: 'document', uri: this.uri, fileName: path.posix.basename(vscode.Uri.parse(this.uri).path) });
                    this.post({ type: 'settings', massUnit: this.massUnit() });
                    this.sendLatest();
                    break;
                case 'retry':
                    await this.load();
                    break;
                case 'reveal':
                    if (isOrigin(message.origin)) await this.host.revealOrigin(message.origin);
                    break;
                case 'savePng':
                    if (typeof message.dataUrl === 'string' && message.dataUrl.startsWith(PNG_PREFIX)) {
                        await this.save(message.fileName, Buffer.from(message.dataUrl.slice(PNG_PREFIX.length), 'base64'), { 'PNG image': ['png'] });
                    }
                    break;
                case 'saveCsv':
                    if (typeof message.text === 'string') await this.save(message.fileName, new TextEncoder().encode(message.text), { CSV: ['csv'] });
                    break;
            }
        } catch (error) {
            void vscode.window.showErrorMessage(`efp footprint: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    /** Asks where to save `content` (next to the document by default) and writes it there. */
    private async save(fileName: string, content: Uint8Array, filters: Record<string, string[]>): Promise<void> {
        // the name comes from the webview: keep it a plain file name
        const name = String(fileName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'footprint';
        const document = vscode.Uri.parse(this.uri);
        const folder = document.scheme === 'file' ? vscode.Uri.joinPath(document, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters, saveLabel: 'Save' });
        if (!target) return;
        await writeExport(target, content, document, bytes => Promise.resolve(vscode.workspace.fs.writeFile(target, bytes)));
        vscode.window.setStatusBarMessage(`Saved ${path.posix.basename(target.path)}`, 5000);
    }

    private massUnit(): MassUnitSetting {
        const unit = this.host.setting<string>('display.massUnit', 'auto');
        return (MASS_UNITS as readonly string[]).includes(unit) ? (unit as MassUnitSetting) : 'auto';
    }

    /** Errors in the document's current text, for the stale-results banner. */
    private errorCount(): number {
        return vscode.languages.getDiagnostics(vscode.Uri.parse(this.uri)).filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
    }

    private dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (FootprintPanel.panels.get(documentKey(this.uri)) === this) FootprintPanel.panels.delete(documentKey(this.uri));
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

function isOrigin(value: unknown): value is Origin {
    if (typeof value !== 'object' || value === null) return false;
    const origin = value as Partial<Origin>;
    return typeof origin.uri === 'string' && typeof origin.range?.start?.line === 'number' && typeof origin.range?.end?.line === 'number';
}
