import { CstUtils, DocumentValidator, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { DiagnosticData } from '../../engine/index.js';
import { isPastTheBudget } from '../token-budget.js';
import { findPythonSpellings, type PythonSpelling } from './python-spellings.js';

/** The code of the diagnostic of e-footprint's Python written in a .efp file. */
export const PYTHON_SPELLING = 'python-spelling';

function codeOf(d: Diagnostic): string | undefined {
    const data = d.data as { code?: unknown } | undefined;
    return typeof data?.code === 'string' ? data.code : undefined;
}

/**
 * A syntax error a Python spelling may explain: a character no token starts with (`#`, `=`, `'`, the
 * lexer's words), or what the parser did not expect. efp's own lexing errors (a comment not closed, a value
 * nested too deeply, a file past its budget of tokens) say more than a spelling would, and stay.
 */
function isSyntaxError(d: Diagnostic): boolean {
    const code = codeOf(d);
    return code === DocumentValidator.ParsingError || (code === DocumentValidator.LexingError && String(d.message).startsWith('unexpected character'));
}

/** What a Python spelling may explain: a syntax error, or a name not known (`SourceValue`, `u`). */
function isExplainable(d: Diagnostic): boolean {
    return isSyntaxError(d) || codeOf(d) === DocumentValidator.LinkingError;
}

/**
 * A file's diagnostics, with the errors that e-footprint's Python explains (`power=SourceValue(300 * u.W)`:
 * an unexpected `=`, a `(` where an input was expected, an unknown `u`) replaced by one diagnostic per
 * Python spelling, which says how .efp writes it, and carries the rewrite when it follows from the text
 * (the quick fix reads it there). A spelling is said where a lexing, syntax or name error starts within
 * it, or where the parser skipped it to recover from an error, and only there: the same text in a file
 * without errors is .efp's own. The syntax errors on its lines are the parser's recovery from it, and go
 * with it; those elsewhere stay. The text is scanned only
 * when there is such an error, once.
 */
export function withPythonSpellings(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    if (!diagnostics.some(isExplainable)) return diagnostics;
    const spellings = findPythonSpellings(document.textDocument.getText());
    if (spellings.length === 0) return diagnostics;
    const said = new Set<PythonSpelling>();
    const explained = new Set<Diagnostic>();
    for (const d of diagnostics) {
        if (!isExplainable(d)) continue;
        const spelling = spellingAt(spellings, document.textDocument.offsetAt(d.range.start));
        if (!spelling) continue;
        said.add(spelling);
        explained.add(d);
    }
    // what the parser skipped to recover from an error is in error too, said or not (`ram: SourceValue(128 * u.GB)` after a line it could not read)
    const root = document.parseResult.value.$cstNode;
    if (root && diagnostics.some(isSyntaxError)) {
        const end = readEnd(document);
        for (const spelling of spellings) if (spelling.start < end && !CstUtils.findLeafNodeAtOffset(root, spelling.start)) said.add(spelling);
    }
    if (said.size === 0) return diagnostics;
    const lines = new Set<number>();
    for (const spelling of said) {
        const last = document.textDocument.positionAt(spelling.end).line;
        for (let line = document.textDocument.positionAt(spelling.start).line; line <= last; line++) lines.add(line);
    }
    for (const d of diagnostics) if (isSyntaxError(d) && lines.has(d.range.start.line)) explained.add(d);
    const own = spellings.filter(s => said.has(s)).map(s => diagnosticOf(document, s));
    return [...own, ...diagnostics.filter(d => !explained.has(d))];
}

/** Where the text stops being read: the end, or where it went past its budget of tokens (token-budget.ts). */
function readEnd(document: LangiumDocument): number {
    const past = document.parseResult.lexerReport?.diagnostics.find(d => isPastTheBudget(d.message));
    return past?.offset ?? Infinity;
}

/** The spelling that holds `offset`: the spellings are in the order of the text and do not overlap. */
function spellingAt(spellings: readonly PythonSpelling[], offset: number): PythonSpelling | undefined {
    let low = 0, high = spellings.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const s = spellings[middle];
        if (offset < s.start) high = middle - 1;
        else if (offset >= s.end) low = middle + 1;
        else return s;
    }
    return undefined;
}

function diagnosticOf(document: LangiumDocument, spelling: PythonSpelling): Diagnostic {
    const rewrite: DiagnosticData | undefined = spelling.rewrite && { kind: 'rewrite', ...spelling.rewrite };
    return {
        severity: DiagnosticSeverity.Error,
        range: { start: document.textDocument.positionAt(spelling.start), end: document.textDocument.positionAt(spelling.end) },
        message: `${spelling.message}. ${spelling.hint}`,
        code: PYTHON_SPELLING,
        source: 'efp',
        data: { code: PYTHON_SPELLING, hint: spelling.hint, ...rewrite }
    };
}
