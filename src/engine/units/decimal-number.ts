/**
 * The one reader of numbers that come as text from outside the .efp grammar: CSV cells, environment
 * variables, command-line options. JavaScript's `Number()` reads `0x10` as 16, `''` and `'  '` as 0 and
 * `Infinity` as a number; a figure read that way is silently wrong, so only decimal numbers are read
 * (`3`, `-0.5`, `1e-05`, `.5`), surrounding blanks aside, and the caller says where a refusal comes from.
 */
export type DecimalReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: DecimalProblem };

export type DecimalProblem = 'is empty' | 'is not a decimal number' | 'is not a number' | 'is too large to compute with (past 1e308)';

// `\d+(\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits between its two `\d` in every way
// before failing, quadratic in the cell (100,000 digits and an `x` took 28 s)
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Hexadecimal, binary and octal literals, which `Number()` would read. */
const OTHER_BASE = /^[+-]?0[xXbBoO]/;

export function readDecimal(text: string): DecimalReading {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: false, problem: 'is empty' };
    if (!DECIMAL.test(trimmed)) return { ok: false, problem: OTHER_BASE.test(trimmed) ? 'is not a decimal number' : 'is not a number' };
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return { ok: false, problem: 'is too large to compute with (past 1e308)' };
    return { ok: true, value };
}
