import type { LangiumSharedCoreServices } from 'langium';

/** Why efp did not read a model file: too large, not UTF-8, not there... and what to do about it. */
export interface UnreadableFile {
    readonly reason: string;
    readonly hint?: string;
}

const registries = new WeakMap<object, Map<string, UnreadableFile>>();

/**
 * The model files of a workspace that could not be read, by URI. Whoever reads one records why (the
 * document factory in the language server, the model loader in the CLI); the validator says it on the
 * lines that import the file, and on the file itself when it is open. A file deleted since is forgotten.
 */
export function unreadableFiles(shared: LangiumSharedCoreServices): Map<string, UnreadableFile> {
    // keyed by the documents: the services container is a proxy, which each service sees as another object
    const documents = shared.workspace.LangiumDocuments;
    let registry = registries.get(documents);
    if (!registry) {
        const created = new Map<string, UnreadableFile>();
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) created.delete(uri.toString());
        });
        registries.set(documents, created);
        registry = created;
    }
    return registry;
}
