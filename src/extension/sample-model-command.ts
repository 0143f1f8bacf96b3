import * as vscode from 'vscode';
import { FileError } from '../platform/file-errors.js';
import { TemplateError } from '../templates/template-error.js';
import { writeProject } from '../templates/write-project.js';
import { SAMPLE_FILE, SAMPLE_PLACES, samplePlace } from './sample-model.js';

/**
 * "efp: Open Sample Model": the quickstart model shipped in the .vsix (examples/quickstart.efp, the model
 * e-footprint's quickstart builds, the one efp's tests evaluate), for a first look. Opened in a new
 * unsaved editor (nothing is written), or saved in a folder the user picks and opened from there, where
 * the dashboard and the graphs follow its saves. Saving never replaces a file: a folder with a
 * quickstart.efp already is refused (the templates' writer, which creates with O_EXCL).
 *
 * The walkthrough's buttons pass where (`"untitled"`, `"folder"`); from the palette, it asks.
 */

export async function openSampleModel(context: vscode.ExtensionContext, argument?: unknown): Promise<void> {
    const place = samplePlace(argument)
        ?? (await vscode.window.showQuickPick(SAMPLE_PLACES, { title: 'efp sample model: video streaming in France', placeHolder: 'Where?' }))?.place;
    if (!place) return;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', SAMPLE_FILE)));
    if (place === 'untitled') {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'efp', content: text }));
        return;
    }
    const folder = (await vscode.window.showOpenDialog({
        canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        title: `Folder for the sample model (${SAMPLE_FILE})`, openLabel: 'Save the sample here'
    }))?.[0];
    if (!folder) return;
    if (folder.scheme !== 'file') {
        void vscode.window.showErrorMessage(`efp writes the sample model to folders on disk; ${folder.toString()} is not one.`);
        return;
    }
    try {
        await writeProject(folder.fsPath, [{ path: SAMPLE_FILE, text }]);
    } catch (e) {
        if (e instanceof TemplateError) void vscode.window.showErrorMessage(`${e.message}: ${e.hint}.`);
        else if (e instanceof FileError) void vscode.window.showErrorMessage(e.message);
        else throw e;
        return;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SAMPLE_FILE)));
}
