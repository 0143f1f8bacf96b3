import { DefaultServiceRegistry, type LangiumCoreServices, type LangiumSharedCoreServices, type URI } from 'langium';

/**
 * Langium's registry finds a document's language from the editor's language id while the document is
 * open, else from its file extension. A document without one (`untitled:Untitled-1`, a `.txt` opened as
 * efp) then has no language once it is closed, and every later build that touches it threw ("no
 * services for the extension ''"), killing the server. A document the workspace holds was accepted as
 * efp when it came in, so it stays efp for as long as it is there.
 */
export class EfpServiceRegistry extends DefaultServiceRegistry {
    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            const [language] = this.all;
            // read when asked: the documents service is built from this registry
            if (language && this.all.length === 1 && this.shared.workspace.LangiumDocuments.hasDocument(uri)) return language;
            throw error;
        }
    }
}
