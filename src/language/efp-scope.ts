import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, MapScope, MultiMap, UriUtils, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumCoreServices, type LangiumDocument, type LocalSymbols,
    type ReferenceInfo, type Scope, type AstNodeLocator, type LangiumDocuments, type Stream
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isDocument, isEnumDecl, isObjectDecl, type Document } from './generated/ast.js';
import { BUILTIN_LIBRARY_URI } from './builtin-library.js';

/**
 * Exports every top-level declaration and every enumerated value, so `autoscaling` and `France` are
 * names like any object's. Local symbols are only the document's own declarations (attribute and
 * argument names are not names one refers to).
 */
export class EfpScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports = await super.collectExportedSymbols(document, cancelToken);
        const root = document.parseResult.value as Document;
        for (const element of root.elements) {
            if (isEnumDecl(element)) {
                for (const member of element.members) exports.push(this.descriptions.createDescription(member, member.name, document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value as Document;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const element of root.elements) {
            const name = this.nameProvider.getName(element);
            if (name) symbols.add(root, this.descriptions.createDescription(element, name, document));
            if (isEnumDecl(element)) {
                for (const member of element.members) symbols.add(root, this.descriptions.createDescription(member, member.name, document));
            }
        }
        return symbols;
    }
}

/**
 * The most files one model may reach through its imports, itself included. Every document is a model
 * of its own (its diagnostics come from evaluating it with what it imports), so a chain of n files that
 * import each other costs n evaluations of up to n files: 1,600 chained files took 30 s to check. Real
 * models import a few files; a model past this is an error on its first import, and is not evaluated.
 */
export const MAX_MODEL_FILES = 256;

/**
 * Documents a document sees: itself, what it imports (transitively) and the built-in library; at most
 * MAX_MODEL_FILES + 1 of them (more than MAX_MODEL_FILES: see `tooManyModelFiles`).
 */
export function importClosure(document: LangiumDocument, documents: LangiumDocuments): Set<string> {
    const seen = new Set<string>([document.uri.toString()]);
    const queue: LangiumDocument[] = [document];
    while (queue.length > 0 && seen.size <= MAX_MODEL_FILES) {
        const doc = queue.pop()!;
        const root = doc.parseResult.value;
        if (!isDocument(root)) continue;
        for (const imp of root.imports) {
            if (!imp.path) continue;
            const uri = UriUtils.resolvePath(UriUtils.dirname(doc.uri), imp.path);
            const key = uri.toString();
            if (seen.has(key)) continue;
            seen.add(key);
            if (seen.size > MAX_MODEL_FILES) break;
            const imported = documents.getDocument(uri);
            if (imported) queue.push(imported);
        }
    }
    return seen;
}

/** Whether an import closure stopped at the limit: the model reaches more files than efp evaluates as one. */
export function tooManyModelFiles(closure: ReadonlySet<string>): boolean {
    return closure.size > MAX_MODEL_FILES;
}

/**
 * A scope looked up by name in a map: a large model has thousands of names and tens of thousands of
 * references, which a scope scanning its names one by one would make quadratic. The first of several
 * declarations of a name wins, as it would in a scan (a second one is reported as a duplicate).
 */
function mapScope(elements: readonly AstNodeDescription[], outer?: Scope): Scope {
    return new MapScope([...elements].reverse(), outer);
}

/**
 * A scope without some declarations (an object's own, for its `from`), looked up by name like the scope
 * it wraps: copying the names of a whole scope for every `from` made 20,000 of them take 87 s.
 */
class ScopeWithout implements Scope {
    constructor(private readonly scope: Scope, private readonly excluded: (d: AstNodeDescription) => boolean) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.getElements(name).head();
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return this.scope.getElements(name).filter(d => !this.excluded(d));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.scope.getAllElements().filter(d => !this.excluded(d));
    }
}

/**
 * Names resolve in the file, then in the files it imports, then in the built-in library, so a user's
 * object may reuse a built-in name (`network wifi`) and shadow it. `from X` never resolves to the object
 * being declared, so `storage ssd from ssd` means the built-in ssd archetype.
 */
export class EfpScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;
    /** A document's scope for a type of reference: built once per version of the workspace. */
    private readonly scopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
        this.scopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const scope = this.scopes.get(`${document.uri.toString()}|${referenceType}`, () => {
            // every local symbol is declared at the top of the document
            const root = document.parseResult.value;
            const local = document.localSymbols?.has(root)
                ? document.localSymbols.getStream(root).filter(d => this.reflection.isSubtype(d.type, referenceType)).toArray() : [];
            return mapScope(local, this.getGlobalScope(referenceType, context));
        });
        if (context.property === 'archetype' && isObjectDecl(context.container)) {
            const self = context.container;
            const document = AstUtils.getDocument(self);
            const selfPath = this.locator.getAstNodePath(self);
            const uri = document.uri.toString();
            return new ScopeWithout(scope, d => d.path === selfPath && d.documentUri.toString() === uri);
        }
        return scope;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const key = document.uri.toString();
        const visible = importClosure(document, this.documents);
        const own = this.indexManager.allElements(referenceType, visible).filter(d => d.documentUri.toString() !== BUILTIN_LIBRARY_URI).toArray();
        const builtin = this.indexManager.allElements(referenceType, new Set([BUILTIN_LIBRARY_URI])).toArray();
        return mapScope(own, key === BUILTIN_LIBRARY_URI ? EMPTY_SCOPE : mapScope(builtin));
    }
}

