import { markdownCode, markdownText } from '../../src/engine/text/markdown.js';

/**
 * A class description's text in Markdown, escaped: its `code` spans (a description writes .efp text that
 * way, as completion and hovers show it) become code spans, everything else shows as written. A lone
 * backtick is text. `inTable` keeps `|` from splitting a table cell, in code spans too.
 */
export function specMarkdown(text: string, options: { inTable?: boolean } = {}): string {
    const parts = text.split('`');
    // an even number of backticks: parts alternate text, code, text, …
    if (parts.length % 2 === 0) return markdownText(text);
    return parts.map((part, i) => (i % 2 === 0 ? (part === '' ? '' : markdownText(part)) : markdownCode(part, options))).join('');
}
