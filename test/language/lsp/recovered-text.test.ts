import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { openWorkspace } from '../../helpers/language-workspace.js';
import type { EfpServices } from '../../../src/language/efp-module.js';
import { readEfpString } from '../../../src/engine/text/efp-syntax.js';

/**
 * Text the fuzzers found the editor's services failing on (`npm run fuzz`, seed 1796625754): a syntax
 * tree the parser recovered from an error, with a node that lacks a name or title its type promises, and
 * text an editor may send that no file can hold (half of a UTF-16 pair), which made a URI throw.
 */
const MODEL = `model "m" { start_date: 2025-01-01  modeling_duration: 1 year }
server web {
  power: daily_fluctuation(4731} 96)
  power_usage_effectiveness: 38946.8 * "" source nosuch
  utilization_rate: 0.5
}
`;

/** Hovers at every offset of the document: none may throw. */
async function hoverEverywhere(Efp: EfpServices, document: LangiumDocument): Promise<number> {
    const text = document.textDocument.getText();
    let answered = 0;
    for (let offset = 0; offset <= text.length; offset++) {
        const position = document.textDocument.positionAt(offset);
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        if (hover) answered++;
    }
    return answered;
}

describe('text the parser recovered from, and text no file can hold', () => {
    it('a hover on `source` after a text where a value goes: the source it starts, without the title it lacks (regression: "Cannot read properties of undefined")', async () => {
        const { Efp, documents: [document] } = await openWorkspace(MODEL);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(await hoverEverywhere(Efp, document)).toBeGreaterThan(0);
        const at = document.textDocument.positionAt(MODEL.indexOf('nosuch'));
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: at });
        expect(hover?.contents).toEqual({ kind: 'markdown', value: '**source nosuch**' });
    });

    it('an import whose path holds half of a UTF-16 pair: not found, said on its line with U+FFFD in its place, and every hover answers (regression: "URI malformed")', async () => {
        const text = `import "qu\uD800ickstart.efp"\nmodel "m" { start_date: 2025-01-01  modeling_duration: 1 year }\nserver web { power: 300 W }\n`;
        const { Efp, documents: [document] } = await openWorkspace(text);
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        expect(errors.map(d => [d.range.start.line, d.message])).toEqual([[0, 'cannot find \'qu\uFFFDickstart.efp\' (relative to this file)']]);
        expect(await hoverEverywhere(Efp, document)).toBeGreaterThan(0);
        const definition = await Efp.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 10 } });
        expect(definition ?? []).toEqual([]);
    });

    it('a string literal reads half of a UTF-16 pair, written or escaped, as U+FFFD; a whole pair stays', () => {
        expect(readEfpString('"a\uDC00b"')).toBe('a\uFFFDb');
        expect(readEfpString('"\\u{d800}x"')).toBe('\uFFFDx');
        expect(readEfpString('"\uD83D\uDE00 \\u{1f600}"')).toBe('\u{1F600} \u{1F600}');
    });
});
