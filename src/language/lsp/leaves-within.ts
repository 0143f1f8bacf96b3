import { CstUtils, isLeafCstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';

/** The tokens of the text within `range`, comments aside. */
export function leavesWithin(document: LangiumDocument, range: Range): LeafCstNode[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const start = document.textDocument.offsetAt(range.start);
    const end = document.textDocument.offsetAt(range.end);
    // the smallest node around the range, so that only its tokens are looked at
    let around: CstNode | undefined = CstUtils.findLeafNodeAtOffset(root, start);
    while (around && (around.offset > start || around.end < end)) around = around.container;
    if (!around) return [];
    return CstUtils.streamCst(around)
        .filter((n): n is LeafCstNode => isLeafCstNode(n) && !n.hidden && n.offset >= start && n.end <= end)
        .toArray();
}
