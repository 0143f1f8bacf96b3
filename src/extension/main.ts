import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    EfpCommands, EvaluatedNotification, EvaluateRequest, FilePolicyNotification, HOVER_COMMANDS, ValueAtRequest, type EvaluatedParams,
    type FilePolicyParams, type InitializationOptions, type RequestDescriptor
} from '../language/protocol.js';
import type { Origin } from '../engine/presentation.js';
import type { PanelHost } from './panels/panel-host.js';
import { FootprintPanel } from './panels/footprint-panel.js';
import { CalculusGraphPanel, ObjectGraphPanel } from './panels/graph-panel.js';
import { FootprintStatusBar } from './status-bar.js';
import { DiffPanel } from './panels/diff-panel.js';
import { registerDiffCommands } from './diff-commands.js';
import { ScenariosView } from './scenarios-view.js';
import { registerBuiltinLibraryDocument } from './builtin-library-document.js';
import { newModelFromTemplate } from './new-model-command.js';
import { openSampleModel } from './sample-model-command.js';
import { EfpEditorTracker } from './efp-editor-tracker.js';

let client: LanguageClient | undefined;

/** Starts the .efp language server and registers the commands, the status bar and the panels. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = serverPath() ?? context.asAbsolutePath(path.join('out', 'language-server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'efp' }, { scheme: 'untitled', language: 'efp' }],
        // the server reads efp.* settings (inlay hints, CodeLens, evaluation trigger) and hears of changes
        synchronize: { configurationSection: 'efp' },
        // hovers link to the panels with command URIs; only these commands may run from them
        markdown: { isTrusted: { enabledCommands: [...HOVER_COMMANDS] } },
        // what the server may read (the server never takes it from the workspace's settings), and that
        // this client runs efp's commands, so hovers and code actions may name them
        initializationOptions: { filePolicy: filePolicy(), efpCommands: true } satisfies InitializationOptions
    };
    const languageClient = new LanguageClient('efp', 'efp language server', serverOptions, clientOptions);
    client = languageClient;

    const host: PanelHost = {
        context,
        request: <P, R>(type: RequestDescriptor<P, R>, params: P) => languageClient.sendRequest<R>(type.method, params),
        revealOrigin,
        setting: <T>(section: string, fallback: T) => vscode.workspace.getConfiguration('efp').get<T>(section, fallback)
    };
    const statusBar = new FootprintStatusBar();
    const scenarios = new ScenariosView(host);
    const editors = new EfpEditorTracker();
    context.subscriptions.push(
        statusBar,
        editors,
        scenarios,
        FootprintPanel.registerSerializer(host),
        CalculusGraphPanel.registerSerializer(host),
        ObjectGraphPanel.registerSerializer(host),
        DiffPanel.registerSerializer(host),
        registerBuiltinLibraryDocument(host.request),
        ...registerCommands(host, languageClient, statusBar, editors),
        ...registerDiffCommands(host)
    );
    const sendFilePolicy = () => {
        if (languageClient.isRunning()) void languageClient.sendNotification(FilePolicyNotification.method, filePolicy());
    };
    context.subscriptions.push(
        vscode.workspace.onDidGrantWorkspaceTrust(sendFilePolicy),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('efp.files.allowOutsideWorkspace')) sendFilePolicy();
        })
    );
    // shows the Explorer's Scenarios view (package.json: views)
    void vscode.commands.executeCommand('setContext', 'efp.active', true);
    languageClient.onNotification(EvaluatedNotification.method, (params: EvaluatedParams) => {
        statusBar.update(params);
        void refreshPanels(host, params.uri);
        void scenarios.evaluated(params.uri);
    });
    await languageClient.start();
    scenarios.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

/**
 * What the server may read. `efp.files.allowOutsideWorkspace` is a machine setting (package.json), and only
 * its user or remote-machine value counts, never a workspace's or a folder's, even where VS Code would
 * apply one (an older VS Code, a setting declared with another scope); in an untrusted workspace nothing
 * outside it is read and git is not run (package.json: capabilities.untrustedWorkspaces).
 */
function filePolicy(): FilePolicyParams {
    const setting = vscode.workspace.getConfiguration('efp').inspect<boolean>('files.allowOutsideWorkspace');
    const workspaceTrusted = vscode.workspace.isTrusted;
    return { allowOutsideWorkspace: workspaceTrusted && setting?.globalValue === true, workspaceTrusted };
}

