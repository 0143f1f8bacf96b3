import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { classForKeyword, declarationText, isEfpIdentifier, objectTemplate } from '../../engine/index.js';
import { freeName } from './create-object-actions.js';

/** The name the fix gives a new system (the one the no-system hint shows), or `my_service_2`… when taken. */
const SYSTEM_NAME = 'my_service';
/** Names a title lists before `…`: the edit lists them all. */
const TITLE_NAMES = 3;

/**
 * `this model declares no system`: "Add system 'my_service' listing french_households", which declares a
 * system at the end of the file listing the usage patterns the model declares (the diagnostic's data,
 * each checked to be a name: nothing else is written). A model without usage patterns gets the system's
 * template, whose usage pattern placeholder has the fix that creates it.
 */
export function addSystemAction(document: LangiumDocument, diagnostic: Diagnostic, input: 'usage_patterns' | 'edge_usage_patterns',
    patterns: readonly string[], takenNames: () => ReadonlySet<string>): CodeAction | undefined {
    const names = [...new Set(patterns.filter(isEfpIdentifier))];
    const name = freeName(SYSTEM_NAME, takenNames());
    let declaration: string;
    let title: string;
    if (names.length > 0) {
        declaration = `system ${name} "System" {\n  ${input}: [${names.join(', ')}]\n}\n`;
        const listed = names.length > TITLE_NAMES ? `${names.slice(0, TITLE_NAMES).join(', ')}, …` : names.join(', ');
        title = `Add system '${name}' listing ${listed}`;
    } else {
        const spec = classForKeyword('system');
        if (!spec) return undefined;
        declaration = `${declarationText(objectTemplate(spec), { name })}\n`;
        title = `Add system '${name}'`;
    }
    const text = document.textDocument;
    const whole = text.getText();
    const end = text.positionAt(whole.length);
    // a blank line after what the file holds, none in an empty file
    const separator = whole.trim() === '' ? '' : whole.endsWith('\n\n') ? '' : whole.endsWith('\n') ? '\n' : '\n\n';
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: names.length > 0,
        edit: { changes: { [document.uri.toString()]: [{ range: { start: end, end }, newText: `${separator}${declaration}` }] } }
    };
}
