import { describe, expect, it } from 'vitest';
import {
    efpComment, efpIdentifier, efpString, efpWord, isEfpIdentifier, readEfpString, readEfpWord, EFP_WORD_PATTERN
} from '../../../src/engine/text/efp-syntax.js';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../../fixtures/hostile-strings.js';
import type { Document, ObjectDecl } from '../../../src/language/generated/ast.js';

/** The pieces of .efp text that carry imported words: string literals, comments, kept words, identifiers. */
describe('.efp string literals', () => {
    it('escape quotes, backslashes, line breaks and invisible characters, and keep the rest', () => {
        expect(efpString('say "hi"')).toBe('"say \\"hi\\""');
        expect(efpString('C:\\dir\\')).toBe('"C:\\\\dir\\\\"');
        expect(efpString('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
        expect(efpString('a\x1b[2Jb\u202Ec\u2028d\0e\uD800')).toBe('"a\\u{1b}[2Jb\\u{202e}c\\u{2028}d\\u{0}e\\u{d800}"');
        expect(efpString('👩‍💻 é e\u0301 */ } {')).toBe('"👩‍💻 é e\u0301 */ } {"');
    });

    it('read back as they were written, for every hostile string', () => {
        for (const { name, text, reads = text } of HOSTILE_STRINGS) {
            const literal = efpString(text);
            expect(literal, name).toMatch(/^"(\\.|[^"\\])*"$/s);
            expect(literal, name).not.toMatch(TERMINAL_CONTROLS);
            expect(readEfpString(literal), name).toBe(reads);
        }
    });

    it('read Langium\'s escapes as before, and \\u{hex} up to U+10FFFF', () => {
        expect(readEfpString('"a\\"b\\\\c\\n\\t\\r\\b\\f\\v\\0\\q"')).toBe('a"b\\c\n\t\r\b\f\v\0q');
        expect(readEfpString('"\\u{1F600}\\u{41}"')).toBe('😀A');
        // not a code point escape: the `u` stands for itself, as Langium reads it
        expect(readEfpString('"\\u0041 \\u{110000} \\u{zz}"')).toBe('u0041 u{110000} u{zz}');
    });

    it('are what the language reads: a label, a comment annotation and a text value', async () => {
        for (const { name, text, reads = text } of HOSTILE_STRINGS) {
            const { documents: [document] } = await openWorkspace(
                `country c ${efpString(text)} { timezone: ${efpString(text)}  comment ${efpString(text)} }\n`, false);
            expect(document.parseResult.lexerErrors, name).toEqual([]);
            expect(document.parseResult.parserErrors, name).toEqual([]);
            const elements = (document.parseResult.value as Document).elements;
            expect(elements.length, name).toBe(1);
            const country = elements[0] as ObjectDecl;
            expect(country.label, name).toBe(reads);
            expect(country.attributes[0].value, name).toMatchObject({ value: reads });
            expect(country.attributes[0].annotations[0], name).toMatchObject({ text: reads });
        }
    });
});

describe('.efp comments and kept words', () => {
    it('a comment stays on its line whatever it holds', () => {
        expect(efpComment('from a\nserver x {}\r\u2028y')).toBe('// from a\\nserver x {}\\r\\u{2028}y');
        for (const { name, text } of HOSTILE_STRINGS) {
            expect(efpComment(text), name).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
            expect(efpComment(text), name).not.toMatch(TERMINAL_CONTROLS);
        }
    });

    it('a kept word is bare when it is a plain word, else a literal, and reads back', () => {
        expect(efpWord('Default-server')).toBe('Default-server');
        expect(efpWord('a, b')).toBe('"a, b"');
        const word = new RegExp(`^(?:${EFP_WORD_PATTERN})$`, 'su');
        for (const { name, text, reads = text } of [...HOSTILE_STRINGS, { name: 'empty', text: '' }]) {
            expect(efpWord(text), name).toMatch(word);
            expect(efpWord(text), name).not.toMatch(TERMINAL_CONTROLS);
            expect(readEfpWord(efpWord(text)), name).toBe(reads);
        }
    });
});

describe('.efp identifiers', () => {
    it('only the grammar\'s ID rule passes; anything else is a fault in the writer', () => {
        expect(isEfpIdentifier('_1_min')).toBe(true);
        expect(efpIdentifier('web_server')).toBe('web_server');
        for (const { text } of HOSTILE_STRINGS) expect(isEfpIdentifier(text)).toBe(false);
        expect(() => efpIdentifier('a }\nserver b {')).toThrow('not an .efp identifier: "a }\\nserver b {"');
    });
});
