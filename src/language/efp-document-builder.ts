import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { importClosure } from './efp-scope.js';

/**
 * Langium rebuilds a document when a file it refers to changes. A model is its file and every file it
 * imports, transitively: `main.efp` imports `infra.efp`, which imports `regions.efp`; a change to
 * regions.efp changes main's figures though main names nothing of it. Such a document is rebuilt too,
 * so that its diagnostics and evaluated model follow.
 */
export class EfpDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const self = document.uri.toString();
        for (const uri of importClosure(document, this.langiumDocuments)) {
            if (uri !== self && changedUris.has(uri)) return true;
        }
        return false;
    }
}
