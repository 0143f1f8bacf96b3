import { describe, expect, it } from 'vitest';
import { readDecimal } from '../../src/engine/units/decimal-number.js';

/**
 * The one reader of numbers written as text outside the .efp grammar (CSV cells, environment variables,
 * command-line options): decimal only, so that `0x10` is never 16 and a blank is never 0.
 */
describe('reading a decimal number', () => {
    it('reads what Python and people write', () => {
        for (const [text, value] of [['3', 3], ['3.0', 3], ['-0.5', -0.5], ['+2', 2], ['1e-05', 1e-5], ['2.5E3', 2500], ['.5', 0.5], ['5.', 5],
            ['007', 7], [' 12 ', 12], ['0', 0]] as const) {
            expect(readDecimal(text), text).toEqual({ ok: true, value });
        }
    });

    it('refuses hexadecimal, binary and octal', () => {
        for (const text of ['0x10', '0X1F', '0b101', '0o17', '-0x10']) expect(readDecimal(text), text).toEqual({ ok: false, problem: 'is not a decimal number' });
    });

    it('refuses empty and blank text', () => {
        for (const text of ['', '   ', '\t\n']) expect(readDecimal(text), JSON.stringify(text)).toEqual({ ok: false, problem: 'is empty' });
    });

    it('refuses infinities, NaN and words', () => {
        for (const text of ['Infinity', '-Infinity', 'inf', 'NaN', 'nan', 'high', '1,5', '1_000', '1e', '--1', '1 2']) {
            expect(readDecimal(text), text).toEqual({ ok: false, problem: 'is not a number' });
        }
    });

    it('refuses a number too large to compute with', () => {
        expect(readDecimal('1e999')).toEqual({ ok: false, problem: 'is too large to compute with (past 1e308)' });
        expect(readDecimal('-' + '9'.repeat(400))).toEqual({ ok: false, problem: 'is too large to compute with (past 1e308)' });
    });
});
