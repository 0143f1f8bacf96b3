import type { CompletionItem } from 'vscode-languageserver';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createEfpServices, type EfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';

let counter = 0;

export interface OpenWorkspace {
    readonly Efp: EfpServices;
    readonly shared: EfpServices['shared'];
    /** The documents, in the order given (the built-in library aside). */
    readonly documents: LangiumDocument[];
}

/**
 * Language services over in-memory files (name -> text) next to the built-in library, built with
 * validation unless asked otherwise. Files get a fresh folder, so tests never see each other's.
 * `services` are efp's unless given (services made otherwise, to compare with).
 */
export async function openWorkspace(files: Record<string, string> | string, validation = true,
    services: { shared: EfpServices['shared']; Efp: EfpServices } = createEfpServices(EmptyFileSystem)): Promise<OpenWorkspace> {
    const { shared, Efp } = services;
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const folder = `/virtual/ws${counter++}`;
    const entries = Object.entries(typeof files === 'string' ? { 'model.efp': files } : files);
    const documents = entries.map(([name, text]) => {
        const document = factory.fromString(text, URI.file(`${folder}/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build([library, ...documents], { validation });
    return { Efp, shared, documents };
}

/** The text with its `<|>` marker removed, and the marker's offset. */
export function cursor(textWithCursor: string): { text: string; offset: number } {
    return { text: textWithCursor.replace('<|>', ''), offset: textWithCursor.indexOf('<|>') };
}

/** The completion items at the `<|>` marker of `textWithCursor` (the file alone, built without validation). */
export async function completionsAt(textWithCursor: string): Promise<CompletionItem[]> {
    const { text, offset } = cursor(textWithCursor);
    const { Efp, documents: [document] } = await openWorkspace(text, false);
    const list = await Efp.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}
