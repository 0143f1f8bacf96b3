import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import { openWorkspace, type OpenWorkspace } from './language-workspace.js';

/** The code of a diagnostic, as efp and Langium put it in its data. */
export const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

/** The quick fixes of one diagnostic, as the editor asks for them. */
export async function fixesOf({ Efp }: OpenWorkspace, document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

/** The document's text with the fix's edits applied. */
export function applied(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit!.changes![document.uri.toString()];
    return TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, document.textDocument.getText()), edits);
}

/** The fixes of the first diagnostic of `text` that `pick` picks: each with its title and the text it makes. */
export async function fixesIn(text: string, pick: (d: Diagnostic) => boolean): Promise<Array<{ title: string; fixed: string; preferred: boolean }>> {
    const workspace = await openWorkspace(text);
    const [document] = workspace.documents;
    const diagnostic = document.diagnostics!.find(pick);
    if (!diagnostic) throw new Error(`no such diagnostic among ${JSON.stringify(document.diagnostics!.map(d => d.message))}`);
    return (await fixesOf(workspace, document, diagnostic)).map(a => ({ title: a.title, fixed: applied(document, a), preferred: a.isPreferred === true }));
}

/** The errors of `text`, as `line: message`. */
export async function errorsIn(text: string): Promise<string[]> {
    const { documents: [document] } = await openWorkspace(text);
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
}
