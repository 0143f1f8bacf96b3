import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createEfpServices } from '../../../src/language/efp-module.js';

async function signatureAt(textWithCursor: string) {
    const offset = textWithCursor.indexOf('<|>');
    const text = textWithCursor.replace('<|>', '');
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/virtual/signature.efp'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document]);
    return Efp.lsp.SignatureHelp!.provideSignatureHelp(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
}

describe('signature help', () => {
    it('shows a builder\'s parameters and the one being typed', async () => {
        const help = await signatureAt('usage_pattern p { hourly_usage_journey_starts: linear_growth(5000, 1<|>0000) }');
        expect(help?.signatures[0].label).toBe('linear_growth(start_value, end_value, start?)');
        expect(help?.activeParameter).toBe(1);
        const named = await signatureAt('usage_pattern p { hourly_usage_journey_starts: volume_growth(initial_volume: 10 per year, net_growth_rate: 2<|> % per year) }');
        expect(named?.signatures[0].label).toBe('volume_growth(initial_volume per …, net_growth_rate? per …, start_date?, modeling_duration?)');
        expect(named?.activeParameter).toBe(1);
        expect(named?.signatures[0].parameters?.[1].documentation).toBe('growth per day, month or year, in %');
    });
});
