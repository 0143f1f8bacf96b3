import { OperationCancelled, URI, WorkspaceCache, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { Model } from '../../engine/model/model.js';
import { describeModel } from '../model-description.js';
import { fileAccessPolicy, type DataFileReader, type FileAccessPolicy } from '../data-files.js';
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
    private readonly readDataFile: DataFileReader;
    /** Where data files may be read from (the workspace) and how large they may be. */
    private readonly filePolicy: FileAccessPolicy;
    /** The last model each document had, kept while its text is broken. */
    private readonly lastGood = new Map<string, Model>();
    /** The document version each model was built from. */
    private readonly versions = new WeakMap<Model, number>();

    constructor(shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared);
        this.documents = shared.workspace.LangiumDocuments;
        // through Langium's file system, so data files read alike in the CLI, the server and tests
        const files = shared.workspace.FileSystemProvider;
        this.readDataFile = uri => files.readFileSync(uri);
        this.filePolicy = fileAccessPolicy(shared);
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.lastGood.delete(uri.toString());
        });
    }

    /** The document's evaluated model, or undefined while it has syntax or name errors. */
    modelFor(document: LangiumDocument): Model | undefined {
        const uri = document.uri.toString();
        return this.cache.get(uri, () => {
            if (!canEvaluate(document, this.documents)) return undefined;
            return this.remember(document, Model.build(describeModel(document, this.documents, this.readDataFile, this.filePolicy)));
        });
    }

    /**
     * The same, evaluated in slices that let the editor answer in between; throws Langium's
     * OperationCancelled when a newer text makes the evaluation pointless (`token`).
     */
    async evaluateFor(document: LangiumDocument, token: CancellationToken): Promise<Model | undefined> {
        const uri = document.uri.toString();
        if (this.cache.has(uri)) return this.cache.get(uri);
        if (!canEvaluate(document, this.documents)) {
            this.cache.set(uri, undefined);
            return undefined;
        }
        const model = await Model.buildInSlices(describeModel(document, this.documents, this.readDataFile, this.filePolicy), () => token.isCancellationRequested);
        if (!model) throw OperationCancelled;
        // the cache is cleared on any change: a model finished after one is not stored
        if (token.isCancellationRequested) throw OperationCancelled;
        this.cache.set(uri, this.remember(document, model));
        return model;
    }

    private remember(document: LangiumDocument, model: Model): Model {
        this.versions.set(model, document.textDocument.version);
        if (!model.hasErrors) this.lastGood.set(document.uri.toString(), model);
        return model;
    }

    /** The version of the document text a model was built from. */
    versionOf(model: Model): number | undefined {
        return this.versions.get(model);
    }

    /**
     * The model the panels and the status bar show: the current one when it evaluates without errors,
     * else the last good one, marked stale (undefined when the document never evaluated).
     */
    resultsFor(document: LangiumDocument): { model: Model; stale: boolean } | undefined {
        const current = this.modelFor(document);
        if (current && !current.hasErrors) return { model: current, stale: false };
        const last = this.lastGood.get(document.uri.toString());
        return last ? { model: last, stale: true } : undefined;
    }

    /**
     * For hovers and hints while typing: the current model when it evaluates without errors, else the
     * last one that did (its values are those of the last good text), else the current one if any.
     */
    latestModelFor(document: LangiumDocument): Model | undefined {
        const current = this.modelFor(document);
        if (current && !current.hasErrors) return current;
        return this.lastGood.get(document.uri.toString()) ?? current;
    }
}
