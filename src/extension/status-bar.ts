import * as vscode from 'vscode';
import type { EvaluatedParams } from '../language/protocol.js';
import { EfpCommands } from '../language/protocol.js';
import { statusBarText } from './status-bar-text.js';

/**
 * The yearly footprint of the active .efp document's system in the status bar; a warning sign when it
 * comes from the last text that evaluated (the current one has errors). A click opens the dashboard.
 */
export class FootprintStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('efp.footprint', vscode.StatusBarAlignment.Left, 50);
    private readonly results = new Map<string, EvaluatedParams>();
    private readonly subscriptions: vscode.Disposable[] = [];

    constructor() {
        this.item.name = 'efp footprint';
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.render()),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('efp.display')) this.render(); }),
            vscode.workspace.onDidCloseTextDocument(d => { this.results.delete(d.uri.toString()); this.render(); })
        );
        this.render();
    }

    update(params: EvaluatedParams): void {
        this.results.set(params.uri, params);
        this.render();
    }

    /** The .efp document shown last: a panel or the output taking the focus keeps its figure up. */
    private document: vscode.TextDocument | undefined;

    private render(): void {
        const active = vscode.window.activeTextEditor?.document;
        if (active) this.document = active.languageId === 'efp' ? active : undefined;
        const document = this.document;
        if (!document || document.isClosed) {
            this.item.hide();
            return;
        }
        const params = this.results.get(document.uri.toString());
        const massUnit = vscode.workspace.getConfiguration('efp').get<string>('display.massUnit', 'auto');
        this.item.command = { title: 'Show Footprint Dashboard', command: EfpCommands.showFootprint, arguments: [document.uri.toString()] };
        const { text, tooltip } = statusBarText(params, massUnit);
        this.item.text = text;
        this.item.tooltip = tooltip;
        this.item.show();
    }

    dispose(): void {
        this.item.dispose();
        this.subscriptions.forEach(s => s.dispose());
    }
}
