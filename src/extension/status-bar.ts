import * as vscode from 'vscode';
import type { EvaluatedParams } from '../language/protocol.js';
import { EfpCommands } from '../language/protocol.js';
import { formatMass, reportMassUnit } from '../engine/presentation.js';

/**
 * `3,655.5 t CO2e/yr`, in the unit of `efp.display.massUnit`, else chosen as `efp eval` does (one that
 * shows a thousandth of the value), so the figures read the same as the CLI's.
 */
export function formatYearly(kgPerYear: number, massUnit: string): string {
    return `${formatMass(kgPerYear, reportMassUnit(kgPerYear, massUnit))} CO2e/yr`;
}

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
        if (!params) {
            this.item.text = '$(loading~spin) efp';
            this.item.tooltip = 'efp: evaluating the model…';
        } else if (params.systems.length === 0) {
            this.item.text = '$(circle-slash) efp';
            this.item.tooltip = params.message ?? 'efp: nothing to show';
        } else {
            const first = params.systems[0];
            const more = params.systems.length > 1 ? ` (+${params.systems.length - 1})` : '';
            this.item.text = `${params.stale ? '$(warning)' : '$(pulse)'} ${formatYearly(first.perYear, massUnit)}${more}`;
            const lines = params.systems.map(s => `${s.name}: ${formatYearly(s.perYear, massUnit)} on average`);
            if (params.stale) lines.push('', `Last results that evaluated: the file now has ${params.errors} error${params.errors === 1 ? '' : 's'}.`);
            lines.push('', 'Click to open the footprint dashboard.');
            this.item.tooltip = lines.join('\n');
        }
        this.item.show();
    }

    dispose(): void {
        this.item.dispose();
        this.subscriptions.forEach(s => s.dispose());
    }
}
