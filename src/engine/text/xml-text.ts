import { showInvisibleCharacters } from './invisible-characters.js';

/**
 * Text for XML and SVG (a waterfall chart written to a file, shown by browsers and image viewers): the
 * five markup characters as entities, so that no name opens an element or ends an attribute, and every
 * invisible character made visible (`\x1b`, `\u202e`), which also keeps out what XML 1.0 forbids (control
 * characters, lone surrogates) and would make the file unreadable. Usable in text and in quoted attributes.
 */
const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(text: string): string {
    return showInvisibleCharacters(text).replace(/[&<>"']/g, c => MARKUP[c]).replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
}
