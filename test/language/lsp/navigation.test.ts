import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createEfpServices, type EfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';

const infra = 'storage disk from ssd {}\nserver web { storage: disk }\n';
const main = 'import "infra.efp"\njob call on web { ram_needed: web.ram / 100 }\n';

async function workspace(): Promise<{ Efp: EfpServices; infraDoc: LangiumDocument; mainDoc: LangiumDocument }> {
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    const infraDoc = factory.fromString(infra, URI.file('/ws/infra.efp'));
    const mainDoc = factory.fromString(main, URI.file('/ws/main.efp'));
    for (const d of [library, infraDoc, mainDoc]) shared.workspace.LangiumDocuments.addDocument(d);
    await shared.workspace.DocumentBuilder.build([library, infraDoc, mainDoc], { validation: true });
    return { Efp, infraDoc, mainDoc };
}

describe('navigation across files', () => {
    it('goes from a reference to its declaration in an imported file, and to the built-in library', async () => {
        const { Efp, mainDoc, infraDoc } = await workspace();
        const links = await Efp.lsp.DefinitionProvider!.getDefinition(mainDoc, {
            textDocument: { uri: mainDoc.uri.toString() }, position: mainDoc.textDocument.positionAt(main.indexOf('on web') + 4)
        });
        expect(links?.[0].targetUri).toBe(infraDoc.uri.toString());
        expect(links?.[0].targetSelectionRange.start).toEqual({ line: 1, character: 'server '.length });
        const ssd = await Efp.lsp.DefinitionProvider!.getDefinition(infraDoc, {
            textDocument: { uri: infraDoc.uri.toString() }, position: infraDoc.textDocument.positionAt(infra.indexOf('ssd') + 1)
        });
        expect(ssd?.[0].targetUri).toBe(BUILTIN_LIBRARY_URI);
    });

    it('finds every reference and renames an object in every file', async () => {
        const { Efp, mainDoc, infraDoc } = await workspace();
        const references = await Efp.lsp.ReferencesProvider!.findReferences(infraDoc, {
            textDocument: { uri: infraDoc.uri.toString() }, position: infraDoc.textDocument.positionAt(infra.indexOf('web') + 1), context: { includeDeclaration: true }
        });
        expect(references.map(r => r.uri.split('/').pop()).sort()).toEqual(['infra.efp', 'main.efp', 'main.efp']);
        const edit = await Efp.lsp.RenameProvider!.rename(infraDoc, {
            textDocument: { uri: infraDoc.uri.toString() }, position: infraDoc.textDocument.positionAt(infra.indexOf('web') + 1), newName: 'api'
        });
        const changes = edit?.changes ?? {};
        expect(Object.keys(changes).map(u => u.split('/').pop()).sort()).toEqual(['infra.efp', 'main.efp']);
        expect(changes[mainDoc.uri.toString()].map(e => e.newText)).toEqual(['api', 'api']);
    });

    it('refuses a new name that is not one, or that efp already means something by, and changes nothing', async () => {
        const { Efp, infraDoc } = await workspace();
        const at = { textDocument: { uri: infraDoc.uri.toString() }, position: infraDoc.textDocument.positionAt(infra.indexOf('web') + 1) };
        const refused = async (newName: string) => {
            try {
                await Efp.lsp.RenameProvider!.rename(infraDoc, { ...at, newName });
            } catch (e) {
                return (e as Error).message;
            }
            return 'renamed';
        };
        // written in place of every reference, this would have declared a second object
        expect(await refused('x { }\nserver evil')).toBe('"x { }\\nserver evil" is not a name: names are letters, digits and underscores, and do not start with a digit');
        expect(await refused('2web')).toBe('"2web" is not a name: names are letters, digits and underscores, and do not start with a digit');
        expect(await refused('server')).toBe('"server" already means something in efp (a keyword, a unit or an enumerated value): choose another name');
        expect(await refused('kWh')).toBe('"kWh" already means something in efp (a keyword, a unit or an enumerated value): choose another name');
        expect(await refused('web_2')).toBe('renamed');
    });
});
