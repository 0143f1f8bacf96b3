import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { isAttribute, isObjectDecl } from '../generated/ast.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { EfpCommands } from '../protocol.js';

/**
 * The panels a hover links to, as code actions where the cursor is (Ctrl+. in VS Code): a value's or an
 * object's calculus graph, and the dashboard. The same commands as the hover's links, reached from the
 * keyboard; offered only to a client that runs efp's commands (ClientCommands).
 */
export function panelActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
    const uri = document.uri.toString();
    const root = document.parseResult.value.$cstNode;
    if (uri === BUILTIN_LIBRARY_URI || !root) return [];
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.range.start));
    const node = leaf?.astNode;
    const object = node && AstUtils.getContainerOfType(node, isObjectDecl);
    if (!object?.name) return [];
    const actions: CodeAction[] = [];
    const attribute = node && AstUtils.getContainerOfType(node, isAttribute);
    if (attribute?.name && attribute.$container === object) {
        actions.push({
            title: `Show the calculus graph of ${object.name}.${attribute.name}`,
            command: { title: 'Calculus graph', command: EfpCommands.showCalculusGraph, arguments: [uri, object.name, attribute.name] }
        });
    }
    actions.push({
        title: `Show the calculus graph of ${object.name}`,
        command: { title: 'Calculus graph', command: EfpCommands.showCalculusGraph, arguments: [uri, object.name] }
    });
    actions.push({
        title: 'Show the footprint dashboard',
        command: { title: 'Footprint dashboard', command: EfpCommands.showFootprint, arguments: [uri] }
    });
    return actions;
}
