import { INVISIBLE_CHARACTERS, showInvisibleCharacters } from './invisible-characters.js';

/**
 * Text in YAML (the Impact Framework manifest of `efp export --if-manifest`): a string is plain only when
 * it is a name-like word YAML reads back as the same string; anything else is double-quoted with YAML's
 * escapes for quotes, backslashes, line breaks and every invisible character (which YAML either forbids
 * or folds: `\x85`, `\u2028`), so no name can end its scalar, start a key or hide in the file. Comments
 * stay on their line.
 */
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./-]*$/;
const QUOTED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };
const ESCAPED = new RegExp(`["\\\\\\uFFFE\\uFFFF]|${INVISIBLE_CHARACTERS.source}`, 'gu');

function yamlEscape(character: string): string {
    const short = QUOTED_ESCAPES[character];
    if (short) return short;
    const code = character.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A string as a YAML scalar: `cloud/vendor`, or `"a: b"`, `"true"`, `"line\nbreak"`. */
export function yamlString(text: string): string {
    if (PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ')) return text;
    return `"${text.replace(ESCAPED, yamlEscape)}"`;
}

/** A `# ` comment line, whatever the text holds. */
export function yamlComment(text: string): string {
    return `# ${showInvisibleCharacters(text)}`.trimEnd();
}
