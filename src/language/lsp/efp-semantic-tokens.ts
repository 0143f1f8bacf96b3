import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isArgument, isAttribute, isCall, isConfidenceAnnotation, isDateLiteral, isEnumDecl, isEnumMember, isNumberList, isObjectDecl,
    isQuantityLiteral, isReference, isSourceAnnotation, isSourceDecl, isUnitDecl, isUnitFactor, isScenarioChange, isScenarioDecl,
    type NumberList
} from '../generated/ast.js';
import { NumberListPositions, scanNumberList } from '../number-list.js';

/**
 * Colours by meaning, which a TextMate grammar cannot know: an input name is a property even when it
 * is spelled like an object kind (`storage:`), a name after a number is a unit, a reference is an
 * object, a unit or an enumerated value depending on what it resolved to.
 */
export class EfpSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isObjectDecl(node)) {
            acceptor({ node, property: 'kind', type: SemanticTokenTypes.keyword });
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
            if (node.archetype) acceptor({ node, property: 'archetype', type: SemanticTokenTypes.class });
            if (node.runsOn) acceptor({ node, property: 'runsOn', type: SemanticTokenTypes.class });
        } else if (isAttribute(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property });
        } else if (isScenarioDecl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
            if (node.date) acceptor({ node, property: 'date', type: SemanticTokenTypes.number });
        } else if (isScenarioChange(node)) {
            // `daily_video.uj_steps:` reads like a reference to an object's value
            acceptor({ node, property: 'object', type: SemanticTokenTypes.variable });
            acceptor({ node, property: 'attribute', type: SemanticTokenTypes.property });
        } else if (isQuantityLiteral(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.type });
        } else if (isNumberList(node)) {
            highlightNumbers(node, acceptor);
        } else if (isDateLiteral(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isReference(node)) {
            const target = node.target.ref;
            const type = isUnitDecl(target) ? SemanticTokenTypes.type : isEnumMember(target) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.variable;
            acceptor({ node, property: 'target', type });
            node.members.forEach((_, index) => acceptor({ node, property: 'members', index, type: SemanticTokenTypes.property }));
        } else if (isUnitFactor(node)) {
            acceptor({ node, property: 'unit', type: SemanticTokenTypes.type });
        } else if (isCall(node)) {
            acceptor({ node, property: 'function', type: SemanticTokenTypes.function });
        } else if (isArgument(node)) {
            if (node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.parameter });
            if (node.per) acceptor({ node, property: 'per', type: SemanticTokenTypes.type });
        } else if (isSourceAnnotation(node)) {
            acceptor({ node, property: 'source', type: SemanticTokenTypes.namespace });
        } else if (isConfidenceAnnotation(node)) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
        } else if (isSourceDecl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: SemanticTokenModifiers.declaration });
        } else if (isUnitDecl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: SemanticTokenModifiers.declaration });
        } else if (isEnumDecl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: SemanticTokenModifiers.declaration });
        } else if (isEnumMember(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        }
    }
}

/** Each number of a list of plain numbers, as each QuantityLiteral of the same list would be (a minus sign is not one). */
function highlightNumbers(node: NumberList, acceptor: SemanticTokenAcceptor): void {
    const start = node.$cstNode?.range.start;
    if (!start) return;
    const positions = new NumberListPositions(node.numbers, start);
    scanNumberList(node.numbers, 0, (part, from, to) => {
        if (part !== 'number') return;
        const { line, character } = positions.positionAt(from);
        acceptor({ line, char: character, length: to - from, type: SemanticTokenTypes.number });
    });
}
