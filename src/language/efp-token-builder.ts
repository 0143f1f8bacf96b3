import { Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType, type TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type LexingReport, type TokenBuilderOptions } from 'langium';
import { scanNumberList } from './number-list.js';
import { maxModelTokens, TokenBudget } from './token-budget.js';
import { builtinLibraryText } from './builtin-library.js';

/**
 * The lexer's tokens, with texts in quotes and block comments matched by a scan instead of the grammar's
 * regular expressions. On long tokens those expressions fail in ways the grammar cannot express away:
 * - `"(\\.|[^"\\])*"` backtracks per character, and V8 runs out of stack on a text of a few MB
 *   ("Maximum call stack size exceeded": the whole document failed); its unrolled form still does on
 *   millions of escapes;
 * - `\/\*[\s\S]*?\*\/` scans to the end of the file for every `/*` that is never closed, which makes a
 *   file with many of them quadratic (200,000 lines of `/* x`: 86 s).
 * The scans below accept exactly what the expressions accept (closed comments, texts with escapes), in
 * one pass; a block comment that is never closed runs to the end of the file and is reported.
 * A list of plain numbers is one token (NUMBER_LIST), found by a scan too (src/language/number-list.ts).
 *
 * Before any token, the budget of the text is checked (src/language/token-budget.ts): a text past it is
 * read no further (the rest of it is skipped at once), and the lexing report says where it went past.
 */
export class EfpTokenBuilder extends DefaultTokenBuilder {
    /** Where the comment that is never closed starts, in the text being read (one at most: it runs to the end). */
    private unclosedComment: number | undefined;
    /** The text being read: its budget, and the lexer's lists of tokens it counts. */
    private reading: { budget: TokenBudget; tokens: IToken[]; hidden: () => IToken[] | undefined } | undefined;

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options);
        // changed in place: the keywords that a terminal may continue (`/` and a comment) name these objects
        const list = Array.isArray(tokens) ? tokens : [];
        for (const token of list) {
            if (token.name === 'STRING') Object.assign(token, { PATTERN: { exec: matchString }, START_CHARS_HINT: ['"'], LINE_BREAKS: true });
            if (token.name === 'ML_COMMENT') {
                Object.assign(token, { PATTERN: { exec: (text: string, offset: number) => this.matchBlockComment(text, offset) }, START_CHARS_HINT: ['/'], LINE_BREAKS: true });
            }
            if (token.name === 'NUMBER_LIST') Object.assign(token, { PATTERN: { exec: matchNumberList }, START_CHARS_HINT: ['['], LINE_BREAKS: true });
        }
        placeNumberListFirst(list);
        // first of all, tried before every token
        list.unshift({
            name: 'TOKEN_BUDGET', GROUP: Lexer.SKIPPED, LINE_BREAKS: true, START_CHARS_HINT: EVERY_CHARACTER,
            PATTERN: { exec: (text: string, offset: number, tokens: IToken[], groups: Record<string, IToken[]>) => this.checkBudget(text, offset, tokens, groups) }
        });
        return tokens;
    }

    /** The rest of the text, skipped, once it is past its budget; nothing (the lexer goes on) until then. */
    private checkBudget(text: string, offset: number, tokens: IToken[], groups: Record<string, IToken[]>): CustomPatternMatcherReturn | null {
        // the lexer's list of tokens is new for each text; efp's own library is not the user's to split
        if (this.reading?.tokens !== tokens) {
            const limit = text === builtinLibraryText() ? Infinity : maxModelTokens();
            this.reading = { budget: new TokenBudget(limit, text), tokens, hidden: () => groups.hidden };
        }
        return this.reading.budget.account(offset, tokens, groups.hidden) ? [text.slice(offset)] : null;
    }

    private matchBlockComment(text: string, offset: number): CustomPatternMatcherReturn | null {
        if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
        const close = text.indexOf('*/', offset + 2);
        if (close >= 0) return [text.slice(offset, close + 2)];
        this.unclosedComment ??= offset;
        return [text.slice(offset)];
    }

    /** The report of a text, with the error where it went past its budget, once its last tokens are counted too. */
    private withBudget(report: LexingReport, text: string): LexingReport {
        const reading = this.reading;
        this.reading = undefined;
        if (!reading || reading.budget.text !== text) return report;
        reading.budget.account(text.length, reading.tokens, reading.hidden());
        const past = reading.budget.diagnostic();
        return past ? { ...report, diagnostics: [...report.diagnostics, past] } : report;
    }

    override flushLexingReport(text: string): LexingReport {
        const report = this.withBudget(super.flushLexingReport(text), text);
        const offset = this.unclosedComment;
        this.unclosedComment = undefined;
        if (offset === undefined) return report;
        const before = text.slice(0, offset);
        const line = countLines(before);
        const column = offset - (Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1) + 1;
        return {
            ...report,
            diagnostics: [...report.diagnostics, {
                offset, line, column, length: 2, severity: 'error',
                message: 'this comment is not closed: `/*` starts a comment that runs to the end of the file; close it with `*/`'
            }]
        };
    }
}

/**
 * Langium puts keywords before terminals, and the lexer takes the first token that matches: a list of
 * numbers goes before the `[` that starts it, which is then the `[` of any other list (not one that a
 * list of numbers might continue: no second scan after the first failed).
 */
function placeNumberListFirst(tokens: TokenType[]): void {
    const numberList = tokens.findIndex(t => t.name === 'NUMBER_LIST');
    const bracket = tokens.findIndex(t => t.name === '[');
    if (numberList < 0 || bracket < 0) return;
    const [token] = tokens.splice(numberList, 1);
    tokens.splice(bracket, 0, token);
    const open = tokens[bracket + 1];
    const longer = (Array.isArray(open.LONGER_ALT) ? open.LONGER_ALT : open.LONGER_ALT ? [open.LONGER_ALT] : []).filter(t => t !== token);
    if (longer.length > 0) open.LONGER_ALT = longer;
    else delete open.LONGER_ALT;
}

function matchNumberList(text: string, offset: number): CustomPatternMatcherReturn | null {
    const end = scanNumberList(text, offset);
    return end < 0 ? null : [text.slice(offset, end)];
}

/** Characters in every one of the lexer's groups of first characters (those past 255 go by 255). */
const EVERY_CHARACTER = Array.from({ length: 0x10000 }, (_, c) => c);

const SLASH = 0x2f, STAR = 0x2a, QUOTE = 0x22, BACKSLASH = 0x5c;

/** `"(\\.|[^"\\])*"`: a quote, characters or escapes (a backslash and any character but a line break), a quote. */
function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
    if (text.charCodeAt(offset) !== QUOTE) return null;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) return [text.slice(offset, i + 1)];
        if (c === BACKSLASH) {
            // `.` matches any character but a line break: a backslash before one ends the match, unclosed
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return null;
            i++;
        }
    }
    return null;
}

function isLineTerminator(c: number): boolean {
    return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The 1-based line of the end of `text` (line breaks: \n, \r\n, \r, as the lexer counts them). */
function countLines(text: string): number {
    let line = 1;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) line++;
        else if (c === 0x0d) {
            line++;
            if (text.charCodeAt(i + 1) === 0x0a) i++;
        }
    }
    return line;
}
