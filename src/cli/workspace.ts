import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices, type EfpServices } from '../language/efp-module.js';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from '../language/builtin-library.js';
import { isDocument } from '../language/generated/ast.js';

/** A bad command line or an unreadable file: reported in one line, exit code 2. */
export class UsageError extends Error {}

export interface LoadedWorkspace {
    readonly services: EfpServices;
    readonly document: LangiumDocument;
}

/**
 * Loads a model file, the files it imports (transitively, relative to each file) and the built-in
 * library, then parses, links and validates them all.
 */
export async function loadWorkspace(path: string): Promise<LoadedWorkspace> {
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    documents.addDocument(library);

    const mainUri = URI.file(resolve(path));
    const loaded: LangiumDocument[] = [library];
    const queue: URI[] = [mainUri];
    const seen = new Set<string>();
    let main: LangiumDocument | undefined;
    while (queue.length > 0) {
        const uri = queue.shift()!;
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        let text: string;
        try {
            text = await readFile(uri.fsPath, 'utf8');
        } catch (e) {
            if (uri === mainUri) throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
            continue; // a missing import is reported on its import line by the validator
        }
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        loaded.push(document);
        main ??= document;
        const root = document.parseResult.value;
        if (isDocument(root)) {
            for (const imp of root.imports) {
                if (imp.path) queue.push(UriUtils.resolvePath(UriUtils.dirname(uri), imp.path));
            }
        }
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { services: Efp, document: main! };
}
