import { CstUtils, isLeafCstNode, type AstNode } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import {
    isArgument, isAttribute, isBinaryExpression, isCall, isConversion, isDocument, isEnumDecl, isImport, isListExpression,
    isModelSettings, isNegation, isObjectDecl, isQuantityLiteral, isReference, isSourceDecl, isUnitDecl, isUnitExpression,
    isUnitFactor
} from '../generated/ast.js';

/**
 * One layout for every model, so that diffs show changes of meaning only: declarations start on their
 * own line (blank lines between them are kept), each input on its own indented line, single spaces
 * between words and around operators, none inside brackets, and units written as in `0.05 kWh/GB`.
 * Comments stay where they are.
 */
export class EfpFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const f = this.getNodeFormatter(node);
        if (isDocument(node)) {
            const first = [...node.imports, ...node.elements][0];
            const rest = [...node.imports, ...node.elements].filter(e => e !== first);
            if (first) f.node(first).prepend(Formatting.noIndent());
            // a declaration starts a line; the blank lines the author left (up to two) stay
            if (rest.length) f.nodes(...rest).prepend(Formatting.newLines(1, { allowMore: true })).prepend(Formatting.noIndent());
        } else if (isObjectDecl(node) || isModelSettings(node) || isEnumDecl(node)) {
            f.properties('name', 'label', 'title', 'archetype', 'server').prepend(Formatting.oneSpace());
            f.keywords('from', 'on').prepend(Formatting.oneSpace());
            const open = f.keyword('{');
            const close = f.keyword('}');
            open.prepend(Formatting.oneSpace());
            const members = isObjectDecl(node) ? node.attributes : isModelSettings(node) ? node.settings : node.members;
            if (members.length === 0) {
                close.prepend(Formatting.noSpace());
            } else if (isEnumDecl(node)) {
                open.append(Formatting.oneSpace());
                close.prepend(Formatting.oneSpace());
                f.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            } else {
                f.interior(open, close).prepend(Formatting.indent());
                close.prepend(Formatting.newLine());
            }
        } else if (isAttribute(node)) {
            // a long value may start on the next line, one level in
            f.keyword(':').prepend(Formatting.noSpace()).append(Formatting.fit(Formatting.oneSpace(), Formatting.indent()));
            if (node.annotations.length) f.nodes(...node.annotations).prepend(Formatting.oneSpace());
        } else if (isSourceDecl(node) || isUnitDecl(node) || isImport(node)) {
            f.properties('name', 'title', 'link', 'description', 'path').prepend(Formatting.oneSpace());
        } else if (isQuantityLiteral(node)) {
            f.property('unit').prepend(Formatting.oneSpace());
        } else if (isBinaryExpression(node)) {
            // `kWh/GB`: arithmetic on units is written as a unit; any other operator stands apart
            const unitArithmetic = (node.operator === '/' || node.operator === '*') && isReference(node.right) && isUnitDecl(node.right.target.ref);
            // an infix rule's operator is not a grammar keyword: found as the token between the operands
            const leftEnd = node.left.$cstNode?.end ?? 0;
            const operator = CstUtils.streamCst(node.$cstNode!).find(c => isLeafCstNode(c) && !c.hidden && c.offset >= leftEnd && c.text === node.operator);
            if (operator) {
                const region = f.cst([operator]);
                if (unitArithmetic) region.surround(Formatting.noSpace());
                else region.prepend(Formatting.fit(Formatting.oneSpace(), Formatting.indent())).append(Formatting.oneSpace()); // a line may break before an operator
            }
        } else if (isNegation(node)) {
            f.keyword('-').append(Formatting.noSpace());
        } else if (isConversion(node)) {
            f.keyword('in').surround(Formatting.oneSpace());
        } else if (isUnitExpression(node) || isUnitFactor(node)) {
            f.keywords('/', '*', '^').surround(Formatting.noSpace());
        } else if (isReference(node)) {
            f.keywords('.').surround(Formatting.noSpace());
        } else if (isListExpression(node) || isCall(node)) {
            f.keywords('[', '(').append(Formatting.noSpace());
            f.keywords(']', ')').prepend(Formatting.noSpace());
            f.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            if (isCall(node)) f.keyword('(').prepend(Formatting.noSpace());
        } else if (isArgument(node)) {
            f.keyword(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            f.keyword('per').surround(Formatting.oneSpace());
        }
        // parentheses around an expression hug it
        if (!isCall(node) && !isListExpression(node)) {
            f.keywords('(').append(Formatting.noSpace());
            f.keywords(')').prepend(Formatting.noSpace());
        }
    }
}
