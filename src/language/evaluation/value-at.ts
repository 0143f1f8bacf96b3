import { AstUtils, CstUtils, DocumentState, GrammarUtils, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { isAttribute, isObjectDecl, isReference } from '../generated/ast.js';
import type { EfpServices } from '../efp-module.js';
import { ValueAtRequest, type ValueAtParams, type ValueAtResult } from '../protocol.js';

/**
 * The value the cursor is on: `web.energy_footprint` (a member of a reference, through the objects it
 * passes), an attribute being defined, or an object (its name, or anywhere in its body).
 */
export function valueAt(efp: EfpServices, document: LangiumDocument, offset: number): ValueAtResult {
    const root = document.parseResult.value.$cstNode;
    // a cursor just after a word (at the end of a line) means that word, as in VS Code
    const leaf = root && (CstUtils.findLeafNodeAtOffset(root, offset) ?? (offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined));
    const node = leaf?.astNode;
    if (!leaf || !node) return {};
    if (isReference(node) && isObjectDecl(node.target.ref)) {
        const index = GrammarUtils.findNodesForProperty(node.$cstNode, 'members').findIndex(m => m.offset === leaf.offset);
        if (index < 0) return { object: node.target.ref.name };
        // `job.server.power`: the object whose attribute it is, found in the model
        const model = efp.evaluation.DocumentModels.latestModelFor(document);
        let object = model?.lookup(node.target.ref.name);
        for (const step of node.members.slice(0, index)) object = object?.ref(step);
        return object ? { object: object.id, attribute: node.members[index] } : { object: node.target.ref.name };
    }
    const attribute = AstUtils.getContainerOfType(node, isAttribute);
    if (attribute && isObjectDecl(attribute.$container)) return { object: attribute.$container.name, attribute: attribute.name };
    const decl = AstUtils.getContainerOfType(node, isObjectDecl);
    if (!decl) return {};
    // `job stream on web`, `storage disk from ssd`: the object named there
    for (const property of ['runsOn', 'archetype'] as const) {
        const target = decl[property]?.ref;
        if (target && GrammarUtils.findNodeForProperty(decl.$cstNode, property)?.offset === leaf.offset) return { object: target.name };
    }
    return { object: decl.name };
}

export function registerValueAtRequest(connection: Connection, efp: EfpServices): void {
    connection.onRequest(ValueAtRequest.method, async (params: ValueAtParams): Promise<ValueAtResult> => {
        const uri = URI.parse(params.uri);
        const documents = efp.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return {};
        await efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri);
        const document = documents.getDocument(uri)!;
        return valueAt(efp, document, document.textDocument.offsetAt(params.position));
    });
}
