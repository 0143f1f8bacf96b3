import { UriUtils, URI, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isDocument, isObjectDecl } from './generated/ast.js';
import { classForKeyword } from '../engine/index.js';
import { BUILTIN_LIBRARY_URI } from './builtin-library.js';

/**
 * Which files are models of their own: a file whose model (with what it imports) declares no system has
 * no footprint, which `efp eval` refuses and `efp check` reports; unless another file imports it, when it
 * is a part of that file's model (servers shared by several models), as `efp check folder/` takes it.
 */

/** Whether a file's own text declares a system: once per syntax tree (a new text is a new tree). */
const declaresSystemOf = new WeakMap<AstNode, boolean>();

function declaresSystemItself(document: LangiumDocument): boolean {
    const root = document.parseResult.value;
    let known = declaresSystemOf.get(root);
    if (known === undefined) {
        known = isDocument(root) && root.elements.some(e => isObjectDecl(e) && classForKeyword(e.kind)?.className === 'System');
        declaresSystemOf.set(root, known);
    }
    return known;
}

/** Whether the files of a model (a document's import closure, URIs) declare a system between them. */
export function closureDeclaresSystem(closure: Iterable<string>, documents: LangiumDocuments): boolean {
    for (const uri of closure) {
        if (uri === BUILTIN_LIBRARY_URI) continue;
        const document = documents.getDocument(URI.parse(uri));
        if (document && declaresSystemItself(document)) return true;
    }
    return false;
}

/** Who imports each document (URIs), worked out once for all documents after each change to the workspace. */
const importersCaches = new WeakMap<LangiumSharedServices, WorkspaceCache<'index', Map<string, string[]>>>();

function importersIndex(shared: LangiumSharedServices): Map<string, string[]> {
    let cache = importersCaches.get(shared);
    if (!cache) importersCaches.set(shared, (cache = new WorkspaceCache(shared)));
    return cache.get('index', () => {
        const index = new Map<string, string[]>();
        for (const document of shared.workspace.LangiumDocuments.all) {
            const root = document.parseResult.value;
            if (!isDocument(root)) continue;
            const from = document.uri.toString();
            for (const imp of root.imports) {
                if (!imp.path) continue;
                const target = UriUtils.resolvePath(UriUtils.dirname(document.uri), imp.path).toString();
                const list = index.get(target);
                if (list) list.push(from);
                else index.set(target, [from]);
            }
        }
        return index;
    });
}

/**
 * Whether a file outside the document's own model imports it: the document is then a part of that model.
 * The CLI loads only a model's files, so there a file named on the command line is always a model.
 */
export function importedFromOutside(document: LangiumDocument, closure: ReadonlySet<string>, shared: LangiumSharedServices): boolean {
    const importers = importersIndex(shared).get(document.uri.toString()) ?? [];
    return importers.some(uri => !closure.has(uri));
}

/** The usage patterns a model declares, for the system a hint proposes: `[a, b]`, or undefined when it has none. */
export function usagePatternNames(closure: Iterable<string>, documents: LangiumDocuments): { input: string; names: string[] } | undefined {
    const found: Record<string, string[]> = { usage_patterns: [], edge_usage_patterns: [] };
    for (const uri of closure) {
        if (uri === BUILTIN_LIBRARY_URI) continue;
        const root = documents.getDocument(URI.parse(uri))?.parseResult.value;
        if (!isDocument(root)) continue;
        for (const element of root.elements) {
            if (!isObjectDecl(element) || !element.name) continue;
            const className = classForKeyword(element.kind)?.className;
            if (className === 'UsagePattern') found.usage_patterns.push(element.name);
            else if (className === 'EdgeUsagePattern') found.edge_usage_patterns.push(element.name);
        }
    }
    const input = found.usage_patterns.length > 0 ? 'usage_patterns' : found.edge_usage_patterns.length > 0 ? 'edge_usage_patterns' : undefined;
    return input ? { input, names: found[input] } : undefined;
}
