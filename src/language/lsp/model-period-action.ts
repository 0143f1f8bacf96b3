import { CstUtils, isLeafCstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver';
import { isDocument, isModelSettings, type Document } from '../generated/ast.js';

/** A date as the grammar's DATE terminal reads one. */
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$/;
/** A number and a unit name: `1 year`, `1095.75 day`. */
const DURATION = /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)? [_a-zA-Z]\w*$/;

type Setting = 'start_date' | 'modeling_duration';

/**
 * A model that gives no modeling period runs over the engine's default one (src/engine/report/defaulted-period.ts):
 * the fix writes that period out, into the file's `model { … }` settings when it has them, else as a new
 * settings block before its first declaration (after its imports, above the comments that introduce it).
 * The values are the diagnostic's data, checked to be a date and a duration: no other text is written.
 */
export function modelPeriodAction(document: LangiumDocument, diagnostic: Diagnostic, startDate: string, duration: string,
    missing: readonly Setting[]): CodeAction | undefined {
    if (!DATE.test(startDate) || !DURATION.test(duration)) return undefined;
    const root = document.parseResult.value;
    if (!isDocument(root)) return undefined;
    const values: Record<Setting, string> = { start_date: startDate, modeling_duration: duration };
    const settings = root.elements.find(isModelSettings);
    const text = document.textDocument;
    let title: string, at: Position, newText: string;
    if (settings?.$cstNode) {
        const written = new Set(settings.settings.map(s => s.name));
        const added = missing.filter(m => !written.has(m)).map(m => `${m}: ${values[m]}`);
        const close = CstUtils.streamCst(settings.$cstNode).filter((n): n is LeafCstNode => isLeafCstNode(n) && n.text === '}').toArray().pop();
        if (added.length === 0 || !close) return undefined;
        at = text.positionAt(close.offset);
        const before = text.getText({ start: { line: at.line, character: 0 }, end: at });
        if (before.trim() === '') {
            // `}` on a line of its own: a line per setting, above it
            at = { line: at.line, character: 0 };
            newText = added.map(a => `  ${a}\n`).join('');
        } else {
            // `model { start_date: 2024-03-01 }`: on the same line
            newText = `${before.endsWith(' ') ? '' : ' '}${before.trimEnd().endsWith('{') ? '' : ' '}${added.join('  ')} `;
        }
        title = `Add '${added.join('  ')}' to the model's settings`;
    } else {
        const block = `model {\n  start_date: ${startDate}\n  modeling_duration: ${duration}\n}`;
        ({ at, newText } = placeForSettings(document, root, block));
        title = `Add 'model { start_date: ${startDate}  modeling_duration: ${duration} }'`;
    }
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText }] } }
    };
}

/** After the last import, else before the first element and the comment lines right above it, else at the start. */
function placeForSettings(document: LangiumDocument, root: Document, block: string): { at: Position; newText: string } {
    const text = document.textDocument;
    const lastImport = root.imports.at(-1)?.$cstNode;
    if (lastImport) {
        const line = text.positionAt(lastImport.end).line;
        const lineText = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        return { at: { line, character: lineText.replace(/\r?\n$/, '').length }, newText: `\n\n${block}` };
    }
    const first = root.elements[0]?.$cstNode;
    if (!first) return { at: { line: 0, character: 0 }, newText: `${block}\n` };
    let line = text.positionAt(first.offset).line;
    while (line > 0 && /^\s*\/\//.test(text.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }))) line--;
    return { at: { line, character: 0 }, newText: `${block}\n\n` };
}
