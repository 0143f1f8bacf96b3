import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, type TextDocument } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';

/**
 * Langium's update handler, plus saves: implementing `didSaveDocument` is what makes the server ask
 * the client for save notifications, which drive evaluation on save.
 */
export class EfpDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(private readonly sharedServices: LangiumSharedServices) {
        super(sharedServices);
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.sharedServices.ServiceRegistry.hasServices(uri)) return;
        const services = this.sharedServices.ServiceRegistry.getServices(uri) as EfpServices;
        void services.evaluation.EvaluationPublisher?.saved(event.document.uri).catch(() => undefined);
    }
}
