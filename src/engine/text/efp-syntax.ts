import { INVISIBLE_CHARACTERS } from './invisible-characters.js';

/**
 * The pieces of .efp text that carry someone else's words (an imported name, a link, a CodeCarbon project),
 * written so that no text can become syntax: string literals with escapes the grammar reads back
 * (src/language/efp-value-converter.ts reads them with `readEfpString`), comments that stay on their line,
 * identifiers only from the grammar's ID rule. Every writer of .efp text goes through these.
 *
 * A string literal escapes `"` and `\`, writes line breaks and tabs as `\n`, `\r`, `\t`, and every other
 * invisible character (controls, line separators, bidi overrides, a lone surrogate) as `\u{hex}`, so that
 * a literal stays on one line and shows what it holds.
 */

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

function codePointEscape(character: string): string {
    return `\\u{${character.codePointAt(0)!.toString(16)}}`;
}

const STRING_ESCAPED = new RegExp(`["\\\\]|${INVISIBLE_CHARACTERS.source}`, 'gu');

/** `say "hi"` -> `"say \"hi\""`; `a\nb` -> `"a\nb"`; ESC -> `"\u{1b}"`. */
export function efpString(text: string): string {
    return `"${text.replace(STRING_ESCAPED, c => SHORT_ESCAPES[c] ?? codePointEscape(c))}"`;
}

/** What Langium's STRING conversion gives each escape; any other escaped character stands for itself. */
const READ_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/**
 * The text of a STRING token (quotes included), escapes read: Langium's own (`\n`, `\"`, `\\`, …) and
 * `\u{hex}` for any code point up to U+10FFFF. A `\u` without braces and hex digits stands for `u`, as before.
 */
export function readEfpString(token: string): string {
    let text = '';
    for (let i = 1; i < token.length - 1; i++) {
        const c = token[i];
        if (c !== '\\') {
            text += c;
            continue;
        }
        const next = token[++i];
        if (next === 'u') {
            const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(token.slice(i + 1, i + 10));
            const code = braced ? parseInt(braced[1], 16) : NaN;
            if (braced && code <= 0x10FFFF) {
                text += String.fromCodePoint(code);
                i += braced[0].length;
                continue;
            }
        }
        text += READ_ESCAPES[next] ?? next;
    }
    // no character is half of a UTF-16 pair: what encodes text (a URI, UTF-8) throws on one or replaces it
    return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Half of a UTF-16 pair without its other half (`\u{d800}`, or text an editor sent that no UTF-8 file can
 * hold): not a character. Read as U+FFFD, the replacement character, as a UTF-8 decoder reads a bad byte.
 */
const LONE_SURROGATE = /\p{Cs}/gu; // with the u flag, a whole pair is one code point and never matches

/**
 * Text for a `//` comment: on one line whatever it holds, line breaks and other invisible characters
 * written as in a string literal (`\n`, `\u{202e}`), so that no comment ends early or hides what follows.
 */
export function efpCommentText(text: string): string {
    return text.replace(INVISIBLE_CHARACTERS, c => SHORT_ESCAPES[c] ?? codePointEscape(c));
}

/** A `//` comment line. */
export function efpComment(text: string): string {
    return `// ${efpCommentText(text)}`;
}

/** The grammar's ID terminal (src/language/efp.langium). */
const ID = /^[_a-zA-Z]\w*$/;

export function isEfpIdentifier(name: string): boolean {
    return ID.test(name);
}

/**
 * A name where the grammar wants an identifier. Writers only ever hold identifiers there (importers
 * rename everything else, src/engine/import/identifiers.ts); anything else is a fault in the writer, and
 * writing it would let text become syntax.
 */
export function efpIdentifier(name: string): string {
    if (!ID.test(name)) throw new Error(`not an .efp identifier: ${JSON.stringify(name)}`);
    return name;
}

/** A word that can stand bare in a comment's `key: value` list: no space, comma, quote, backslash or invisible character. */
const BARE_WORD = /^[^\s,"\\\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/u;

/**
 * A value kept in a comment (an e-footprint id, a short name) that must read back as it was: bare when
 * it is a plain word (`Default-server`), else a string literal (`"id, with a comma"`). `readEfpWord` reads
 * either back.
 */
export function efpWord(text: string): string {
    return BARE_WORD.test(text) ? text : efpString(text);
}

/** The pattern of an `efpWord`: a string literal or a bare word, for readers that find one in a line. */
export const EFP_WORD_PATTERN = String.raw`"(?:\\.|[^"\\])*"|[^\s,"\\]+`;

export function readEfpWord(word: string): string {
    return word.startsWith('"') ? readEfpString(word) : word;
}
