import { describe, expect, it } from 'vitest';
import { random } from '../../helpers/random.js';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';

const FRAGMENTS = ['{', '}', '}}', '[', ']', '(', ')', ':', '::', '*', '/', '-', '.', ',', '1e308', '1e-320', '0', '-1', '99999999999999999999999 W',
    ' kWh', ' GB_ram', ' %', ' "', ' "unterminated', ' web.', '..', ' server ', ' from ', ' on ', ' in kW', ' per year', ' source ',
    '\n', ' x ', ' 2025-13-45 ', ' linear_growth(', ' hourly_values([', ' import "nowhere.efp"\n', ' confidence ', '/*', '*/', '//', ' µs ', '\u0000'];

function mutate(text: string, next: () => number): string {
    let out = text;
    const edits = 1 + Math.floor(next() * 5);
    for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * out.length);
        const choice = next();
        if (choice < 0.35) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 40));
        else if (choice < 0.75) out = out.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + out.slice(at);
        else if (choice < 0.9) out = out.slice(0, at) + out.slice(at).replace(/\d+(\.\d+)?/, String(Math.floor(next() * 1e9) - 5e8));
        else out = out.slice(0, at) + out.slice(at).replace(/[{}]/, ''); // unbalance the braces
    }
    return out;
}

describe('malformed input in the language server', () => {
    it('a thousand mutations of the examples: every update, hover and completion answers', async () => {
        const examples = ['examples/quickstart.efp', 'examples/reference/simple_system.efp', 'examples/reference/machine_learning_workflow.efp']
            .map(f => readFileSync(f, 'utf8'));
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        const uri = URI.file('/virtual/mutated.efp');
        const next = random(Number(process.env.EFP_FUZZ_SEED ?? 7));
        const runs = Number(process.env.EFP_FUZZ_RUNS ?? 1000);
        for (let i = 0; i < runs; i++) {
            const text = mutate(examples[i % examples.length], next);
            setTextDocument(Efp, TextDocument.create(uri.toString(), 'efp', i + 1, text));
            try {
                await shared.workspace.DocumentBuilder.update([uri], []);
                const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
                const position = document.textDocument.positionAt(Math.floor(next() * text.length));
                await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: uri.toString() }, position });
                await Efp.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uri.toString() }, position });
                await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: uri.toString() }, range: { start: { line: 0, character: 0 }, end: position } });
                for (const d of document.diagnostics ?? []) {
                    // every problem is located inside the text
                    expect(d.range.start.line).toBeLessThanOrEqual(document.textDocument.lineCount);
                }
            } catch (e) {
                throw new Error(`mutation ${i} (seed ${process.env.EFP_FUZZ_SEED ?? 7}) broke the server: ${(e as Error).stack}\n--- text ---\n${text}`);
            }
        }
    }, 300_000);
});
