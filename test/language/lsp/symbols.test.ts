import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import type { DocumentSymbol } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { createEfpServices } from '../../../src/language/efp-module.js';

describe('outline and folding', () => {
    it('list every declaration with its inputs, and fold objects', async () => {
        const text = readFileSync('examples/quickstart.efp', 'utf8');
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/virtual/outline.efp'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document]);
        const symbols = await Efp.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        const names = symbols.map(s => s.name);
        expect(names).toEqual(expect.arrayContaining(['ssd', 'web', 'streaming', 'upload', 'watch', 'capture', 'daily_video', 'wifi', 'french_households', 'streaming_platform']));
        const web = symbols.find(s => s.name === 'web')!;
        expect(web.children?.map(c => c.name)).toContain('power');
        const folds = await Efp.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const webLine = text.split('\n').findIndex(l => l.startsWith('server web'));
        expect(folds.some(f => f.startLine === webLine)).toBe(true);
    });
});
