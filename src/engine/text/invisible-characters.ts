/**
 * Characters that change how text shows without showing themselves: C0 and C1 controls and DEL (a
 * terminal's escape sequences, carriage returns and backspaces; line breaks inside a name), the line and
 * paragraph separators, bidirectional embeddings, overrides, isolates and marks (which reorder what is
 * around them: "Trojan Source"), the byte order mark, and lone surrogates (half a character, which no
 * UTF-8 file can hold). Every output format makes them visible or escapes them; none writes them raw.
 */
export const INVISIBLE_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Cs}/gu;

/** Whether `text` holds one of the invisible characters. */
export function hasInvisibleCharacters(text: string): boolean {
    INVISIBLE_CHARACTERS.lastIndex = 0;
    return INVISIBLE_CHARACTERS.test(text);
}

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\x1b`, `\u202e`, `\ud800`: an invisible character as JavaScript (and most readers) would escape it. */
export function escapedCodePoint(character: string): string {
    const short = SHORT[character];
    if (short) return short;
    const code = character.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with each invisible character written as its escape (`a\x1b[2Jb`), everything else as it was. */
export function showInvisibleCharacters(text: string): string {
    return text.replace(INVISIBLE_CHARACTERS, escapedCodePoint);
}
