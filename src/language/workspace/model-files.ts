import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from '../builtin-library.js';
import { isDocument } from '../generated/ast.js';
import { FileError } from '../../platform/file-errors.js';
import { SourceUnavailableError } from './source-unavailable-error.js';
import { unreadableFiles } from './unreadable-files.js';

/** A model's main file as loaded, with the documents of its import closure. */
export interface LoadedModelFiles {
    /** Undefined when the main file is not there. */
    readonly main: LangiumDocument | undefined;
}

/** `notes.txt is not an efp model: …`: a file given as a model that efp has no language for. */
export function notAModel(name: string): SourceUnavailableError {
    return new SourceUnavailableError(`${name} is not an efp model: efp reads models from .efp files`);
}

/**
 * Loads a model into a fresh set of services: the built-in library, the main file and, transitively, the
 * files it imports (resolved relative to each importing file), then parses, links and validates them.
 * Where the texts come from is the caller's: files on disk, or a git revision. `read` gives undefined for
 * a file that is not there (a missing import is reported on its import line by the validator), and throws
 * a FileError for one it cannot read: the main file's is thrown on, an import's recorded for the validator
 * to report on its line. `follow` may refuse an import (one outside the workspace, also reported on its
 * line); a file that is not a model (`import "notes.txt"`) is never loaded. `name` is the main file as the
 * user named it.
 */
export async function loadModelFiles(
    shared: LangiumSharedServices, mainUri: URI, name: string,
    read: (uri: URI) => Promise<string | undefined>,
    follow: (from: URI, to: URI) => boolean = () => true
): Promise<LoadedModelFiles> {
    if (!shared.ServiceRegistry.hasServices(mainUri)) throw notAModel(name);
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const unreadable = unreadableFiles(shared);
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    documents.addDocument(library);
    const loaded: LangiumDocument[] = [library];
    const queue: URI[] = [mainUri];
    const seen = new Set<string>();
    let main: LangiumDocument | undefined;
    while (queue.length > 0) {
        const uri = queue.shift()!;
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        let text: string | undefined;
        try {
            text = await read(uri);
        } catch (e) {
            if (uri === mainUri || !(e instanceof FileError)) throw e;
            unreadable.set(uri.toString(), { reason: e.reason, hint: e.hint });
            continue;
        }
        if (text === undefined) {
            if (uri === mainUri) return { main: undefined };
            continue;
        }
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        loaded.push(document);
        main ??= document;
        const root = document.parseResult.value;
        if (!isDocument(root)) continue;
        for (const imp of root.imports) {
            const target = imp.path ? UriUtils.resolvePath(UriUtils.dirname(uri), imp.path) : undefined;
            if (target && shared.ServiceRegistry.hasServices(target) && follow(uri, target)) queue.push(target);
        }
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { main };
}
