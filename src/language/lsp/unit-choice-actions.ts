import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { unitChoices } from '../../engine/index.js';

/** A number and its unit as the grammar reads them (NUMBER, then a UnitName: an ID or `%`), nothing else. */
const QUANTITY = /^([0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9]+)?)(?:[ \t]*([_a-zA-Z]\w*|%))?$/;

/**
 * `power: 300 Wh`: the value in the unit its input takes, one fix per reading ("300 W (change unit)",
 * "300 Wh per day → 12.5 W"): a total written for a rate has several, and which one was meant is the
 * modeler's to say. Bytes of the wrong kind (`128 GB_stored` for RAM) have one, preferred. The text at the
 * diagnostic's range must still be the number and unit its data says.
 */
export function unitChoiceActions(document: LangiumDocument, diagnostic: Diagnostic, value: number, unit: string, expected: string): CodeAction[] {
    const match = QUANTITY.exec(document.textDocument.getText(diagnostic.range));
    if (!match || Number(match[1].replace(/_/g, '')) !== value || (match[2] ?? '') !== unit) return [];
    return unitChoices(match[1], unit, expected).map(choice => ({
        title: choice.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(choice.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: choice.replacement }] } }
    }));
}
