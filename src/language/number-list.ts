/**
 * A list of plain numbers, `[0, 12.5, 1_000, -3e2,]`, read as one token (NUMBER_LIST in efp.langium).
 * Hourly values are such lists, hundreds of thousands of numbers long: read as a ListExpression, each
 * number is a chain of expression nodes (Conversion, BinaryExpression, PrefixExpression, QuantityLiteral
 * and their syntax nodes), about 2 kB of memory a value; as one token, the list is its text.
 *
 * The scan accepts exactly what the grammar's NUMBER_LIST expression accepts: a `[`, numbers as the
 * NUMBER token reads them, each with an optional minus sign right before it, separated by commas, an
 * optional comma after the last one, a `]`, and whitespace (as `\s`) anywhere between those. Anything
 * else in the brackets (a unit, a name, a comment, an operator, `- 3`) is not such a list, and the
 * lexer reads the brackets and what they hold token by token, as a ListExpression.
 */

/** The parts of a list's text, as the lexer would read them one by one: what completion and the formatter see. */
export type NumberListPart = 'open' | 'minus' | 'number' | 'comma' | 'close';

const OPEN = 0x5b, CLOSE = 0x5d, COMMA = 0x2c, MINUS = 0x2d, PLUS = 0x2b, DOT = 0x2e, UNDERSCORE = 0x5f;

function isDigit(c: number): boolean {
    return c >= 0x30 && c <= 0x39;
}

/** JavaScript's `\s`, which the hidden WS terminal skips. */
export function isWhitespace(c: number): boolean {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
        || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function skipWhitespace(text: string, i: number): number {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    return i;
}

/** The end of the NUMBER token at a digit: `[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?`. */
function numberEnd(text: string, i: number): number {
    i++;
    while (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === UNDERSCORE) i++;
    if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === UNDERSCORE) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
        let j = i + 1;
        if (text.charCodeAt(j) === PLUS || text.charCodeAt(j) === MINUS) j++;
        if (isDigit(text.charCodeAt(j))) {
            while (isDigit(text.charCodeAt(j))) j++;
            i = j;
        }
    }
    return i;
}

/**
 * Visits the parts of the list of plain numbers at `offset` of `text`, in order, and returns where the
 * list ends (after its `]`), or -1 when there is no such list there (the parts visited until then are
 * no list's). `visit` may be left out to only find the end: the lexer's one pass.
 */
export function scanNumberList(text: string, offset: number, visit?: (part: NumberListPart, start: number, end: number) => void): number {
    if (text.charCodeAt(offset) !== OPEN) return -1;
    visit?.('open', offset, offset + 1);
    let i = skipWhitespace(text, offset + 1);
    for (;;) {
        if (text.charCodeAt(i) === MINUS) {
            visit?.('minus', i, i + 1);
            i++;
        }
        if (!isDigit(text.charCodeAt(i))) return -1;
        const end = numberEnd(text, i);
        visit?.('number', i, end);
        i = skipWhitespace(text, end);
        let c = text.charCodeAt(i);
        if (c === COMMA) {
            visit?.('comma', i, i + 1);
            i = skipWhitespace(text, i + 1);
            c = text.charCodeAt(i);
        } else if (c !== CLOSE) {
            return -1;
        }
        if (c === CLOSE) {
            visit?.('close', i, i + 1);
            return i + 1;
        }
    }
}

/** A list's text as the formatter writes it: `[1, -2, 3.5]`, one space after each comma (as for any list). */
export function formattedNumberList(list: string): string {
    let text = '';
    scanNumberList(list, 0, (part, start, end) => {
        text += part === 'comma' ? ', ' : list.slice(start, end);
    });
    // a trailing comma keeps its space before the `]`, as the formatter leaves it after a ListExpression's
    return text;
}

/** A line and character in a document (0-based, as LSP's). */
export interface TextPosition {
    readonly line: number;
    readonly character: number;
}

/**
 * Positions in the document of the offsets of a list's text, given where the list starts: from the
 * list's own text, so that they stay those of the text that was read whatever the document becomes.
 */
export class NumberListPositions {
    /** Offsets in the list's text where a line starts (after a \n, \r\n or \r), found on the first position asked for. */
    private lineStarts: number[] | undefined;

    constructor(private readonly list: string, private readonly start: TextPosition) {}

    positionAt(offset: number): TextPosition {
        const starts = this.lineStarts ??= lineStartsOf(this.list);
        // the lines that start at or before the offset
        let low = 0, high = starts.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (starts[middle] <= offset) low = middle + 1;
            else high = middle;
        }
        if (low === 0) return { line: this.start.line, character: this.start.character + offset };
        return { line: this.start.line + low, character: offset - starts[low - 1] };
    }
}

function lineStartsOf(text: string): number[] {
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
        if (c === 0x0a || c === 0x0d) starts.push(i + 1);
    }
    return starts;
}
