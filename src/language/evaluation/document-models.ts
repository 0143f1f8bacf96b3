import { URI, WorkspaceCache, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { Model } from '../../engine/model/model.js';
import { describeModel } from '../model-description.js';
import { importClosure } from '../efp-scope.js';

/** True when a document and what it imports parse and link: the engine can evaluate them. */
export function canEvaluate(document: LangiumDocument, documents: LangiumDocuments): boolean {
    for (const uri of importClosure(document, documents)) {
        const doc = documents.getDocument(URI.parse(uri));
        if (!doc) return false;
        if (doc.parseResult.lexerErrors.length > 0 || doc.parseResult.parserErrors.length > 0) return false;
        if (doc.references.some(r => r.error !== undefined)) return false;
    }
    return true;
}

/**
 * The evaluated model of each document (the document as the root, with what it imports), computed on
 * demand and forgotten when any document changes, since an import may change the model. The validator
 * reports the engine's diagnostics from it; hovers show its values.
 */
export class DocumentModels {
    private readonly cache: WorkspaceCache<string, Model | undefined>;
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared);
        this.documents = shared.workspace.LangiumDocuments;
    }

    /** The document's evaluated model, or undefined while it has syntax or name errors. */
    modelFor(document: LangiumDocument): Model | undefined {
        return this.cache.get(document.uri.toString(), () =>
            canEvaluate(document, this.documents) ? Model.build(describeModel(document, this.documents)) : undefined);
    }
}
