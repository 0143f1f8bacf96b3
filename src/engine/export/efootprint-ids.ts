import { EFP_WORD_PATTERN, readEfpWord } from '../text/efp-syntax.js';

/**
 * e-footprint ids kept in .efp text. `efp import` writes each object's and source's e-footprint id as a
 * trailing comment on its declaration's first line (`server web "server" {  // e-footprint id: 26c5cb3b-4c8`);
 * comments are not part of the model, so `efp export` reads them from the text here. An object without
 * one gets an id derived from its name the way e-footprint derives ids from names (efootprintIdOfName).
 */
export interface EfootprintIds {
    /** efp object name -> e-footprint id. */
    readonly objects: Map<string, string>;
    /** efp source name -> e-footprint id. */
    readonly sources: Map<string, string>;
    /** efp object name -> other kept fields (`short_name`). */
    readonly extras: Map<string, Record<string, string>>;
}

/** A declaration's keyword and name at the start of a line. */
const DECLARATION = /^\s*([a-z_]+)\s+([A-Za-z_]\w*)\b/;
/** The kept fields, in the line's comment: `// e-footprint id: <word>, short_name: <word>` (words as efpWord writes them). */
const IDS = new RegExp(String.raw`^//\s*e-footprint id:\s*(${EFP_WORD_PATTERN})((?:\s*,\s*\w+:\s*(?:${EFP_WORD_PATTERN}))*)\s*$`, 'u');
const EXTRA = new RegExp(String.raw`,\s*(\w+):\s*(${EFP_WORD_PATTERN})`, 'gu');

export function emptyIds(): EfootprintIds {
    return { objects: new Map(), sources: new Map(), extras: new Map() };
}

/**
 * Where the line's `//` comment starts, or -1: the first `//` outside string literals and block comments,
 * so that a name or label holding `// e-footprint id:` is never taken for the comment.
 */
function lineCommentStart(line: string): number {
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"') {
            for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
        } else if (c === '/' && line[i + 1] === '*') {
            const end = line.indexOf('*/', i + 2);
            if (end < 0) return -1;
            i = end + 1;
        } else if (c === '/' && line[i + 1] === '/') {
            return i;
        }
    }
    return -1;
}

/** The comment line that keeps the ids of built-in objects and sources an import uses (`laptop: fcd3fc41-c46, source base_ademe_v19: 9315fde5-66a`). */
export const BUILTIN_IDS_PREFIX = '// e-footprint ids of built-ins:';
const BUILTIN_ID = new RegExp(String.raw`(?:^|,)\s*(source\s+)?([A-Za-z_]\w*):\s*(${EFP_WORD_PATTERN})`, 'gu');

/** Adds the ids a .efp text keeps to `ids`. */
export function readEfootprintIds(text: string, ids: EfootprintIds = emptyIds()): EfootprintIds {
    for (const line of text.split(/\r?\n/)) {
        if (line.startsWith(BUILTIN_IDS_PREFIX)) {
            for (const [, source, name, word] of line.slice(BUILTIN_IDS_PREFIX.length).matchAll(BUILTIN_ID)) {
                (source ? ids.sources : ids.objects).set(name, readEfpWord(word));
            }
            continue;
        }
        const declaration = DECLARATION.exec(line);
        if (!declaration || !line.includes('e-footprint id:')) continue;
        const start = lineCommentStart(line);
        const kept = start >= 0 ? IDS.exec(line.slice(start)) : null;
        if (!kept) continue;
        const [, keyword, name] = declaration;
        const id = readEfpWord(kept[1]);
        if (keyword === 'source') { ids.sources.set(name, id); continue; }
        ids.objects.set(name, id);
        for (const [, key, value] of kept[2].matchAll(EXTRA)) ids.extras.set(name, { ...ids.extras.get(name), [key]: readEfpWord(value) });
    }
    return ids;
}

/**
 * An id from a name as e-footprint makes one for its templates: spaces become dashes, other characters
 * outside letters, digits, `_` and `-` their hexadecimal code ("Our world in data (2024)" ->
 * "Our-world-in-data-28202429").
 */
export function efootprintIdOfName(name: string): string {
    let id = '';
    for (const ch of name) {
        if (ch === ' ') id += '-';
        else if (/[A-Za-z0-9_-]/.test(ch)) id += ch;
        else id += ch.codePointAt(0)!.toString(16);
    }
    return id;
}
