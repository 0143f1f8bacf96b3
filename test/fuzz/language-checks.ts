import type { LangiumDocument } from 'langium';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EfpServices } from '../../src/language/efp-module.js';
import { valueAt } from '../../src/language/evaluation/value-at.js';
import { footprintFor } from '../../src/language/evaluation/footprint-request.js';
import type { Rng } from './generator.js';
import { FuzzFailure, withinBudget } from './fuzz-config.js';

function checkRange(range: Range, document: LangiumDocument, what: string): void {
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    const inside = (p: Position) => p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character));
    if (!inside(range.start) || !inside(range.end)) throw new FuzzFailure(`${what} lies outside the text: ${JSON.stringify(range)}`);
}

function checkDiagnostic(d: Diagnostic, document: LangiumDocument): void {
    checkRange(d.range, document, `diagnostic '${d.message}'`);
    const message = typeof d.message === 'string' ? d.message : String(d.message);
    // what the user wrote is quoted ('NaN', `undefined`); unquoted, these words are a bug showing through
    const ours = message.replace(/'[^']*'|`[^`]*`|"[^"]*"/g, '');
    if (!message.trim() || /\[object Object\]|\bundefined\b|\bNaN\b/.test(ours)) throw new FuzzFailure(`a diagnostic says '${message}'`);
}

/**
 * The text's tokens, comments included, without the whitespace between them. A list of plain numbers is
 * one token (NUMBER_LIST) with the whitespace between its numbers inside it: that is left out too.
 */
function tokensOf(Efp: EfpServices, text: string): string[] {
    const lexed = Efp.parser.Lexer.tokenize(text);
    const hidden = (lexed.hidden ?? []).filter(t => t.image.trim() !== '');
    return [...lexed.tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset)
        .map(t => t.tokenType.name === 'NUMBER_LIST' ? t.image.replace(/\s+/g, '') : t.image);
}

/** Formatting only changes whitespace: the formatted text has the same tokens, comments included, in the same order. */
function checkFormattingKeepsTokens(Efp: EfpServices, document: LangiumDocument, edits: TextEdit[]): void {
    if (edits.length === 0 || document.parseResult.lexerErrors.length > 0) return;
    const text = document.textDocument.getText();
    const formatted = TextDocument.applyEdits(document.textDocument, edits);
    const before = tokensOf(Efp, text);
    const after = tokensOf(Efp, formatted);
    const differs = before.findIndex((t, i) => after[i] !== t);
    if (differs >= 0 || before.length !== after.length) {
        const at = differs >= 0 ? differs : Math.min(before.length, after.length);
        throw new FuzzFailure(`formatting changed the tokens at token ${at}: ${JSON.stringify(before.slice(at, at + 5))} became ${JSON.stringify(after.slice(at, at + 5))}`);
    }
}

/**
 * What the language-services fuzzer asks of every text (and the regressions it found replay): its
 * diagnostics lie inside the text and say something; hover, completion, signature help, definitions,
 * references, value-at, semantic tokens, formatting, inlay hints, code lenses, symbols, folding, code
 * actions and the footprint request all answer within the budget without throwing.
 */
export async function exercise(Efp: EfpServices, document: LangiumDocument, next: Rng): Promise<void> {
    const uri = document.uri.toString();
    const textDocument = { uri };
    const text = document.textDocument.getText();
    for (const d of document.diagnostics ?? []) checkDiagnostic(d, document);
    const lsp = Efp.lsp;
    const budget = <T>(what: string, call: () => Promise<T> | T) => withinBudget(what, call);
    for (let probe = 0; probe < 3; probe++) {
        const offset = Math.floor(next() * (text.length + 1));
        const position = document.textDocument.positionAt(offset);
        await budget('hover', () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
        await budget('completion', () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }));
        await budget('signature help', () => lsp.SignatureHelp?.provideSignatureHelp(document, { textDocument, position }));
        await budget('definition', () => lsp.DefinitionProvider?.getDefinition(document, { textDocument, position }));
        await budget('references', () => lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }));
        await budget('value at', () => valueAt(Efp, document, offset));
    }
    const all: Range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    await budget('semantic tokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
    const edits = await budget('formatting', () => lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }));
    for (const edit of edits ?? []) checkRange(edit.range, document, 'a formatting edit');
    checkFormattingKeepsTokens(Efp, document, edits ?? []);
    await budget('inlay hints', () => lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: all }));
    await budget('code lens', () => lsp.CodeLensProvider?.provideCodeLens(document, { textDocument }));
    await budget('symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await budget('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    const diagnostics = document.diagnostics ?? [];
    const actions = await budget('code actions', () => lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: all, context: { diagnostics } }));
    for (const action of actions ?? []) {
        if ('edit' in action) for (const edit of action.edit?.changes?.[uri] ?? []) checkRange(edit.range, document, `code action '${action.title}'`);
    }
    await budget('footprint request', () => footprintFor(Efp, { uri }));
}
