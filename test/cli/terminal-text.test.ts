import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../fixtures/hostile-strings.js';

/** The one function every text of a model goes through on its way to a terminal. */
describe('terminal text', () => {
    it('shows controls, bidi and line separators as escapes, and the rest as it is', () => {
        expect(terminalText('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
        expect(terminalText('evil\rgood\nnext\tcol')).toBe('evil\\rgood\\nnext\\tcol');
        expect(terminalText('bad\b\b\bok!')).toBe('bad\\x08\\x08\\x08ok!');
        expect(terminalText('abc\u202Edef\u2028\u0085\x9b\0')).toBe('abc\\u202edef\\u2028\\x85\\x9b\\x00');
        expect(terminalText('\uD800 lone')).toBe('\\ud800 lone');
        expect(terminalText('👩‍💻 é e\u0301 <b>|=1')).toBe('👩‍💻 é e\u0301 <b>|=1');
    });

    it('leaves nothing that moves the cursor, clears, rewrites, reorders or breaks a line, whatever the text', () => {
        for (const { name, text } of HOSTILE_STRINGS) {
            const shown = terminalText(text);
            expect(shown, name).not.toMatch(TERMINAL_CONTROLS);
            expect(shown, name).not.toMatch(/[\n\r\t]/);
        }
    });
});
