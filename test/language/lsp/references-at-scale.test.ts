import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../helpers/language-workspace.js';

/**
 * A name used 130,000 times (a unit on every value of a long series): Langium spread its references into
 * one call (`push(...references)`), and finding them or highlighting them ran out of stack.
 */
describe('references at scale', () => {
    // past the default budget of tokens of a file (src/language/token-budget.ts), raised as a user may: what is tested is how efp scales
    beforeAll(() => { process.env.EFP_MAX_MODEL_TOKENS = '100000000'; });
    afterAll(() => { delete process.env.EFP_MAX_MODEL_TOKENS; });

    const values = Array.from({ length: 130_000 }, () => '1 W').join(', ');
    const text = `server web { power: hourly_values(values: [${values}], start_date: 2025-01-01) }`;

    it('finds the 130,000 uses of a unit and highlights them', async () => {
        const { Efp, documents: [document] } = await openWorkspace(text, false);
        const position = document.textDocument.positionAt(text.indexOf('1 W') + 2);
        const textDocument = { uri: document.uri.toString() };
        const references = await Efp.lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: false } });
        const here = references.filter(r => r.uri === textDocument.uri);
        expect(here).toHaveLength(130_000);
        expect(here[0].range.start).toEqual({ line: 0, character: text.indexOf('1 W') + 2 });
        const highlights = await Efp.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument, position });
        expect(highlights).toHaveLength(130_000);
        expect(highlights![129_999].range.start).toEqual({ line: 0, character: text.lastIndexOf('1 W') + 2 });
    });
});
