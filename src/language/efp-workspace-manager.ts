import { DefaultWorkspaceManager, URI, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from './builtin-library.js';

/** Loads the built-in library (units, countries, archetypes) alongside the user's files. */
export class EfpWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        collector(this.documentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI)));
    }
}
