import { DocumentState, URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import { EvaluatedNotification, type EvaluatedParams } from '../protocol.js';
import { summarizeSystem, systemsOf } from '../../engine/index.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { logInternalFault } from '../handler-guard.js';

export type EvaluationTrigger = 'onSave' | 'onType';

/**
 * Tells the client a document's footprint after it is evaluated, so the status bar and the open panels
 * can refresh: on save by default, after every validation with `efp.evaluation.trigger: onType`, once
 * when a document is first validated (the status bar has something to show right away), and after a
 * file it depends on changed on disk (its figures changed without an edit). Only for documents open in
 * the editor: the others have no status bar, and their models are not kept.
 */
export class EvaluationPublisher {
    /** Documents whose results were sent at least once. */
    private readonly published = new Set<string>();
    /** Documents to send after their next validation, whatever the trigger. */
    private readonly due = new Set<string>();

    constructor(private readonly efp: EfpServices) {
        const builder = efp.shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.Validated, async documents => {
            const trigger = await this.trigger();
            for (const document of documents) {
                if (!this.isModel(document)) continue;
                const uri = document.uri.toString();
                if (!this.isOpen(document)) {
                    // opened again later, it is new to the status bar
                    this.published.delete(uri);
                    this.due.delete(uri);
                } else if (trigger === 'onType' || !this.published.has(uri) || this.due.has(uri)) {
                    this.send(document);
                }
            }
        });
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.published.delete(uri.toString());
                this.due.delete(uri.toString());
            }
        });
    }

    /** A file the document depends on changed on disk: its figures are sent once it is evaluated again. */
    filesChanged(uri: URI): void {
        this.due.add(uri.toString());
    }

    /** Called when the client saved a document. */
    async saved(uri: string): Promise<void> {
        if (await this.trigger() !== 'onSave') return;
        const parsed = URI.parse(uri);
        await this.efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
        const document = this.efp.shared.workspace.LangiumDocuments.getDocument(parsed);
        if (document && this.isModel(document)) this.send(document);
    }

    /** What the client is told about a document now (also used by tests). */
    resultsOf(document: LangiumDocument): EvaluatedParams {
        const uri = document.uri.toString();
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).length;
        const results = this.efp.evaluation.DocumentModels.resultsFor(document);
        if (!results) {
            return { uri, version: document.textDocument.version, stale: true, errors, systems: [], message: 'The model has not evaluated yet: fix the errors the Problems view lists.' };
        }
        const { model, stale } = results;
        const systems = systemsOf(model).map(system => {
            const s = summarizeSystem(model, system);
            return { id: s.systemId, name: s.system, total: s.total, perYear: s.perYear };
        });
        return {
            uri,
            version: this.efp.evaluation.DocumentModels.versionOf(model) ?? document.textDocument.version,
            stale,
            errors,
            systems,
            message: systems.length === 0 ? 'The model declares no system: add `system my_service { usage_patterns: [...] }` to total its footprint.' : undefined
        };
    }

    /** Answers `efp/evaluate`: the document's results now, also sent as a notification. */
    async evaluateNow(uri: string): Promise<EvaluatedParams | undefined> {
        const parsed = URI.parse(uri);
        if (!this.efp.shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined;
        await this.efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
        const document = this.efp.shared.workspace.LangiumDocuments.getDocument(parsed)!;
        this.send(document);
        return this.resultsOf(document);
    }

    private send(document: LangiumDocument): void {
        const connection = this.efp.shared.lsp.Connection;
        if (!connection) return;
        const uri = document.uri.toString();
        this.published.add(uri);
        this.due.delete(uri);
        try {
            void connection.sendNotification(EvaluatedNotification.method, this.resultsOf(document)).catch(error => logInternalFault(connection.console, 'sending the figures', uri, error));
        } catch (error) {
            // the figures of one document do not stop the build that validated the others
            logInternalFault(connection.console, 'summing up the figures', uri, error);
        }
    }

    private isOpen(document: LangiumDocument): boolean {
        return this.efp.shared.workspace.TextDocuments.get(document.uri.toString()) !== undefined;
    }

    private isModel(document: LangiumDocument): boolean {
        return document.uri.toString() !== BUILTIN_LIBRARY_URI;
    }

    private async trigger(): Promise<EvaluationTrigger> {
        const settings = await this.efp.shared.workspace.ConfigurationProvider.getConfiguration('efp', 'evaluation') as { trigger?: string } | undefined;
        return settings?.trigger === 'onType' ? 'onType' : 'onSave';
    }
}
