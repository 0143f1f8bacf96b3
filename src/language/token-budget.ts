import type { IToken } from 'chevrotain';
import type { LangiumParser, LexingDiagnostic, ParseResult, AstNode } from 'langium';
import { classForKeyword, readDecimal } from '../engine/index.js';
import { fileSize } from '../platform/text-files.js';
import { DataFileRefusal } from './data-files.js';
import { isWhitespace } from './number-list.js';

/**
 * What one model file may cost to read, counted by the lexer as it reads. Every token costs memory at
 * every stage after it (its syntax nodes, the index, links, validation, the model's description and
 * evaluation): about 1.4 kB for the worst of them, whatever the file's size limit lets through (10 MB of
 * `watch, ` is 3 million tokens: 3.5 GB). The budget keeps the worst text at the limit under about
 * 700 MB for `efp check` (a million comment lines or a list of references, 600 MB; objects, inputs and
 * sums less), with
 * room for real models (the quickstart costs about 1,100; 125,000 comment lines, 42,000; a series of
 * 2,000,000 values, 125,000). Past it, nothing more is read: one error where the text went past, and
 * nothing evaluated.
 */
export const DEFAULT_MAX_MODEL_TOKENS = 350_000;

/**
 * The word that starts an object (`server` in `server web {}`): a declaration costs the engine the
 * values of its class (an edge computer's, about 100 kB), as much as this many tokens.
 */
export const DECLARATION_COST = 80;
/** A comment is held as text and a syntax node only: a third of a token. */
export const COMMENT_COST = 1 / 3;
/** A number of a list of plain numbers (src/language/number-list.ts) is part of one token: about 90 bytes. */
export const LISTED_NUMBER_COST = 1 / 16;
/** A character the lexer does not know is an error of its own (`@ @ @`: one each). */
export const UNKNOWN_CHARACTER_COST = 1;

export const MAX_MODEL_TOKENS_VARIABLE = 'EFP_MAX_MODEL_TOKENS';

/** The start of the message of a file's diagnostic past the budget. */
const PAST_THE_BUDGET = 'this file is longer than efp reads';

/** The code of that diagnostic, which is always listed (src/language/diagnostic-cap.ts): it says why the rest is not read. */
export const TOO_MANY_TOKENS = 'too-many-tokens';

/** Whether a lexer's diagnostic is the one of a text past its budget. */
export function isPastTheBudget(message: string): boolean {
    return message.startsWith(PAST_THE_BUDGET);
}

/** The budget of a model file, EFP_MAX_MODEL_TOKENS or the default; a value that is not a whole number is refused. */
export function maxModelTokens(): number {
    const text = process.env[MAX_MODEL_TOKENS_VARIABLE];
    if (text === undefined || text === '') return DEFAULT_MAX_MODEL_TOKENS;
    const read = readDecimal(text);
    if (!read.ok || !Number.isInteger(read.value) || read.value <= 0) {
        // a limit read wrongly would refuse or admit models for no reason the user can see
        throw new DataFileRefusal(`${MAX_MODEL_TOKENS_VARIABLE} is \`${text}\`, not a positive whole number of tokens`,
            `Set ${MAX_MODEL_TOKENS_VARIABLE} to a number of tokens such as ${(DEFAULT_MAX_MODEL_TOKENS * 2).toLocaleString('en-US').replace(/,/g, '')}, `
            + `or unset it for the default of ${DEFAULT_MAX_MODEL_TOKENS.toLocaleString('en-US')}.`);
    }
    return read.value;
}

const COMMENTS = new Set(['SL_COMMENT', 'ML_COMMENT']);

/** The numbers of a list of plain numbers: one more than its commas, but for a comma after the last. */
function listedNumbers(list: string): number {
    let commas = 0;
    let last = 0;
    for (let i = 0; i < list.length; i++) {
        const c = list.charCodeAt(i);
        if (c === 0x2c) commas++;
        if (!isWhitespace(c) && c !== 0x5d) last = c;
    }
    return last === 0x2c ? commas : commas + 1;
}

/**
 * The count of one text's tokens as the lexer reads them: given the lexer's tokens so far at each token
 * it starts, it says when the text has gone past the budget, takes the token that went past (and any
 * after it) out of the lexer's lists, and keeps where that was.
 */
export class TokenBudget {
    private cost = 0;
    private seenTokens = 0;
    private seenHidden = 0;
    /** How far the text has been accounted for. */
    private covered = 0;
    private previous: IToken | undefined;
    /** Where the first token past the budget starts: nothing from there on is read. */
    exceededAt: number | undefined;

    constructor(readonly limit: number, readonly text: string) {}

