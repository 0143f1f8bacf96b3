import {
    AstUtils, CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LexingDiagnostic, type MaybePromise
} from 'langium';
import type { DocumentFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import {
    isArgument, isAttribute, isBinaryExpression, isCall, isConversion, isDocument, isEnumDecl, isImport, isListExpression,
    isModelSettings, isNegation, isNumberList, isObjectDecl, isQuantityLiteral, isReference, isSourceDecl, isUnitDecl, isUnitExpression,
    isUnitFactor
} from '../generated/ast.js';
import { formattedNumberList } from '../number-list.js';

/**
 * One layout for every model, so that diffs show changes of meaning only: declarations start on their
 * own line (blank lines between them are kept), each input on its own indented line, single spaces
 * between words and around operators, none inside brackets, and units written as in `0.05 kWh/GB`.
 * Comments stay where they are.
 *
 * Nodes and keywords are handed to Langium's regions as arrays: its `nodes(...)` and `keywords(...)`
 * spread them into calls, which runs out of stack on a list of 150,000 values or as many declarations.
 * A list of plain numbers is one token (src/language/number-list.ts), which Langium's formatting, between
 * tokens, does not reach: its text is written again as a list of the same numbers would be formatted.
 */
export class EfpFormatter extends AbstractFormatter {
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, options, range);
        const lists: TextEdit[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const cst = node.$cstNode;
            if (!isNumberList(node) || !cst || (range && !insideRange(cst.range, range))) continue;
            const text = formattedNumberList(node.numbers);
            if (text !== node.numbers) lists.push({ range: cst.range, newText: text });
        }
        if (lists.length === 0) return edits;
        // the lists' edits are inside tokens, the others between them: in the order of the text
        const offset = (edit: TextEdit) => document.textDocument.offsetAt(edit.range.start);
        return [...edits, ...lists].sort((a, b) => offset(a) - offset(b));
    }

    protected format(node: AstNode): void {
        const f = this.getNodeFormatter(node);
        const keywords = (...words: string[]) => f.cst(keywordNodes(node, words));
        if (isDocument(node)) {
            const declarations = [...node.imports, ...node.elements];
            const first = declarations[0];
            if (first) f.node(first).prepend(Formatting.noIndent());
            // a declaration starts a line; the blank lines the author left (up to two) stay
            const rest = declarations.slice(1).map(e => e.$cstNode).filter((c): c is CstNode => c !== undefined);
            if (rest.length) f.cst(rest).prepend(Formatting.newLines(1, { allowMore: true })).prepend(Formatting.noIndent());
        } else if (isObjectDecl(node) || isModelSettings(node) || isEnumDecl(node)) {
            f.properties('name', 'label', 'title', 'archetype', 'runsOn').prepend(Formatting.oneSpace());
            keywords('from', 'on').prepend(Formatting.oneSpace());
            const open = f.keyword('{');
            const close = f.keyword('}');
            open.prepend(Formatting.oneSpace());
            const members = isObjectDecl(node) ? node.attributes : isModelSettings(node) ? node.settings : node.members;
            if (members.length === 0) {
                close.prepend(Formatting.noSpace());
            } else if (isEnumDecl(node)) {
                open.append(Formatting.oneSpace());
                close.prepend(Formatting.oneSpace());
                keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            } else {
                f.interior(open, close).prepend(Formatting.indent());
                close.prepend(Formatting.newLine());
            }
        } else if (isAttribute(node)) {
            // a long value may start on the next line, one level in
            f.keyword(':').prepend(Formatting.noSpace()).append(Formatting.fit(Formatting.oneSpace(), Formatting.indent()));
            if (node.annotations.length) f.cst(node.annotations.map(a => a.$cstNode).filter((c): c is CstNode => c !== undefined)).prepend(Formatting.oneSpace());
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
            keywords('/', '*', '^').surround(Formatting.noSpace());
        } else if (isReference(node)) {
            keywords('.').surround(Formatting.noSpace());
        } else if (isListExpression(node) || isCall(node)) {
            keywords('[', '(').append(Formatting.noSpace());
            keywords(']', ')').prepend(Formatting.noSpace());
            keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            if (isCall(node)) f.keyword('(').prepend(Formatting.noSpace());
        } else if (isArgument(node)) {
            f.keyword(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            f.keyword('per').surround(Formatting.oneSpace());
        }
        // parentheses around an expression hug it
        if (!isCall(node) && !isListExpression(node)) {
            keywords('(').append(Formatting.noSpace());
            keywords(')').prepend(Formatting.noSpace());
        }
    }

    /** As Langium's: a text with errors of the lexer's own (read up to its budget, a comment never closed) is not formatted either. */
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return lexerReportErrors(document) ? [] : super.formatDocument(document, params);
    }

    /** As Langium's, without spreading the errors into `Math.min(...)` (a file can have 100,000 of them). */
    protected override isFormatRangeErrorFree(document: LangiumDocument, range: Range): boolean {
        let earliest = Number.MAX_VALUE;
        for (const e of document.parseResult.lexerErrors) earliest = Math.min(earliest, e.line ?? Number.MAX_VALUE);
        // a text read only up to its budget, or with a comment never closed: what follows is not in the tree
        for (const e of lexerReportErrors(document) ?? []) earliest = Math.min(earliest, e.line ?? Number.MAX_VALUE);
        for (const e of document.parseResult.parserErrors) earliest = Math.min(earliest, e.token.startLine ?? Number.MAX_VALUE);
        return earliest > range.end.line;
    }
}

/** The errors the lexer reports of its own, if any. */
function lexerReportErrors(document: LangiumDocument): LexingDiagnostic[] | undefined {
    const errors = document.parseResult.lexerReport?.diagnostics.filter(d => (d.severity ?? 'error') === 'error') ?? [];
    return errors.length > 0 ? errors : undefined;
}

function insideRange(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * The keyword tokens of a node itself (not of the nodes it contains), in order: what Langium's
 * `keywords()` finds, gathered without spreading.
 */
function keywordNodes(node: AstNode, words: readonly string[]): CstNode[] {
    const found: CstNode[] = [];
    const root = node.$cstNode;
    if (!root) return found;
    const stack: CstNode[] = [root];
    while (stack.length > 0) {
        const cst = stack.pop()!;
        if (isLeafCstNode(cst)) {
            if (!cst.hidden && GrammarAST.isKeyword(cst.grammarSource) && words.includes(cst.grammarSource.value)) found.push(cst);
        } else if (isCompositeCstNode(cst) && cst.astNode === node) {
            for (let i = cst.content.length - 1; i >= 0; i--) stack.push(cst.content[i]);
        }
    }
    return found;
}
