import { showInvisibleCharacters } from './invisible-characters.js';

/**
 * Someone else's words in Markdown (GitHub's, for `efp diff --markdown`; VS Code's, for hovers and
 * tooltips), shown as the words they are: no HTML, no comment hiding what follows, no link, image,
 * emphasis, heading or list, no table cell split, no code span closed early, no @mention or #123
 * reference, and no control or bidi character. Every Markdown writer puts user and imported text through
 * one of these; efp's own syntax around them (`**`, tables, its command links) is written by the writer.
 */

/**
 * Characters that open or close an inline construct wherever they are (a backslash makes each one literal);
 * `_` only where it could (between two letters or digits it never does: `usage_journey` stays as it is).
 */
const INLINE_SYNTAX = /[\\`*~[\]<>|&$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/**
 * Block markers count only at the start of a line, and only followed by a space, the end or another
 * marker: a quote (`>`), a heading (`# `), a list item (`- `, `+ `, `1. `), a rule or underline (`---`,
 * `===`). `-2`, `0.43 kWh` or `#1` start nothing.
 */
const LINE_START_MARKER = /^(\s*)(>|[#+\-=](?=[\s#+\-=]|$))/;
const ORDERED_LIST_MARKER = /^(\s*\d{1,9})([.)])(?=\s|$)/;
/**
 * GitHub links `@name` and `#123` in rendered text whatever the escapes (its filters run on the HTML):
 * a zero-width space after the sign keeps the text and drops the link and the notification.
 */
const GITHUB_REFERENCE = /@(?=[A-Za-z0-9])|#(?=\d)/g;
const ZERO_WIDTH_SPACE = '&#8203;';

/** Text in a paragraph, list item, heading or table cell: shows as written, on one line. */
export function markdownText(text: string): string {
    return showInvisibleCharacters(text)
        .replace(INLINE_SYNTAX, '\\$&')
        .replace(ORDERED_LIST_MARKER, '$1\\$2')
        .replace(LINE_START_MARKER, '$1\\$2')
        .replace(GITHUB_REFERENCE, `$&${ZERO_WIDTH_SPACE}`);
}

/** Text in a table cell: as `markdownText`, which already keeps `|` from splitting the cell. */
export const markdownTableCell = markdownText;

function longestBacktickRun(text: string): number {
    let longest = 0, run = 0;
    for (const c of text) {
        run = c === '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    return longest;
}

/**
 * A code span: fenced by more backticks than the text holds in a row, padded when it starts or ends
 * with a backtick or a space (which the span would otherwise eat), invisible characters made visible.
 * In a table cell (`inTable`), `|` is escaped: GitHub splits cells before it reads code spans.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
    let body = showInvisibleCharacters(text);
    if (body === '') return '` `';
    if (options.inTable) body = body.replace(/\|/g, '\\|');
    const fence = '`'.repeat(longestBacktickRun(body) + 1);
    const pad = /^[` ]|[` ]$/.test(body) && /[^ ]/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A fenced code block of `lines` (a text chart): the fence is longer than any run of backticks in them,
 * so no line closes it, and invisible characters are made visible.
 */
export function markdownCodeBlock(lines: readonly string[], info = 'text'): string[] {
    const body = lines.map(showInvisibleCharacters);
    const fence = '`'.repeat(body.reduce((length, line) => Math.max(length, longestBacktickRun(line) + 1), 3));
    return [`${fence}${info}`, ...body, fence];
}

/**
 * The URL when it is an absolute http(s) URL, serialized so that it cannot end a link destination
 * (`<`, `>`, `|`, backticks and spaces percent-encoded); undefined for anything else (`javascript:`,
 * `command:`, `data:`, a relative path).
 */
export function httpUrl(url: string | undefined): string | undefined {
    if (!url) return undefined;
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/[<>|`\s]/g, c => encodeURIComponent(c));
}

/** A link to an http(s) URL with the text shown as written; just the text when the URL is anything else. */
export function markdownLink(text: string, url: string | undefined): string {
    const href = httpUrl(url);
    return href ? `[${markdownText(text)}](<${href}>)` : markdownText(text);
}
