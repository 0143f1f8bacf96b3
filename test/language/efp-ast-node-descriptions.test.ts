import { describe, expect, it } from 'vitest';
import { DefaultAstNodeDescriptionProvider, type AstNodeDescription } from 'langium';
import { openWorkspace } from '../helpers/language-workspace.js';

const MODEL = [
    '// a web server',
    'server web {',
    '    power: 300 W',
    '}',
    'enum tier { gold, silver }'
].join('\n');

function plain(description: AstNodeDescription) {
    return {
        name: description.name, type: description.type, path: description.path, uri: description.documentUri.toString(),
        nameSegment: description.nameSegment, selectionSegment: description.selectionSegment
    };
}

/** efp's descriptions of names hold what Langium's do (src/language/efp-ast-node-descriptions.ts), in less memory. */
describe('names in the index', () => {
    it('describe each declaration and enumerated value as Langium would: name, type, path, where its name and whole text are', async () => {
        const { Efp, documents: [document] } = await openWorkspace(MODEL, false);
        const exported = Efp.shared.workspace.IndexManager.allElements().filter(d => d.documentUri.toString() === document.uri.toString()).toArray();
        expect(exported.map(d => `${d.type} ${d.name}`)).toEqual(['ObjectDecl web', 'EnumDecl tier', 'EnumMember gold', 'EnumMember silver']);
        const langium = new DefaultAstNodeDescriptionProvider(Efp);
        for (const description of exported) {
            expect(plain(description)).toEqual(plain(langium.createDescription(description.node!, description.name, document)));
        }
        const web = exported[0];
        // `web` on line 2 (0-based 1), columns 7 to 10; the declaration runs to the closing brace
        expect(web.nameSegment?.range).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
        expect(web.selectionSegment?.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 3, character: 1 } });
    });

    it('find a declaration by name in workspace symbols, at its name', async () => {
        const { Efp } = await openWorkspace(MODEL, false);
        const symbols = await Efp.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'web' });
        expect(symbols.map(s => [s.name, 'range' in s.location ? s.location.range : undefined])).toContainEqual(
            ['web', { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } }]);
    });
});