/**
 * `efp.server.path`: another language server to run (a development build, another version), as a Node
 * module. It runs code, so only the user's own setting counts (machine scope in package.json, and never a
 * workspace's value even where VS Code would apply one), and never in an untrusted workspace.
 */
function serverPath(): string | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const value = vscode.workspace.getConfiguration('efp').inspect<string>('server.path')?.globalValue;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function refreshPanels(host: PanelHost, uri: string): Promise<void> {
    await Promise.all([FootprintPanel.refresh(host, uri), CalculusGraphPanel.refresh(host, uri), ObjectGraphPanel.refresh(host, uri), DiffPanel.refresh(host, uri)]);
}

function registerCommands(host: PanelHost, languageClient: LanguageClient, statusBar: FootprintStatusBar, editors: EfpEditorTracker): vscode.Disposable[] {
    const activeEfpUri = () => efpUri(editors);
    const showCalculusGraphAtCursor = () => showGraphAtCursor(host, editors);
    return [
        vscode.commands.registerCommand(EfpCommands.showFootprint, async (uri?: string | vscode.Uri, system?: string) => {
            const target = uri ? String(uri) : activeEfpUri();
            if (target) await FootprintPanel.show(host, target, system);
        }),
        vscode.commands.registerCommand(EfpCommands.showCalculusGraph, async (uri?: string, object?: string, attribute?: string) => {
            if (uri && object) return CalculusGraphPanel.show(host, uri, object, attribute);
            return showCalculusGraphAtCursor();
        }),
        vscode.commands.registerCommand('efp.showCalculusGraphAtCursor', () => showCalculusGraphAtCursor()),
        vscode.commands.registerCommand(EfpCommands.showObjectGraph, async (uri?: string | vscode.Uri) => {
            const target = uri ? String(uri) : activeEfpUri();
            if (target) await ObjectGraphPanel.show(host, target);
        }),
        vscode.commands.registerCommand('efp.openSampleModel', (place?: unknown) => openSampleModel(host.context, place)),
        vscode.commands.registerCommand('efp.newModelFromTemplate', () => newModelFromTemplate(host.context)),
        // a server that went wrong (or a new efp.server.path) without reloading the window
        vscode.commands.registerCommand('efp.restartServer', () => languageClient.restart()),
        vscode.commands.registerCommand('efp.evaluate', async (uri?: string) => {
            const target = uri ?? activeEfpUri();
            if (!target) return undefined;
            const params = await languageClient.sendRequest<EvaluatedParams | undefined>(EvaluateRequest.method, { uri: target });
            if (params) {
                statusBar.update(params);
                await refreshPanels(host, target);
            }
            return params;
        })
    ];
}

/**
 * The calculus graph of the value at the cursor of the .efp editor (the active one, else the last one:
 * the walkthrough's button). With the cursor on no value (a comment, a blank line, a model just opened),
 * the graph of the model's first system's total, the number a newcomer wants explained.
 */
async function showGraphAtCursor(host: PanelHost, editors: EfpEditorTracker): Promise<void> {
    const editor = editors.current();
    if (!editor) {
        void vscode.window.showInformationMessage('Open an .efp file and put the cursor on a value to see its calculus graph.');
        return;
    }
    const uri = editor.uri.toString();
    const { line, character } = editor.position;
    const at = await host.request(ValueAtRequest.type, { uri, position: { line, character } });
    if (at.object) {
        await CalculusGraphPanel.show(host, uri, at.object, at.attribute);
        return;
    }
    const [system] = (await host.request(EvaluateRequest.type, { uri }))?.systems ?? [];
    if (system) {
        await CalculusGraphPanel.show(host, uri, system.id);
        return;
    }
    void vscode.window.showInformationMessage('Put the cursor on an object or one of its values (e.g. `web.energy_footprint` or `power:`) to see its calculus graph.');
}

/** The .efp document commands without a uri act on (the active editor's, else the last one's). */
function efpUri(editors: EfpEditorTracker): string | undefined {
    const editor = editors.current();
    if (editor) return editor.uri.toString();
    void vscode.window.showInformationMessage('Open an .efp file first.');
    return undefined;
}

async function revealOrigin(origin: Origin): Promise<void> {
    const { start, end } = origin.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(origin.uri));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
    vscode.window.activeTextEditor?.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
