/**
 * The size of a node's box, from its three lines of text. The server cannot measure the editor's
 * fonts, so widths are estimated from average character widths at the webview's font sizes (title
 * 12px monospace, subtitle 11px and value 12px semibold in the UI font); the webview shortens a line
 * that still does not fit with an ellipsis.
 */

/** Title, subtitle and value lines, with padding above, between and below. */
export const NODE_HEIGHT = 58;
const MIN_WIDTH = 120;
const MAX_WIDTH = 340;
/** Left padding (after the class colour stripe) and right padding. */
const PADDING = 26;

const TITLE_CHAR = 7.3;
const SUBTITLE_CHAR = 6.0;
const VALUE_CHAR = 6.9;

export function nodeWidth(title: string, subtitle: string, value: string): number {
    const text = Math.max(title.length * TITLE_CHAR, subtitle.length * SUBTITLE_CHAR, value.length * VALUE_CHAR);
    return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, text + PADDING)));
}
