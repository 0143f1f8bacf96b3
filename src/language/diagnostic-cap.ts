import type { Range } from 'vscode-languageserver';
import type { Severity } from '../engine/index.js';

/**
 * At most this many diagnostics per file: a generated or broken file can have hundreds of thousands,
 * which no one reads, an editor chokes on and `efp check` would print by the megabyte.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** The code of the last diagnostic of a capped file, which says how many more were left out. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

/** How many diagnostics were left out, by severity. */
export interface LeftOut {
    readonly errors: number;
    readonly warnings: number;
    readonly others: number;
}

/** What capping needs to know of a kind of diagnostic (the language server's, the CLI's). */
export interface Cappable<T> {
    range(d: T): Range;
    severity(d: T): Severity;
    /** For the notice of an earlier cap: the diagnostics it left out (counted again in the new notice, in place of it). */
    leftOutBy(d: T): LeftOut | undefined;
    /** The notice, given what it says and what it replaces: the diagnostics left out and the earlier notices. */
    notice(text: { message: string; hint: string; severity: Severity; range: Range; leftOut: LeftOut }, dropped: readonly T[], earlier: readonly T[]): T;
    /** A diagnostic listed whatever comes before it: one that says why the rest of the file is not read. */
    pinned?(d: T): boolean;
}

export const NOTHING_LEFT_OUT: LeftOut = { errors: 0, warnings: 0, others: 0 };

export function addLeftOut(a: LeftOut, b: LeftOut): LeftOut {
    return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, others: a.others + b.others };
}

export function leftOutOf(severity: Severity): LeftOut {
    return severity === 'error' ? { errors: 1, warnings: 0, others: 0 } : severity === 'warning' ? { errors: 0, warnings: 1, others: 0 } : { errors: 0, warnings: 0, others: 1 };
}

function byPosition(a: Range, b: Range): number {
    return a.start.line - b.start.line || a.start.character - b.start.character;
}

function plural(count: number, word: string): string {
    return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The diagnostics of one file, at most MAX_DIAGNOSTICS_PER_FILE of them: as they are when there are no
 * more, else the first ones by position, then one that says how many more were left out, as severe as the worst of them (so that a file
 * whose errors come after a thousand warnings still fails `efp check`). The one place both the language
 * server (src/language/efp-document-validator.ts) and `efp check` (document-analysis.ts) cap them.
 */
export function capDiagnostics<T>(diagnostics: readonly T[], how: Cappable<T>): T[] {
    let carried = NOTHING_LEFT_OUT;
    const own: T[] = [];
    const earlier: T[] = [];
    for (const d of diagnostics) {
        const leftOut = how.leftOutBy(d);
        if (leftOut) {
            carried = addLeftOut(carried, leftOut);
            earlier.push(d);
        } else {
            own.push(d);
        }
    }
    // within the cap, the order the finders gave (syntax, names, checks, the engine)
    if (own.length <= MAX_DIAGNOSTICS_PER_FILE && carried.errors + carried.warnings + carried.others === 0) return own;
    own.sort((a, b) => byPosition(how.range(a), how.range(b)));
    const pinned = how.pinned ? own.filter(d => how.pinned!(d)) : [];
    const others = pinned.length > 0 ? own.filter(d => !pinned.includes(d)) : own;
    const listed = others.slice(0, Math.max(0, Math.min(others.length, MAX_DIAGNOSTICS_PER_FILE - 1 - pinned.length)));
    const dropped = others.slice(listed.length);
    const kept = pinned.length > 0 ? [...listed, ...pinned].sort((a, b) => byPosition(how.range(a), how.range(b))) : listed;
    let leftOut = carried;
    for (const d of dropped) leftOut = addLeftOut(leftOut, leftOutOf(how.severity(d)));
    const total = leftOut.errors + leftOut.warnings + leftOut.others;
    const parts = [leftOut.errors ? plural(leftOut.errors, 'error') : '', leftOut.warnings ? plural(leftOut.warnings, 'warning') : '',
        leftOut.others ? plural(leftOut.others, 'note') : ''].filter(Boolean).join(', ');
    const message = `${plural(total, 'more problem')} in this file (${parts}) are not listed: efp lists the first ${listed.length.toLocaleString('en-US')} of a file, by position`;
    const hint = 'Fix the problems listed first; the others are listed as those go.';
    const severity: Severity = leftOut.errors ? 'error' : leftOut.warnings ? 'warning' : 'info';
    // where the first one left out is (after every one listed): the first of this cap's, or of an earlier cap's
    const firsts = [...dropped.slice(0, 1), ...earlier].map(d => how.range(d)).sort(byPosition);
    const at = firsts[0]?.start ?? { line: 0, character: 0 };
    kept.push(how.notice({ message, hint, severity, range: { start: at, end: at }, leftOut }, dropped, earlier));
    return kept;
}
