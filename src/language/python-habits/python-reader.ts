/**
 * Reads a bit of Python at a place in a text, for the Python spellings (python-spellings.ts): names,
 * numbers, texts in quotes and signs, with blanks (line breaks too: Python's arguments may span lines)
 * between them; a reading that finds nothing leaves the place where it was. It never reads past its limit, a few hundred characters from where it started: a
 * spelling longer than that is not one people paste, and the scan of a file stays linear whatever the
 * file holds (a megabyte of `SourceValue(((((` reads at most the limit at each `SourceValue`).
 * No regular expression runs on the text: each character is looked at once per reading.
 */
export class PythonReader {
    /** Where reading stops, whatever comes there. */
    private readonly limit: number;

    constructor(readonly text: string, public at: number, length: number) {
        this.limit = Math.min(text.length, at + length);
    }

    /** The character code at the reading place, or -1 at the limit. */
    peek(ahead = 0): number {
        const i = this.at + ahead;
        return i < this.limit ? this.text.charCodeAt(i) : -1;
    }

    /** Skips blanks: spaces, tabs and line breaks. */
    blank(): this {
        while (isBlank(this.peek())) this.at++;
        return this;
    }

    /** Reads `sign` (after blanks), or nothing: whether it was there. */
    sign(sign: string): boolean {
        const start = this.at;
        this.blank();
        for (let k = 0; k < sign.length; k++) {
            if (this.peek(k) !== sign.charCodeAt(k)) {
                this.at = start;
                return false;
            }
        }
        this.at += sign.length;
        return true;
    }

    /** `*` or `/` (after blanks), not Python's `**` or `//`: undefined (and nothing read) for anything else. */
    operator(): '*' | '/' | undefined {
        const start = this.at;
        this.blank();
        const c = this.peek();
        if ((c !== STAR && c !== SLASH) || this.peek(1) === c) {
            this.at = start;
            return undefined;
        }
        this.at++;
        return c === STAR ? '*' : '/';
    }

    /** A name (after blanks): `[A-Za-z_][A-Za-z0-9_]*`. */
    name(): string | undefined {
        const before = this.at;
        this.blank();
        const start = this.at;
        while (isNamePart(this.peek()) && (this.at > start || isNameStart(this.peek()))) this.at++;
        // none, or a name running past the limit (not read whole): not a name of these spellings
        if (this.at === start || (this.at >= this.limit && this.limit < this.text.length)) {
            this.at = before;
            return undefined;
        }
        return this.text.slice(start, this.at);
    }

    /** `name` (after blanks), or nothing: whether it was there, whole. */
    word(word: string): boolean {
        const start = this.at;
        if (this.name() === word) return true;
        this.at = start;
        return false;
    }

    /**
     * A number as .efp writes it (after blanks): Python's `1_000`, `2.5`, `1e6`, `-3`, and `.5` and `5.`
     * written `0.5` and `5`. Undefined (and nothing read) for anything else.
     */
    number(): string | undefined {
        const before = this.at;
        this.blank();
        const fail = () => {
            this.at = before;
            return undefined;
        };
        let i = this.peek() === MINUS ? 1 : 0;
        while (isDigit(this.peek(i)) || this.peek(i) === UNDERSCORE || this.peek(i) === DOT) i++;
        if (this.peek(i) === LOWER_E || this.peek(i) === UPPER_E) {
            let j = i + 1;
            if (this.peek(j) === PLUS || this.peek(j) === MINUS) j++;
            if (isDigit(this.peek(j))) {
                while (isDigit(this.peek(j))) j++;
                i = j;
            }
        }
        // `5j`, `0x1f`, `1e`: a number running into a name is not a plain number
        if (isNamePart(this.peek(i))) return fail();
        const written = this.text.slice(this.at, this.at + i);
        const efp = written.replace(/^(-?)\./, (_, sign: string) => `${sign}0.`).replace(/\.(?=[eE]|$)/, '');
        if (!EFP_NUMBER.test(efp)) return fail();
        this.at += i;
        return efp;
    }

    /**
     * A text in quotes on one line (after blanks), `"…"` or `'…'`, without a backslash or the other quote
     * inside: what it holds, or undefined (and nothing read).
     */
    quotedText(): string | undefined {
        const before = this.at;
        this.blank();
        const quote = this.peek();
        if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
            this.at = before;
            return undefined;
        }
        for (let i = 1; ; i++) {
            const c = this.peek(i);
            if (c === quote) {
                const text = this.text.slice(this.at + 1, this.at + i);
                this.at += i + 1;
                return text;
            }
            if (c === -1 || c === LF || c === CR || c === BACKSLASH || c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
                this.at = before;
                return undefined;
            }
        }
    }

    /**
     * Reads to the bracket that closes the one just read (`)` for `(`, `}` for `{`), over nested brackets
     * and texts in quotes: whether it was found before the limit (if not, nothing is read).
     */
    closingBracket(close: number): boolean {
        let depth = 1;
        for (let i = 0; ; i++) {
            const c = this.peek(i);
            if (c === -1) return false;
            if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
                // a text: to its closing quote (an escaped one aside)
                let j = i + 1;
                while (this.peek(j) !== -1 && this.peek(j) !== c) j += this.peek(j) === BACKSLASH ? 2 : 1;
                if (this.peek(j) === -1) return false;
                i = j;
            } else if (c === OPEN_PARENTHESIS || c === OPEN_BRACKET || c === OPEN_BRACE) {
                depth++;
            } else if (c === CLOSE_PARENTHESIS || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
                depth--;
                if (depth === 0) {
                    if (c !== close) return false;
                    this.at += i + 1;
                    return true;
                }
            }
        }
    }
}

/** The grammar's NUMBER, with a sign. */
const EFP_NUMBER = /^-?[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?$/;

const LF = 0x0a, CR = 0x0d, DOT = 0x2e, MINUS = 0x2d, PLUS = 0x2b, UNDERSCORE = 0x5f, LOWER_E = 0x65, UPPER_E = 0x45;
const STAR = 0x2a, SLASH = 0x2f, DOUBLE_QUOTE = 0x22, SINGLE_QUOTE = 0x27, BACKSLASH = 0x5c;
const OPEN_PARENTHESIS = 0x28, CLOSE_PARENTHESIS = 0x29, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d;

export function isBlank(c: number): boolean {
    return c === 0x20 || c === 0x09 || c === LF || c === CR;
}

export function isDigit(c: number): boolean {
    return c >= 0x30 && c <= 0x39;
}

export function isNameStart(c: number): boolean {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === UNDERSCORE;
}

export function isNamePart(c: number): boolean {
    return isNameStart(c) || isDigit(c);
}
