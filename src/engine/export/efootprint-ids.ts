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

const DECLARATION = /^\s*([a-z_]+)\s+([A-Za-z_]\w*)\b.*\/\/\s*e-footprint id:\s*([^\s,]+)((?:\s*,\s*\w+:\s*[^\s,]+)*)\s*$/;

export function emptyIds(): EfootprintIds {
    return { objects: new Map(), sources: new Map(), extras: new Map() };
}

/** Adds the ids a .efp text keeps to `ids`. */
export function readEfootprintIds(text: string, ids: EfootprintIds = emptyIds()): EfootprintIds {
    for (const line of text.split(/\r?\n/)) {
        const m = DECLARATION.exec(line);
        if (!m) continue;
        const [, keyword, name, id, rest] = m;
        if (keyword === 'source') { ids.sources.set(name, id); continue; }
        ids.objects.set(name, id);
        for (const pair of rest.split(',').map(p => p.trim()).filter(p => p)) {
            const [key, value] = pair.split(/:\s*/);
            ids.extras.set(name, { ...ids.extras.get(name), [key]: value });
        }
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
