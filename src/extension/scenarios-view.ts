import * as path from 'node:path';
import * as vscode from 'vscode';
import { EfpCommands, ScenariosRequest, type ScenarioItem } from '../language/protocol.js';
import { changeText } from '../engine/presentation.js';
import type { PanelHost } from './panels/panel-host.js';
import { scenarioTooltip } from './scenario-tooltip.js';

/** A scenario of the document, or a line saying why there is none. */
type Entry = { readonly uri: string; readonly scenario: ScenarioItem };

/** `+170.5 t CO2e (+1.6 %)`, as the diff panel and `efp diff` write the total change (in its own scale). */
export function scenarioChangeText(item: ScenarioItem, massUnit: string): string | undefined {
    return item.total ? changeText(item.total, massUnit) : undefined;
}

/**
 * The Explorer's "efp Scenarios" view: the scenarios of the active .efp document with their date and
 * total change; a click opens the scenario's diff against its baseline. It asks the language server
 * again when another model becomes active and when the model is evaluated (on save).
 */
export class ScenariosView implements vscode.TreeDataProvider<Entry>, vscode.Disposable {
    static readonly viewId = 'efp.scenarios';

    private readonly changed = new vscode.EventEmitter<Entry | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly view: vscode.TreeView<Entry>;
    private readonly subscriptions: vscode.Disposable[] = [];
    /** The .efp document shown last (a panel taking the focus keeps its scenarios listed). */
    private uri?: string;
    private entries: Entry[] = [];
    private requestCount = 0;

    constructor(private readonly host: PanelHost) {
        this.view = vscode.window.createTreeView(ScenariosView.viewId, { treeDataProvider: this, showCollapseAll: false });
        this.subscriptions.push(
            this.view,
            this.changed,
            vscode.window.onDidChangeActiveTextEditor(() => void this.follow()),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('efp.display.massUnit')) this.changed.fire(undefined); }),
            vscode.workspace.onDidCloseTextDocument(d => {
                if (this.uri && d.uri.toString() === this.uri) void this.load(undefined);
            })
        );
    }

    /** Lists the active document's scenarios, once the language server is running. */
    start(): void {
        void this.follow();
    }

    /** The document was evaluated: list its scenarios again if it is the one shown. */
    async evaluated(uri: string): Promise<void> {
        const key = vscode.Uri.parse(uri).toString();
        if (!this.uri || key === this.uri) await this.load(key);
    }

    getTreeItem(entry: Entry): vscode.TreeItem {
        const s = entry.scenario;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.None);
        const change = scenarioChangeText(s, this.host.setting<string>('display.massUnit', 'auto'));
        item.id = `${entry.uri}#${s.id}`;
        item.description = [s.date ? `from ${s.date}` : 'from the start', change ?? (s.error ? 'error' : undefined)].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(scenarioTooltip(s, change));
        item.iconPath = new vscode.ThemeIcon(s.error ? 'warning' : 'git-compare');
        item.contextValue = 'efp.scenario';
        item.accessibilityInformation = { label: `Scenario ${s.name}, ${item.description}`, role: 'button' };
        item.command = { title: 'Compare with Baseline', command: EfpCommands.compareScenario, arguments: [entry.uri, s.id] };
        return item;
    }

    getChildren(entry?: Entry): Entry[] {
        return entry ? [] : this.entries;
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
    }

    private async follow(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (!document) return; // a panel or the output took the focus: keep the last model's list
        if (document.languageId !== 'efp') return;
        const uri = document.uri.toString();
        if (uri !== this.uri) await this.load(uri);
    }

    private async load(uri: string | undefined): Promise<void> {
        const request = ++this.requestCount;
        this.uri = uri;
        if (!uri) {
            this.show([], 'Open an .efp model to see its scenarios.');
            return;
        }
        try {
            const result = await this.host.request(ScenariosRequest.type, { uri });
            if (request !== this.requestCount) return;
            const name = path.posix.basename(vscode.Uri.parse(uri).path);
            const message = result.message
                ?? (result.scenarios.length === 0 ? `${name} declares no scenario. Add one: scenario name "label" at 2026-01-01 { object.input: value }` : undefined);
            this.show(result.scenarios.map(scenario => ({ uri, scenario })), message ?? (result.stale ? `${name} has errors: these are the scenarios of the last text that evaluated.` : undefined));
        } catch (error) {
            if (request !== this.requestCount) return;
            this.show([], `The language server did not answer: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private show(entries: Entry[], message: string | undefined): void {
        this.entries = entries;
        this.view.message = message;
        this.changed.fire(undefined);
    }
}
