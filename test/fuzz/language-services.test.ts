import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import { createEfpServices, type EfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { valueAt } from '../../src/language/evaluation/value-at.js';
import { footprintFor } from '../../src/language/evaluation/footprint-request.js';
import { generateModel, type Rng } from './generator.js';
import { mutate } from './mutators.js';
import { EXAMPLES } from './corpus.js';
import { FuzzFailure, iterations, recordFailure, rngFor, withinBudget, SUITE_TIMEOUT_MS } from './fuzz-config.js';

/**
 * The language services in-process, as the server runs them: every text is parsed, linked, validated and
 * evaluated, then hover, completion, semantic tokens, formatting, code actions, inlay hints, signature
 * help, code lenses, symbols, definitions and the custom requests are asked at random offsets. Fails on
 * a thrown exception, a call over the budget, an unhandled rejection, or a diagnostic outside the text.
 */
const SUITE = 'language-services';
const RUNS = iterations(200);

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => { rejections.push(reason); };
beforeAll(() => { process.on('unhandledRejection', onRejection); });
afterAll(() => { process.off('unhandledRejection', onRejection); });

function inputFor(next: Rng, iteration: number): string {
    const r = next();
    if (r < 0.35) return generateModel(next);
    if (r < 0.45) return mutate(generateModel(next), next);
    return mutate(EXAMPLES[iteration % EXAMPLES.length].text, next);
}

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

async function exercise(Efp: EfpServices, document: LangiumDocument, next: Rng): Promise<void> {
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

describe('fuzzing the language services', () => {
    it(`${RUNS} generated and mutated models: every stage answers in time, without throwing`, async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        await shared.workspace.DocumentBuilder.build([library]);
        const main = URI.file('/virtual/fuzz/model.efp');
        const other = URI.file('/virtual/fuzz/other.efp');
        for (let i = 0; i < RUNS; i++) {
            const next = rngFor(SUITE, i);
            const files: Record<string, string> = { 'model.efp': inputFor(next, i) };
            if (next() < 0.3) files['other.efp'] = inputFor(next, i + 1);
            try {
                const changed = [main];
                setTextDocument(Efp, TextDocument.create(main.toString(), 'efp', i + 1, files['model.efp']));
                if (files['other.efp'] !== undefined) {
                    setTextDocument(Efp, TextDocument.create(other.toString(), 'efp', i + 1, files['other.efp']));
                    changed.push(other);
                }
                await withinBudget('build (parse, link, validate, evaluate)', () => shared.workspace.DocumentBuilder.update(changed, []));
                await exercise(Efp, shared.workspace.LangiumDocuments.getDocument(main)!, next);
                if (rejections.length > 0) throw new FuzzFailure(`unhandled rejection: ${(rejections[0] as Error)?.stack ?? String(rejections[0])}`);
            } catch (e) {
                throw recordFailure(SUITE, i, files, e instanceof FuzzFailure ? e.message : `threw ${(e as Error)?.stack ?? String(e)}`);
            }
        }
        expect(rejections).toEqual([]);
    }, SUITE_TIMEOUT_MS);
});
