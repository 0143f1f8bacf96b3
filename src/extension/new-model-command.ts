import * as vscode from 'vscode';
import { FileError } from '../platform/file-errors.js';
import { MODEL_FILE } from '../templates/catalogue.js';
import { projectFiles, templatesFolder } from '../templates/project-files.js';
import { TemplateError } from '../templates/template-error.js';
import { writeProject } from '../templates/write-project.js';
import { CI_CHOICES, templateChoices } from './template-choices.js';

/**
 * "efp: New Model from Template": a template, a CI file and a folder picked, the files written by the
 * code `efp init` uses (src/templates/, never over a file), then the model opened. A README.md or
 * .gitlab-ci.yml already in the folder is kept, and what to add to it opens in a new editor.
 */
export async function newModelFromTemplate(context: vscode.ExtensionContext): Promise<void> {
    const choice = await vscode.window.showQuickPick(templateChoices(), {
        title: 'New efp model from a template', placeHolder: 'What does the service do?', matchOnDescription: true, matchOnDetail: true
    });
    if (!choice) return;
    const ci = await vscode.window.showQuickPick([...CI_CHOICES], { title: 'New efp model: a CI file to check it on each change?', placeHolder: 'CI' });
    if (!ci) return;
    const folders = await vscode.window.showOpenDialog({
        canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        title: `Folder for the ${choice.template.name} model`, openLabel: 'Create the model here'
    });
    const folder = folders?.[0];
    if (!folder) return;
    if (folder.scheme !== 'file') {
        void vscode.window.showErrorMessage(`efp writes new models to folders on disk; ${folder.toString()} is not one.`);
        return;
    }
    const root = templatesFolder([vscode.Uri.joinPath(context.extensionUri, 'templates').fsPath]);
    if (!root) {
        void vscode.window.showErrorMessage('efp\'s templates are missing from the extension: reinstall it.');
        return;
    }
    try {
        const result = await writeProject(folder.fsPath, await projectFiles(choice.template, root, ci.ci));
        const model = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, MODEL_FILE));
        await vscode.window.showTextDocument(model);
        for (const kept of result.kept) {
            const addition = await vscode.workspace.openTextDocument({ language: kept.path.endsWith('.md') ? 'markdown' : 'yaml', content: kept.addition ?? '' });
            await vscode.window.showTextDocument(addition, { preview: false, viewColumn: vscode.ViewColumn.Beside });
            void vscode.window.showInformationMessage(`${kept.path} was already in the folder and was left as it is: add what the new editor shows to it.`);
        }
    } catch (e) {
        if (e instanceof TemplateError) void vscode.window.showErrorMessage(`${e.message}: ${e.hint}.`);
        else if (e instanceof FileError) void vscode.window.showErrorMessage(e.message);
        else throw e;
    }
}
