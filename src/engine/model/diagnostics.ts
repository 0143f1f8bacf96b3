import type { Origin } from './description.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Stable codes, shown in editors and matched by quick fixes. */
export type DiagnosticCode =
    | 'unknown-class' | 'duplicate-name' | 'unknown-attribute' | 'missing-input' | 'wrong-kind' | 'unknown-object'
    | 'unknown-unit' | 'dimension-mismatch' | 'cycle' | 'evaluation-error' | 'invalid-value' | 'unknown-function'
    | 'bad-argument' | 'out-of-range' | 'unknown-source' | 'unused'
    /** A period of a budget reaches its warning threshold, or goes past its limit. */
    | 'budget-warning' | 'budget-exceeded'
    /** A footprint grew past the threshold since the saved baseline (`efp check --baseline`). */
    | 'baseline-regression'
    /** A data file (a measurement's emissions.csv) that cannot be read or used. */
    | 'data-file'
    /** An input written where it has no effect (fixed_nb_of_instances on an autoscaling server). */
    | 'ignored-input';

/** A problem found while building or evaluating a model, located where it was written. */
export interface EngineDiagnostic {
    readonly severity: Severity;
    readonly code: DiagnosticCode;
    readonly message: string;
    /** How to fix it, in one sentence. */
    readonly hint?: string;
    readonly origin?: Origin;
}

/** An error tied to a place in the model text. */
export class ModelError extends Error {
    constructor(readonly code: DiagnosticCode, message: string, readonly origin?: Origin, readonly hint?: string) {
        super(message);
    }
}

/**
 * Thrown by a value whose problem is reported on another value it derives from (a job's occurrences
 * when its journey lasts longer than the period): it is in error, quietly, like the dependents of an error.
 */
export class ReportedElsewhere extends Error {}

/** The closest of `candidates` to `name`, if it is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    const limit = Math.max(2, Math.floor(name.length / 3));
    for (const c of candidates) {
        // the distance is at least the difference in length: skip the names that cannot be closer (a 10 MB name took minutes)
        if (Math.abs(c.length - name.length) > Math.min(limit, bestDistance - 1)) continue;
        const d = editDistance(name.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) { best = c; bestDistance = d; }
    }
    return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
