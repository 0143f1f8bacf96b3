import { beforeAll, describe, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { expectSemanticToken, highlightHelper, type DecodedSemanticTokensWithRanges } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';

const { shared, Efp } = createEfpServices(EmptyFileSystem);
const highlight = highlightHelper(Efp);

beforeAll(async () => {
    const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    await shared.workspace.DocumentBuilder.build([library]);
});

describe('semantic tokens', () => {
    let tokens: DecodedSemanticTokensWithRanges;
    beforeAll(async () => {
        // ranges, in order: storage (input name), 300, W, autoscaling, web, power (member), disk (declaration), linear_growth
        tokens = await highlight(
            'server web { <|storage|>: disk  power: <|300|> <|W|>  server_type: <|autoscaling|>  idle_power: <|web|>.<|power|> / 6 }\n'
            + 'storage <|disk|> from ssd {}\n'
            + 'usage_pattern p { hourly_usage_journey_starts: <|linear_growth|>(1, 2) }\n');
    });

    it('an input name spelled like an object kind is a property', () => {
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.property });
    });

    it('numbers, units, enumerated values, objects and their values each have their colour', () => {
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.property });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 7, tokenType: SemanticTokenTypes.function });
    });
});
