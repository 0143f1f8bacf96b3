import type { IToken } from 'chevrotain';
import type { AstNode, LangiumCompletionParser, LangiumCoreServices, LangiumParser, ParseResult } from 'langium';
import { scanNumberList } from './number-list.js';

/**
 * Limits on how deeply one value may nest. The parser, the linker and the engine walk expressions
 * recursively; past a few hundred levels of brackets, Node's stack runs out and the whole document
 * (and with it the editor's features) failed with "Maximum call stack size exceeded". No real model
 * comes near these limits: they only stop generated or corrupted text.
 */
export const MAX_BRACKET_DEPTH = 64;
/** Operators and minus signs in one value: a sum of 1000 terms is a tree 1000 levels deep. */
export const MAX_OPERATOR_DEPTH = 1000;

export interface TooDeepExpression {
    /** Where the limit was passed (the token that went one level too deep). */
    readonly token: IToken;
    readonly message: string;
    /** The value's text (from its first token to the end of the value), which the parser is not given. */
    readonly start: number;
    readonly end: number;
}

const OPENING = new Set(['(', '[']);
const CLOSING = new Set([')', ']']);
const OPERATORS = new Set(['+', '-', '*', '/']);
/** Tokens after which a `-` is a sign, not a subtraction. */
const BEFORE_SIGN = new Set(['(', '[', ',', ':', '+', '-', '*', '/']);
/** Tokens that end a value at the top level: the next attribute, a block's brace, an annotation. */
const VALUE_BOUNDARIES = new Set([':', '{', '}', 'ATTRIBUTE_NAME', 'CHANGED_OBJECT', 'source', 'confidence', 'comment']);

/** A list of plain numbers, one token (src/language/number-list.ts). */
const NUMBER_LIST = 'NUMBER_LIST';

/**
 * How deep a list of numbers nests at `depth` after `signs`, as its tokens one by one would: its bracket,
 * and a number's minus sign one deeper, counted with the signs before the list for its first number.
 */
function numberListDepth(list: string, depth: number, signs: number): number {
    let deepest = depth + 1 + signs;
    let first = true;
    scanNumberList(list, 0, part => {
        if (part === 'minus') deepest = Math.max(deepest, depth + 1 + (first ? signs : 0) + 1);
        if (part === 'number') first = false;
    });
    return deepest;
}

/** The first value of the tokens that nests past the limits, if any. */
export function findTooDeepExpression(tokens: readonly IToken[]): TooDeepExpression | undefined {
    // per open bracket, the operators seen at that level since its last separator
    const operators: number[] = [0];
    let signs = 0;
    let valueStart = tokens[0]?.startOffset ?? 0;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const type = token.tokenType.name;
        const depth = operators.length - 1;
        let problem: string | undefined;
        if (depth === 0 && VALUE_BOUNDARIES.has(type)) {
            operators[0] = 0;
            signs = 0;
            valueStart = tokens[i + 1]?.startOffset ?? token.endOffset! + 1;
            continue;
        }
        // signs nest only while they follow each other or brackets: `- - x`, `-(-(x`; `[-1, -2]` does not
        if (type !== '-' && !OPENING.has(type) && type !== NUMBER_LIST) signs = 0;
        if (type === NUMBER_LIST) {
            // a list of numbers is its brackets and, for a negative number, one sign deeper: as the same list token by token
            if (numberListDepth(token.image, operators.length - 1, signs) > MAX_BRACKET_DEPTH) problem = `more than ${MAX_BRACKET_DEPTH} levels of parentheses, brackets and signs`;
            signs = 0;
        } else if (OPENING.has(type)) {
            operators.push(0);
            if (operators.length - 1 + signs > MAX_BRACKET_DEPTH) problem = `more than ${MAX_BRACKET_DEPTH} levels of parentheses, brackets and signs`;
        } else if (CLOSING.has(type)) {
            if (operators.length > 1) operators.pop();
        } else if (type === ',') {
            operators[operators.length - 1] = 0;
        } else if (OPERATORS.has(type)) {
            const previous = tokens[i - 1]?.tokenType.name;
            if (type === '-' && (previous === undefined || BEFORE_SIGN.has(previous))) {
                signs++;
                if (operators.length - 1 + signs > MAX_BRACKET_DEPTH) problem = `more than ${MAX_BRACKET_DEPTH} levels of parentheses, brackets and signs`;
            } else {
                operators[operators.length - 1]++;
                if (operators.reduce((a, b) => a + b, 0) > MAX_OPERATOR_DEPTH) problem = `more than ${MAX_OPERATOR_DEPTH} operators in one value`;
            }
        }
        if (problem) return { token, message: problem, start: valueStart, end: valueEnd(tokens, i, operators.length - 1) };
    }
    return undefined;
}

/** Where the value ends: the brackets open at `from` closed (`depth` of them), at the next top-level boundary. */
function valueEnd(tokens: readonly IToken[], from: number, depth: number): number {
    let firstBoundary: number | undefined;
    for (let i = from + 1; i < tokens.length; i++) {
        const type = tokens[i].tokenType.name;
        if (OPENING.has(type)) depth++;
        else if (CLOSING.has(type)) depth--;
        else if (VALUE_BOUNDARIES.has(type)) {
            if (depth <= 0) return tokens[i].startOffset;
            firstBoundary ??= tokens[i].startOffset;
        }
    }
    // brackets that never close: the value ends where the next attribute or block starts
    return firstBoundary ?? (tokens.length > 0 ? tokens[tokens.length - 1].endOffset! + 1 : 0);
}

/**
 * The text with the value replaced by `0` and blanks (line breaks kept, so that every position after it
 * stays where it was): what the parser reads instead of the value it cannot hold.
 */
export function withoutValue(text: string, start: number, end: number): string {
    const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
    return text.slice(0, start) + (blank.length > 0 ? '0' + blank.slice(1) : '') + text.slice(end);
}

function hint(message: string): string {
    return `this value is nested too deeply for efp to read (${message}); split it into attributes of its own or simplify it`;
}

/**
 * The parser, guarded: a value nested past the limits is reported where it passes them, as a syntax error
 * of the document, and the rest of the document is parsed as usual (the value read as 0, which the error
 * keeps from being evaluated).
 */
export function guardParser(parser: LangiumParser, services: LangiumCoreServices): LangiumParser {
    const parse = parser.parse.bind(parser);
    const lexer = services.parser.Lexer;
    parser.parse = (<T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        const tooDeep = findTooDeepExpression(lexer.tokenize(input).tokens);
        if (!tooDeep) return parse<T>(input, options);
        const result = parse<T>(withoutValue(input, tooDeep.start, tooDeep.end), options);
        const { token } = tooDeep;
        return {
            ...result,
            lexerErrors: [...result.lexerErrors, {
                offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1,
                length: Math.max(1, token.image.length), message: hint(tooDeep.message)
            }]
        };
    }) as LangiumParser['parse'];
    return parser;
}

/** The completion parser (which reads the text up to the cursor), guarded alike: it reads the value as 0. */
export function guardCompletionParser(parser: LangiumCompletionParser, services: LangiumCoreServices): LangiumCompletionParser {
    const parse = parser.parse.bind(parser);
    const lexer = services.parser.Lexer;
    parser.parse = (input: string) => {
        const tooDeep = findTooDeepExpression(lexer.tokenize(input, { mode: 'partial' }).tokens);
        return parse(tooDeep ? withoutValue(input, tooDeep.start, tooDeep.end) : input);
    };
    return parser;
}
