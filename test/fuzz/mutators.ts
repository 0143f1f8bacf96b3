import type { Rng } from './generator.js';

/**
 * Mutations of a valid text, as typing and bad merges produce them: tokens deleted, duplicated, swapped,
 * the text cut anywhere, random tokens, unicode, huge or NaN-like numbers, unbalanced braces, unclosed
 * strings and comments.
 */
const pick = <T>(next: Rng, items: readonly T[]): T => items[Math.floor(next() * items.length)];

const INSERTS = [
    '{', '}', '}}', '{{', '[', ']', '(', ')', '((((', ':', '::', '*', '/', '-', '--', '.', '..', ',', '^', '%', '\\',
    '1e308', '1e-320', '-0', 'NaN', 'Infinity', '-Infinity', 'undefined', 'null', '__proto__', 'constructor', 'toString',
    '99999999999999999999999999999999 W', '1e999', '0x1F', '1__2', '9'.repeat(400),
    ' kWh', ' GB_ram', ' %', ' per year', ' in kW', ' in ', ' on ', ' from ', ' source ', ' confidence ', ' comment ',
    '"', ' "unterminated', '"\\', '/*', '*/', '//', '\n', '\r\n', '\t', '\u0000', '\u200b', '\ufeff', 'µs', 'é', '🌍', '\ud800',
    ' server ', ' job ', ' scenario ', ' budget ', ' measurement ', ' model ', ' import "x.efp"\n', ' import "../../etc/passwd"\n',
    ' enum ', ' unit ', ' x ', ' 2025-13-45 ', ' 2025-02-30T25:61 ', ' linear_growth(', ' hourly_values([', ' weekly_values([1,2]) ',
    ' web.', ' .power', ' web.power.power ', ' at 2026-01-01 ', ' file: "emissions.csv" ', ' file: "/etc/passwd" '
];

/** Token boundaries: words, numbers, strings and single punctuation. */
function tokens(text: string): Array<{ start: number; end: number }> {
    const out: Array<{ start: number; end: number }> = [];
    for (const m of text.matchAll(/"(?:\\.|[^"\\])*"|[A-Za-z_][\w]*|[0-9][0-9_.eE+-]*|\S/g)) out.push({ start: m.index!, end: m.index! + m[0].length });
    return out;
}

type Mutator = (text: string, next: Rng) => string;

const MUTATORS: Mutator[] = [
    // delete a token, or a run of them
    (text, next) => {
        const t = tokens(text);
        if (t.length === 0) return text;
        const i = Math.floor(next() * t.length), j = Math.min(t.length - 1, i + Math.floor(next() * 3));
        return text.slice(0, t[i].start) + text.slice(t[j].end);
    },
    // duplicate a token
    (text, next) => {
        const t = tokens(text);
        if (t.length === 0) return text;
        const { start, end } = pick(next, t);
        return text.slice(0, end) + ' ' + text.slice(start, end) + text.slice(end);
    },
    // swap two tokens
    (text, next) => {
        const t = tokens(text);
        if (t.length < 2) return text;
        let a = pick(next, t), b = pick(next, t);
        if (a.start > b.start) [a, b] = [b, a];
        if (a.end > b.start) return text;
        return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    },
    // cut the text anywhere
    (text, next) => text.slice(0, Math.floor(next() * (text.length + 1))),
    // insert a token
    (text, next) => {
        const at = Math.floor(next() * (text.length + 1));
        return text.slice(0, at) + pick(next, INSERTS) + text.slice(at);
    },
    // replace a number by a strange one
    (text, next) => {
        const at = Math.floor(next() * text.length);
        return text.slice(0, at) + text.slice(at).replace(/\d+(\.\d+)?/, pick(next, ['0', '-1', '1e308', '1e-320', 'NaN', '99999999999999999999999', String(next() * 1e12)]));
    },
    // drop a brace, bracket or parenthesis
    (text, next) => {
        const at = Math.floor(next() * text.length);
        return text.slice(0, at) + text.slice(at).replace(/[{}()[\]]/, '');
    },
    // open a string or a block comment that never closes
    (text, next) => {
        const at = Math.floor(next() * (text.length + 1));
        return text.slice(0, at) + pick(next, ['"', '/*', '"\\']) + text.slice(at);
    },
    // copy a random line elsewhere (a bad merge)
    (text, next) => {
        const lines = text.split('\n');
        const line = pick(next, lines);
        lines.splice(Math.floor(next() * (lines.length + 1)), 0, line);
        return lines.join('\n');
    },
    // a random string of printable and odd characters
    (text, next) => {
        const at = Math.floor(next() * (text.length + 1));
        const junk = Array.from({ length: 1 + Math.floor(next() * 12) }, () => String.fromCharCode(next() < 0.9 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0x3000))).join('');
        return text.slice(0, at) + junk + text.slice(at);
    }
];

/** One to five mutations of `text`. */
export function mutate(text: string, next: Rng): string {
    let out = text;
    const edits = 1 + Math.floor(next() * 5);
    for (let i = 0; i < edits; i++) out = pick(next, MUTATORS)(out, next);
    return out;
}