    /**
     * Accounts what the lexer read before `offset`: the tokens it matched since the last call (`tokens` and
     * the hidden ones) and the characters it dropped (no token's, not whitespace). True once past the budget.
     */
    account(offset: number, tokens: IToken[], hidden: IToken[] | undefined): boolean {
        if (this.exceededAt !== undefined) return true;
        const fresh = this.freshTokens(tokens, hidden);
        for (let i = 0; i < fresh.length; i++) {
            const token = fresh[i];
            if (this.unknownCharacters(token.startOffset)) return true;
            this.cost += this.costOf(token);
            if (this.cost > this.limit) {
                this.exceededAt = token.startOffset;
                // the token past the budget and those after it are not read
                for (let j = i; j < fresh.length; j++) removeLast(COMMENTS.has(fresh[j].tokenType.name) ? hidden! : tokens, fresh[j]);
                return true;
            }
            this.covered = Math.max(this.covered, token.startOffset + token.image.length);
            if (!COMMENTS.has(token.tokenType.name)) this.previous = token;
        }
        return this.unknownCharacters(offset);
    }

    /** The tokens matched since the last call, in the order of the text. */
    private freshTokens(tokens: IToken[], hidden: IToken[] | undefined): IToken[] {
        const fresh = tokens.slice(this.seenTokens);
        const freshHidden = hidden ? hidden.slice(this.seenHidden) : [];
        this.seenTokens = tokens.length;
        this.seenHidden = hidden?.length ?? 0;
        if (freshHidden.length === 0) return fresh;
        for (const token of freshHidden) fresh.push(token);
        return fresh.sort((a, b) => a.startOffset - b.startOffset);
    }

    /** Accounts the characters between what is covered and `offset` that are neither whitespace nor a token's: true once past. */
    private unknownCharacters(offset: number): boolean {
        for (let i = this.covered; i < offset; i++) {
            if (isWhitespace(this.text.charCodeAt(i))) continue;
            this.cost += UNKNOWN_CHARACTER_COST;
            if (this.cost > this.limit) {
                this.exceededAt = i;
                return true;
            }
        }
        this.covered = Math.max(this.covered, offset);
        return false;
    }

    private costOf(token: IToken): number {
        const type = token.tokenType.name;
        if (COMMENTS.has(type)) return COMMENT_COST;
        if (type === 'NUMBER_LIST') return 1 + listedNumbers(token.image) * LISTED_NUMBER_COST;
        // an object kind starts a declaration, unless it is a member's name (`job.server`) or an input's (`storage: ssd`)
        if (classForKeyword(type) && this.previous?.tokenType.name !== '.' && !this.followedByColon(token)) return DECLARATION_COST;
        return 1;
    }

    /** As the grammar's ATTRIBUTE_NAME sees an input's name: a `:` after it, blanks between. */
    private followedByColon(token: IToken): boolean {
        let i = token.startOffset + token.image.length;
        while (this.text.charCodeAt(i) === 0x20 || this.text.charCodeAt(i) === 0x09) i++;
        return this.text.charCodeAt(i) === 0x3a;
    }

    /** The error at the first token past the budget, for the file's diagnostics. */
    diagnostic(): LexingDiagnostic | undefined {
        const offset = this.exceededAt;
        if (offset === undefined) return undefined;
        const { line, column } = positionOf(this.text, offset);
        const rest = this.text.length - offset;
        return {
            offset, line, column, length: 1, severity: 'error',
            message: `${PAST_THE_BUDGET}: it has more than ${this.limit.toLocaleString('en-US')} tokens, the most efp reads from one file, `
                + `and is read up to here (the rest, ${fileSize(rest)} of its ${fileSize(this.text.length)}, is not). Tokens are names, numbers and signs; `
                + `the word that starts an object counts as ${DECLARATION_COST}, a comment as 1/3, a number in a list of numbers as 1/16. `
                + `Split the model into files that import each other, or set ${MAX_MODEL_TOKENS_VARIABLE} to raise the limit.`
        };
    }
}

function removeLast(list: IToken[], token: IToken): void {
    const at = list.lastIndexOf(token);
    if (at >= 0) list.splice(at, 1);
}

/** 1-based line and column of an offset (line breaks: \n, \r\n, \r, as the lexer counts them). */
function positionOf(text: string, offset: number): { line: number; column: number } {
    let line = 1, lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
        if (c === 0x0a || c === 0x0d) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * The parser, for a text past the budget: the syntax errors of the text cut short (an object not closed
 * at the end of what was read) are not the file's; the one error past the budget says it all.
 */
export function withinTokenBudget(parser: LangiumParser): LangiumParser {
    const parse = parser.parse.bind(parser);
    parser.parse = (<T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        const result = parse<T>(input, options);
        if (!result.lexerReport?.diagnostics.some(d => isPastTheBudget(d.message))) return result;
        return { ...result, parserErrors: result.parserErrors.filter(e => e.token.tokenType.name !== 'EOF') };
    }) as LangiumParser['parse'];
    return parser;
}
