import * as vscode from 'vscode';
import { EfpCommands, ScenariosRequest } from '../language/protocol.js';
import type { PanelHost } from './panels/panel-host.js';
import { DiffPanel } from './panels/diff-panel.js';
import { scenarioChangeText } from './scenarios-view.js';

/** The document a command acts on: the one it was given (a CodeLens, a menu), else the active .efp editor's. */
function targetUri(uri: string | vscode.Uri | undefined): string | undefined {
    if (uri) return String(uri);
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'efp') return document.uri.toString();
    void vscode.window.showInformationMessage('Open an .efp file first.');
    return undefined;
}

/** "Compare with git HEAD", "Compare with Last Save" and "Compare Scenario with Baseline". */
export function registerDiffCommands(host: PanelHost): vscode.Disposable[] {
    return [
        vscode.commands.registerCommand(EfpCommands.compareWithGitHead, async (uri?: string | vscode.Uri) => {
            const target = targetUri(uri);
            if (target) await DiffPanel.show(host, target, 'gitHead');
        }),
        vscode.commands.registerCommand(EfpCommands.compareWithLastSave, async (uri?: string | vscode.Uri) => {
            const target = targetUri(uri);
            if (target) await DiffPanel.show(host, target, 'lastSave');
        }),
        vscode.commands.registerCommand(EfpCommands.compareScenario, async (uri?: string | vscode.Uri, scenario?: string) => {
            const target = targetUri(uri);
            if (!target) return;
            const name = typeof scenario === 'string' ? scenario : await pickScenario(host, target);
            if (name) await DiffPanel.show(host, target, { scenario: name });
        })
    ];
}

/** From the Command Palette: which of the document's scenarios. */
async function pickScenario(host: PanelHost, uri: string): Promise<string | undefined> {
    const { scenarios, message } = await host.request(ScenariosRequest.type, { uri });
    if (scenarios.length === 0) {
        void vscode.window.showInformationMessage(message ?? 'This model declares no scenario: add `scenario name "label" { object.input: value }`.');
        return undefined;
    }
    const massUnit = host.setting<string>('display.massUnit', 'auto');
    const picked = await vscode.window.showQuickPick(scenarios.map(s => ({
        label: s.name,
        description: [s.id !== s.name ? s.id : undefined, s.date ? `from ${s.date}` : undefined].filter(Boolean).join(' · '),
        detail: scenarioChangeText(s, massUnit) ?? s.error,
        id: s.id
    })), { placeHolder: 'Scenario to compare with its baseline' });
    return picked?.id;
}
