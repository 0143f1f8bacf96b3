import { DocumentState, isOperationCancelled, OperationCancelled, URI, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { buildModel, buildModelInSlices, Model, type ModelDescription, type SeriesBudget } from '../../engine/index.js';
import { describeModel } from '../model-description.js';
import { dataFilesRead, fileAccessPolicy, type DataFileReader, type FileAccessPolicy } from '../data-files.js';
import { importClosure, tooManyModelFiles } from '../efp-scope.js';
import { logInternalFault } from '../handler-guard.js';
import { ModelHolds } from './model-holds.js';
import { seriesBudgetOrDefault } from './series-budget.js';
import type { EditBurst } from './edit-burst.js';

/**
 * True when a document and what it imports are all there and parse: the engine can evaluate them. A name
 * that does not resolve does not stop it: the engine checks the rest of the text (its unit errors, missing
 * inputs...) with what names it left out, and the model counts as having errors (model-description.ts).
 */
export function canEvaluate(document: LangiumDocument, documents: LangiumDocuments): boolean {
    const closure = importClosure(document, documents);
    if (tooManyModelFiles(closure)) return false;
    for (const uri of closure) {
        const doc = documents.getDocument(URI.parse(uri));
        if (!doc) return false;
        if (doc.parseResult.lexerErrors.length > 0 || doc.parseResult.parserErrors.length > 0) return false;
        // the lexer's own errors (a text past its budget, a comment never closed)
        if (doc.parseResult.lexerReport?.diagnostics.some(d => (d.severity ?? 'error') === 'error')) return false;
    }
    return true;
}

/** The engine failed on a model: a bug of efp's, not one of the model's. */
export class EvaluationFault extends Error {
    constructor(readonly fault: unknown) {
        super(`efp failed while evaluating this model (${fault instanceof Error ? fault.message : String(fault)}): this is a bug in efp, not in the model`);
    }
}

/** A document's evaluation for its current text: no model while it has syntax errors, or when the engine failed. */
interface Evaluation {
    readonly model: Model | undefined;
    /** What the engine threw: a bug of efp's, reported once on the document. */
    readonly fault?: unknown;
}

/**
 * The evaluated model of each document (the document as the root, with what it imports), and the last
 * one that evaluated without errors, which panels and hovers show while the text is broken.
 *
 * What is kept, and for how long:
 * - a document's evaluation stays until a change reaches the document (its text, a file it imports, a
 *   data file it read): the builder then resets it, and the evaluation goes;
 * - in the editor, only open documents keep theirs and have a last good model; a closed document's
 *   model serves the validator (its diagnostics) and goes;
 * - a model nobody holds any more is disposed (ModelHolds), its arrays reused by the next evaluation;
 * - in the editor, readers never evaluate a document the builder has not validated yet: the validator
 *   does, in slices a newer edit cancels, once the typing stops (EditBurst). Meanwhile readers get the
 *   last good model. The CLI and tests, which build once, evaluate on demand.
 */
export class DocumentModels {
    private readonly documents: LangiumDocuments;
    private readonly shared: LangiumSharedServices;
    private readonly readDataFile: DataFileReader;
    /** Where data files may be read from (the workspace) and how large they may be. */
    private readonly filePolicy: FileAccessPolicy;
    private readonly holds = new ModelHolds();
    /** Each document's evaluation of its current text (in the editor, open documents only). */
    private readonly current = new Map<string, Evaluation>();
    /** The last model each open document had without errors, kept while its text is broken. */
    private readonly lastGood = new Map<string, Model>();
    /** The document version each model was built from. */
    private readonly versions = new WeakMap<Model, number>();
    /** The data files each document's last evaluation read (a CodeCarbon .csv), as URIs. */
    private readonly dataFiles = new Map<string, readonly string[]>();

    constructor(shared: LangiumSharedServices, private readonly editBurst?: EditBurst) {
        this.shared = shared;
        this.documents = shared.workspace.LangiumDocuments;
        // through Langium's file system, so data files read alike in the CLI, the server and tests
        const files = shared.workspace.FileSystemProvider;
        this.readDataFile = uri => files.readFileSync(uri);
        this.filePolicy = fileAccessPolicy(shared);
        shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => this.forgetChanged(changed, deleted));
    }

    /** With an editor (a language server), models are kept for the documents it has open. */
    private get inEditor(): boolean {
        return this.shared.lsp.Connection !== undefined;
    }

    private keeps(uri: string): boolean {
        return !this.inEditor || this.shared.workspace.TextDocuments.get(uri) !== undefined;
    }

    /** After an update: the evaluations of the documents it reached (reset by the builder, or gone) go. */
    private forgetChanged(changed: readonly URI[], deleted: readonly URI[]): void {
        const touched = new Set([...changed, ...deleted].map(uri => uri.toString()));
        const stale = (uri: string) => {
            const document = this.documents.getDocument(URI.parse(uri));
            return !document || touched.has(uri) || document.state < DocumentState.Validated;
        };
        for (const [uri, evaluation] of [...this.current]) {
            if (!stale(uri)) continue;
            this.current.delete(uri);
            if (evaluation.model) this.holds.release(evaluation.model);
        }
        for (const [uri, model] of [...this.lastGood]) {
            if (this.documents.hasDocument(URI.parse(uri)) && this.keeps(uri)) continue;
            this.lastGood.delete(uri);
            this.holds.release(model);
        }
        for (const uri of deleted) this.dataFiles.delete(uri.toString());
    }

    /** The document's evaluated model, or undefined while it has syntax errors. */
    modelFor(document: LangiumDocument): Model | undefined {
        const known = this.current.get(document.uri.toString());
        if (known) return known.model;
        // the validator is about to evaluate this text, in slices that a newer edit cancels
        if (this.inEditor && document.state < DocumentState.Validated) return undefined;
        const evaluation = this.attempt(document, description => buildModel(description, { seriesBudget: this.seriesBudget() }));
        this.remember(document, evaluation);
        return evaluation.model;
    }

    /**
     * For the validator: the document's model, evaluated in slices that let the editor answer in between,
     * given to `read` and held until it is done. Throws Langium's OperationCancelled when a newer text
     * makes the evaluation pointless (`token`); in the editor, waits first until the edits stop.
     */
    async evaluateFor<T>(document: LangiumDocument, token: CancellationToken, read: (model: Model) => T): Promise<T | undefined> {
        const uri = document.uri.toString();
        let evaluation = this.current.get(uri);
        if (!evaluation) {
            await this.editBurst?.settled(token);
            evaluation = await this.attemptAsync(document, async description => {
                const model = await buildModelInSlices(description, () => token.isCancellationRequested, undefined, { seriesBudget: this.seriesBudget() });
                if (!model) throw OperationCancelled;
                // a model finished after the text changed is not this text's
                if (token.isCancellationRequested) {
                    model.dispose();
                    throw OperationCancelled;
                }
                return model;
            });
            this.remember(document, evaluation);
        }
        if (evaluation.fault !== undefined) throw new EvaluationFault(evaluation.fault);
        const model = evaluation.model;
        return model ? this.holds.reading(model, read) : undefined;
    }

    /** Runs `read` with the model held, for a reader that uses it across awaits: it is not disposed meanwhile. */
    reading<T>(model: Model, read: (model: Model) => T | Promise<T>): Promise<T> {
        return this.holds.reading(model, read);
    }

    /** The memory budget of a model's hourly values (EFP_MAX_SERIES_MB; the CLI refuses a bad one before it gets here). */
    private seriesBudget(): SeriesBudget {
        return seriesBudgetOrDefault(line => (this.shared.lsp.Connection?.console ?? console).warn(line));
    }

    private describe(document: LangiumDocument): ModelDescription {
        return describeModel(document, this.documents, this.readDataFile, this.filePolicy);
    }

    private attempt(document: LangiumDocument, build: (description: ModelDescription) => Model): Evaluation {
        if (!canEvaluate(document, this.documents)) return { model: undefined };
        try {
            const description = this.describe(document);
            this.dataFiles.set(document.uri.toString(), dataFilesRead(description.files).map(uri => uri.toString()));
            return { model: build(description) };
        } catch (error) {
            return this.failed(document, error);
        }
    }

    private async attemptAsync(document: LangiumDocument, build: (description: ModelDescription) => Promise<Model>): Promise<Evaluation> {
        if (!canEvaluate(document, this.documents)) return { model: undefined };
        try {
            const description = this.describe(document);
            this.dataFiles.set(document.uri.toString(), dataFilesRead(description.files).map(uri => uri.toString()));
            return { model: await build(description) };
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return this.failed(document, error);
        }
    }

    private failed(document: LangiumDocument, error: unknown): Evaluation {
        logInternalFault(this.shared.lsp.Connection?.console ?? console, 'evaluating the model', document.uri.toString(), error);
        return { model: undefined, fault: error };
    }

    /** Keeps a document's new evaluation where the document is kept (see the class), and its last good model. */
    private remember(document: LangiumDocument, evaluation: Evaluation): void {
        const uri = document.uri.toString();
        const model = evaluation.model;
        if (model) this.versions.set(model, document.textDocument.version);
        if (!this.keeps(uri)) return;
        const previous = this.current.get(uri);
        this.current.set(uri, evaluation);
        if (model) this.holds.hold(model);
        if (previous?.model) this.holds.release(previous.model);
        if (model && !model.hasErrors) {
            const last = this.lastGood.get(uri);
            this.lastGood.set(uri, model);
            this.holds.hold(model);
            if (last) this.holds.release(last);
        }
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

    /** The data files the document's last evaluation read (as URIs): what its figures depend on besides .efp files. */
    dataFilesOf(document: LangiumDocument): readonly string[] {
        return this.dataFiles.get(document.uri.toString()) ?? [];
    }

    /** The documents whose last evaluation read a data file (`uri`), so that a change of it re-evaluates them. */
    readersOf(uri: string): URI[] {
        // as the engine resolved it, whatever the client's spelling
        const file = URI.parse(uri).toString();
        return [...this.dataFiles].filter(([, files]) => files.includes(file)).map(([document]) => URI.parse(document));
    }

    /** What is kept now (for tests and benchmarks: nothing may stay for a document the editor closed). */
    get retained(): { readonly documents: readonly string[]; readonly lastGood: readonly string[]; readonly models: readonly Model[]; readonly dataFileReaders: readonly string[] } {
        return { documents: [...this.current.keys()], lastGood: [...this.lastGood.keys()], models: this.holds.held, dataFileReaders: [...this.dataFiles.keys()] };
    }
}
