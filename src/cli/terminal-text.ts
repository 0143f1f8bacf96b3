import { showInvisibleCharacters } from '../engine/index.js';

/**
 * Text from a model, a data file or the command line, for a terminal: every control, bidi and
 * line-separator character shown as its escape (`\x1b`, `\r`, `\u202e`, `\n`), so that a name, a comment,
 * a path or a message quoting them cannot move the cursor, clear the screen, rewrite a line, reorder what
 * follows or add a line of its own. The CLI's tables and messages put every such string through it and
 * add their own layout (line breaks, padding) around it.
 */
export function terminalText(text: string): string {
    return showInvisibleCharacters(text);
}
