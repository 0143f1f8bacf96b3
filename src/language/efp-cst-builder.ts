import type { IToken } from 'chevrotain';
import {
    createParser, CstNodeBuilder, LangiumParser, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode,
    type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions, type RootCstNode
} from 'langium';

/**
 * Langium's concrete-syntax-tree builder, made safe and linear for huge texts. Langium 4.4's own:
 * - spreads the hidden tokens before a token into one call (`content.splice(i, 0, ...nodes)`,
 *   `content.push(...nodes)`): 125,000 comment lines in a row overflow the stack ("Maximum call stack
 *   size exceeded") and the whole document fails;
 * - looks for the node being built in its container's children with `indexOf`, from the start, before
 *   every token, even when there are no hidden tokens to place: a list of n values costs n²/2 steps
 *   (262,980 values took 30 s to parse);
 * - takes the hidden tokens before each token off the front of the lexer's array of them
 *   (`hidden.splice(0, i)`), which moves all the others: a comment on every line of a long series is
 *   quadratic too (262,980 values with a comment each: 50 s).
 * This one places the same nodes in the same places (a test compares the two trees), copying arrays
 * element by element, searching from the end, where the node being built is, and reading the hidden
 * tokens with a cursor.
 */
export class EfpCstNodeBuilder extends CstNodeBuilder {
    /** The lexer's hidden tokens of the text being parsed, and how many of them are in the tree. */
    private hidden: readonly IToken[] = [];
    private placed = 0;

    override buildRootNode(input: string): RootCstNode {
        this.hidden = [];
        this.placed = 0;
        return super.buildRootNode(input);
    }

    /** The hidden tokens before `token` that are not in the tree yet (LangiumParser's extractHiddenTokens). */
    takeHiddenBefore(hidden: readonly IToken[], token: IToken): IToken[] {
        if (hidden !== this.hidden) {
            this.hidden = hidden;
            this.placed = 0;
        }
        const from = this.placed;
        while (this.placed < hidden.length && hidden[this.placed].startOffset <= token.startOffset) this.placed++;
        return hidden.slice(from, this.placed);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        // after parsing, the parser passes all its hidden tokens for those after the last token: those not placed yet
        if (tokens === this.hidden) tokens = tokens.slice(this.placed);
        // called before every token: with nothing to place, there is nothing to look for
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // a node just opened: the hidden nodes go before the first ancestor that is not its container's first child
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // the hidden nodes come first in the document
        this.insertChildren(current, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const content = contentOf(parent);
        if (content.length === 0) {
            // a fresh copy has exactly the capacity it needs (as Langium's)
            setContent(parent, children.slice());
        } else {
            for (const child of children) content.push(child);
        }
        for (const child of children) setContainer(child, parent);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        const content = contentOf(parent);
        // what follows the index is short: the hidden nodes go before the node being built, the last one
        const after = content.splice(index);
        for (const child of children) content.push(child);
        for (const node of after) content.push(node);
        for (const child of children) setContainer(child, parent);
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        if (!parent) return;
        // the node removed is the one just built, at the end of its container's children
        const content = contentOf(parent);
        const index = content.lastIndexOf(node);
        if (index >= 0) content.splice(index, 1);
    }
}

/** The builder's nodes are Langium's implementation classes, whose children and container it may change. */
function contentOf(node: CompositeCstNode): CstNode[] {
    return (node as CompositeCstNodeImpl).content;
}

function setContent(node: CompositeCstNode, content: CstNode[]): void {
    (node as CompositeCstNodeImpl).content = content;
}

function setContainer(node: CstNode, container: CompositeCstNode): void {
    (node as { container: CompositeCstNode | undefined }).container = container;
}

/**
 * Langium's parser with the builder above (it creates its own in its constructor and has no service for
 * it). `nodeBuilder`, `extractHiddenTokens` and `lexerResult` are private to LangiumParser: they are
 * replaced and read here, before the parser is built or used.
 */
class EfpLangiumParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        const builder = new EfpCstNodeBuilder();
        const self = this as unknown as { lexerResult?: { hidden: IToken[] } };
        Object.assign(this, {
            nodeBuilder: builder,
            extractHiddenTokens: (token: IToken): IToken[] => builder.takeHiddenBefore(self.lexerResult?.hidden ?? [], token)
        });
    }

    /**
     * As Langium's, then the parser lets go of the tokens it read: it kept them until the next parse,
     * about 100 bytes a token, 40 MB for a file of 100,000 declarations, for nothing.
     */
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** As Langium's createLangiumParser, with the builder above. */
export function createEfpLangiumParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new EfpLangiumParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
