import { describe, expect, it } from 'vitest';
import { decodeUtf8, NotUtf8Error } from '../../src/platform/utf8-text.js';

function failure(bytes: Uint8Array): NotUtf8Error {
    try {
        decodeUtf8(bytes);
    } catch (e) {
        if (e instanceof NotUtf8Error) return e;
        throw e;
    }
    throw new Error('decoded');
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map(p => typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)));

describe('strict UTF-8 decoding', () => {
    it('decodes UTF-8, with or without a byte order mark (dropped)', () => {
        expect(decodeUtf8(bytes('r\u00e9seau \u{1F30D}\n'))).toBe('r\u00e9seau \u{1F30D}\n');
        expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'server s {}\n'))).toBe('server s {}\n');
        expect(decodeUtf8(new Uint8Array())).toBe('');
    });

    it('a Latin-1 byte: its value, line and column', () => {
        const e = failure(bytes('model "m" {}\n// R', [0xe9], 'seau\n'));
        expect(e.message).toBe('it is not UTF-8 text: byte 0xE9 at line 2, column 5');
        expect([e.line, e.column]).toEqual([2, 5]);
        expect(e.hint).toMatch(/^save it as UTF-8/);
    });

    it('columns count characters before the bad byte, as editors do (é is one, an emoji two)', () => {
        expect(failure(bytes('\u00e9\u{1F30D}', [0x80])).message).toBe('it is not UTF-8 text: byte 0x80 at line 1, column 4');
        // after a byte order mark, the first column is the first character
        expect(failure(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff])).message).toBe('it is not UTF-8 text: byte 0xFF at line 1, column 3');
    });

    it('ill-formed sequences: overlong, surrogate, past U+10FFFF, truncated at the end', () => {
        expect(failure(bytes('a', [0xc0, 0x80])).message).toContain('byte 0xC0 at line 1, column 2');
        expect(failure(bytes('a', [0xe0, 0x80, 0x80])).message).toContain('byte 0xE0 at line 1, column 2');
        expect(failure(bytes('a', [0xed, 0xa0, 0x80])).message).toContain('byte 0xED at line 1, column 2');
        expect(failure(bytes('a', [0xf4, 0x90, 0x80, 0x80])).message).toContain('byte 0xF4 at line 1, column 2');
        expect(failure(bytes('ab\ncd', [0xe2, 0x82])).message).toContain('byte 0xE2 at line 2, column 3');
    });

    it('UTF-16, either byte order, by its byte order mark', () => {
        for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
            expect(failure(bytes(bom, [0x61, 0x00])).message).toBe('it is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8');
        }
    });
});
