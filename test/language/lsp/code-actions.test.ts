import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../helpers/language-workspace.js';

/** Validates `text`, asks for the fixes of its first diagnostic, applies the first fix. */
async function fix(text: string): Promise<{ title: string; fixed: string } | undefined> {
    const { Efp, documents: [document] } = await openWorkspace(text);
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
