import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, type TextDocument } from 'langium';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import { importClosure } from '../efp-scope.js';
import { logInternalFault } from '../handler-guard.js';

/**
 * How the editor's events become workspace updates: Langium's handler, plus
 * - saves: implementing `didSaveDocument` is what makes the server ask the client for save
 *   notifications, which drive evaluation on save;
 * - closes: the editor's text of a closed document is gone, so the document goes back to its file on
 *   disk (a file of the workspace, or one another document imports) or leaves the workspace (an
 *   untitled buffer, a file outside the workspace), with its diagnostics and its evaluated models;
 * - edits: each one tells the evaluation to wait for the end of the burst (EditBurst);
 * - data files: a file a model read (a measurement's CodeCarbon .csv) changed on disk re-evaluates the
 *   documents that read it, as Langium does for the .efp files they import;
 * - documents in a language the server does not know are ignored, and an update that fails is logged,
 *   where Langium's left a rejected promise that ended the server.
 */
export class EfpDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /** The event of the document being opened: its first content is not an edit. */
    private opening: TextDocumentChangeEvent<TextDocument> | undefined;

    constructor(private readonly sharedServices: LangiumSharedServices) {
        super(sharedServices);
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.opening = event;
    }

    override didChangeContent(event: TextDocumentChangeEvent<TextDocument>): void {
        if (event !== this.opening) this.efpServices(URI.parse(event.document.uri))?.evaluation.EditBurst.edited();
        this.opening = undefined;
        super.didChangeContent(event);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const readers = params.changes.flatMap(change => this.dataFileReaders(change.uri));
        if (readers.length === 0) {
            super.didChangeWatchedFiles(params);
            return;
        }
        // the documents that read a changed data file are rebuilt with the .efp files that changed
        const changes = [...params.changes, ...readers.map(uri => ({ uri: uri.toString(), type: FileChangeType.Changed as FileChangeType }))];
        super.didChangeWatchedFiles({ changes });
        for (const uri of readers) this.efpServices(uri)?.evaluation.EvaluationPublisher.filesChanged(uri);
    }

    /** The documents whose model read `uri` as a data file. */
    private dataFileReaders(uri: string): URI[] {
        return this.serviceRegistry.all.flatMap(services => (services as EfpServices).evaluation?.DocumentModels.readersOf(uri) ?? []);
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const services = this.efpServices(URI.parse(event.document.uri));
        void services?.evaluation.EvaluationPublisher.saved(event.document.uri).catch(error => this.logFault('save', event.document.uri, error));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.sharedServices.workspace.LangiumDocuments.hasDocument(uri)) return;
        if (this.backedByFile(uri)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    /** Whether a closed document's file takes over from the editor's text, rather than it leaving. */
    private backedByFile(uri: URI): boolean {
        if (uri.scheme !== 'file' || !existsSync(uri.fsPath)) return false;
        const folders = this.sharedServices.workspace.WorkspaceManager.workspaceFolders ?? [];
        if (folders.some(folder => isInsideFolder(URI.parse(folder.uri), uri))) return true;
        const documents = this.sharedServices.workspace.LangiumDocuments;
        const key = uri.toString();
        return documents.all.some(document => document.uri.toString() !== key && importClosure(document, documents).has(key));
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        // an open document in another language (a client that sends every file) is not ours
        const texts = this.sharedServices.workspace.TextDocuments;
        const ours = changed.filter(uri => !texts.get(uri.toString()) || this.serviceRegistry.hasServices(uri));
        if (ours.length === 0 && deleted.length === 0) return;
        const uris = [...ours, ...deleted].map(u => u.toString()).join(', ');
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(ours, deleted, token)))
            .catch(error => this.logFault('document update', uris, error));
    }

    private efpServices(uri: URI): EfpServices | undefined {
        return this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) as EfpServices : undefined;
    }

    private logFault(what: string, uri: string, error: unknown): void {
        logInternalFault(this.sharedServices.lsp.Connection?.console ?? console, what, uri, error);
    }
}

function isInsideFolder(folder: URI, uri: URI): boolean {
    if (folder.scheme !== uri.scheme) return false;
    const rel = relative(folder.fsPath, uri.fsPath);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
