import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { openWorkspace } from '../../helpers/language-workspace.js';

const text = readFileSync('examples/quickstart.efp', 'utf8');

async function hints() {
    const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': text });
    const end = document.textDocument.positionAt(text.length);
    return (await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end } })) ?? [];
}

describe('inlay hints', () => {
    it('show each object\'s yearly footprint after its name, as e-footprint computes it', async () => {
        const all = await hints();
        const server = all.find(h => h.position.line === text.split('\n').findIndex(l => l.startsWith('server web "server"')))!;
        expect(server.position.character).toBe('server web "server"'.length);
        // e-footprint: 54,194.1 + 170,628.86 kg over 3 years (26,298 hours)
        const totals = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz').system_totals!;
        const kg = (totals.fabrication_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value
            + (totals.energy_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value;
        // a yearly figure keeps four significant digits, in the unit its size calls for (mass-format.ts)
        expect(server.label).toBe(`≈ ${(kg / 3 / 1000).toPrecision(4)} t CO2e/year`);
        const system = all.find(h => h.position.line === text.split('\n').findIndex(l => l.startsWith('system streaming_platform')))!;
        expect(system.label).toBe('≈ 3,655.5 t CO2e/year'); // e-footprint: 10,966,373 kg over 3 years
        // no hint for objects without a footprint of their own (jobs, steps, journeys, patterns)
        expect(all.some(h => h.position.line === text.split('\n').findIndex(l => l.startsWith('job streaming')))).toBe(false);
        expect(all).toHaveLength(4); // the server, the storage, the network and the system (the laptop is built in)
    });
});

describe('inlay hints while the model has an error', () => {
    it('keep the figures of the last model that evaluated without errors', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        const uri = 'file:///virtual/editing.efp';
        const versions = [text, text.replace('power: 300 W', 'power: 300 Wh')];
        let labels: string[] = [];
        for (const [i, version] of versions.entries()) {
            setTextDocument(Efp, TextDocument.create(uri, 'efp', i + 1, version));
            await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
            const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
            const end = document.textDocument.positionAt(version.length);
            const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } }) ?? [];
            labels = hints.map(h => String(h.label));
        }
        expect(labels).toContain('≈ 74.94 t CO2e/year'); // the server's, from before the wrong unit
    });
});

describe('inlay hints of a model that never evaluated without errors', () => {
    it('show no figures rather than those of a model with errors', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': text.replace('power: 300 W', 'power: 300 Wh') });
        expect(Efp.evaluation.DocumentModels.modelFor(document)?.hasErrors).toBe(true);
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end } });
        expect(hints ?? []).toEqual([]);
    });
});
