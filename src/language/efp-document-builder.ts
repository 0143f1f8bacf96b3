import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { importClosure } from './efp-scope.js';
import { closureDeclaresSystem } from './model-roots.js';
import { BUILTIN_LIBRARY_URI } from './builtin-library.js';

/**
 * Langium rebuilds a document when a file it refers to changes. A model is its file and every file it
 * imports, transitively: `main.efp` imports `infra.efp`, which imports `regions.efp`; a change to
 * regions.efp changes main's figures though main names nothing of it. Such a document is rebuilt too,
 * so that its diagnostics and evaluated model follow. So is a file whose model declares no system on any
 * change elsewhere: whether it is a model of its own (an error) or a part of another depends on whether
 * another file imports it (model-roots.ts), which only the other file's text says.
 */
export class EfpDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const self = document.uri.toString();
        const closure = importClosure(document, this.langiumDocuments);
        for (const uri of closure) {
            if (uri !== self && changedUris.has(uri)) return true;
        }
        // the built-in library is no model, and not one to check again on every keystroke
        if (self === BUILTIN_LIBRARY_URI) return false;
        const elsewhere = changedUris.size > (changedUris.has(self) ? 1 : 0);
        return elsewhere && !closureDeclaresSystem(closure, this.langiumDocuments);
    }
}
