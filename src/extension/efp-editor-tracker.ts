import * as vscode from 'vscode';

/** An .efp document and the cursor in it. */
export interface EfpCursor {
    readonly uri: vscode.Uri;
    readonly position: vscode.Position;
}

/**
 * The .efp editor that commands without arguments act on: the active editor when it is one, else the
 * last one that was, while its document is open. Clicking a walkthrough's button, or a panel's, leaves no
 * text editor active; "Show Footprint Dashboard" from the walkthrough then still means the model the
 * user just opened, and "Show Calculus Graph" the value its cursor was on.
 */
export class EfpEditorTracker implements vscode.Disposable {
    private last: EfpCursor | undefined;
    private readonly subscriptions: vscode.Disposable[];

    constructor() {
        this.remember(vscode.window.activeTextEditor);
        this.subscriptions = [
            vscode.window.onDidChangeActiveTextEditor(editor => this.remember(editor)),
            vscode.window.onDidChangeTextEditorSelection(event => this.remember(event.textEditor))
        ];
    }

    current(): EfpCursor | undefined {
        const active = vscode.window.activeTextEditor;
        if (active?.document.languageId === 'efp') return { uri: active.document.uri, position: active.selection.active };
        const last = this.last;
        if (!last) return undefined;
        const open = vscode.workspace.textDocuments.some(d => d.uri.toString() === last.uri.toString() && !d.isClosed && d.languageId === 'efp');
        return open ? last : undefined;
    }

    dispose(): void {
        for (const s of this.subscriptions.splice(0)) s.dispose();
    }

    private remember(editor: vscode.TextEditor | undefined): void {
        if (editor?.document.languageId === 'efp') this.last = { uri: editor.document.uri, position: editor.selection.active };
    }
}
