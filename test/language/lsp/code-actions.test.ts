import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';

let counter = 0;

/** Validates `text`, asks for the fixes of its first diagnostic, applies the first fix. */
async function fix(text: string): Promise<{ title: string; fixed: string } | undefined> {
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    const document = factory.fromString(text, URI.file(`/virtual/fix${counter++}.efp`));
    shared.workspace.LangiumDocuments.addDocument(library);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    const diagnostic = document.diagnostics![0];
    const actions = await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    const action = actions?.[0];
    if (!action) return undefined;
    const edits = action.edit!.changes![document.uri.toString()];
    return { title: action.title, fixed: TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text), edits) };
}

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

describe('quick fixes', () => {
    it('replace a misspelt object name with the suggestion', async () => {
        const result = await fix(quickstart.replace('network: wifi', 'network: wfi'));
        expect(result?.title).toBe("Replace with 'wifi'");
        expect(result?.fixed).toBe(quickstart);
    });

    it('replace a misspelt input name', async () => {
        const result = await fix(quickstart.replace('idle_power: 50 W', 'idle_powr: 50 W'));
        expect(result?.title).toBe("Replace with 'idle_power'");
        expect(result?.fixed).toBe(quickstart);
    });

    it('add a missing reference, naming an object of the right kind', async () => {
        const result = await fix(quickstart.replace('  storage: ssd\n', ''));
        expect(result?.title).toBe("Add 'storage: ssd'");
        expect(result?.fixed).toContain('  base_compute_consumption: 2 cpu_core\n  storage: ssd\n}');
    });
});
