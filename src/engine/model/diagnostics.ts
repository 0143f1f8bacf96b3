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
    | 'ignored-input'
    /** A usage pattern's hourly series starts after the modeling period, ends before it, or runs outside it. */
    | 'series-coverage'
    /** The model gives no modeling period (or half of one): it runs over the engine's default, said so. */
    | 'defaulted-period';

/**
 * What a quick fix needs to know of a diagnostic, apart from its words: the message and hint are for
 * people and may be reworded. Plain JSON, as it travels to the editor in an LSP diagnostic's `data`.
 */
export type DiagnosticData =
    /** `name`, as written within the diagnostic's range, is not known; `suggestion` is the known name closest to it. */
    | { readonly kind: 'did-you-mean'; readonly name: string; readonly suggestion: string }
    /** The object the diagnostic is on has no value for its required input `input`. */
    | { readonly kind: 'missing-input'; readonly input: string }
    /** The input `input`, whose name is the diagnostic's range, has no effect where it is written: removing it changes nothing. */
    | { readonly kind: 'ignored-input'; readonly input: string }
    /** `written`, at the start of the diagnostic's range, is written `replacement` (e-footprint's Python `u.kWh`: `kWh`). */
    | { readonly kind: 'rewrite'; readonly written: string; readonly replacement: string }
    /**
     * No object is named `name`, written within the diagnostic's range, where an object of one of `kinds`
     * (keywords: `storage`) is expected; `suggestion`, when there is one, is the known name closest to it.
     */
    | { readonly kind: 'unknown-object'; readonly name: string; readonly kinds: readonly string[]; readonly suggestion?: string }
    /**
     * The number `value` in `unit` (`''`: none), written as the diagnostic's range, where the input takes a
     * unit of another dimension, `expected` (its spec's: `W`).
     */
    | { readonly kind: 'wrong-unit'; readonly value: number; readonly unit: string; readonly expected: string }
    /**
     * The model declares no system; `patterns` are the usage patterns it declares, which a system would
     * list in its input `input` (`usage_patterns`, or `edge_usage_patterns` for an edge-only model).
     */
    | { readonly kind: 'no-system'; readonly input: 'usage_patterns' | 'edge_usage_patterns'; readonly patterns: readonly string[] }
    /**
     * The model gives no `missing` settings: it runs from `start_date` for `modeling_duration` (as .efp
     * writes them, `2025-01-01` and `1 year`), the engine's defaults for those missing.
     */
    | {
        readonly kind: 'defaulted-period'; readonly start_date: string; readonly modeling_duration: string;
        readonly missing: ReadonlyArray<'start_date' | 'modeling_duration'>;
    };

/** More kinds than any input takes: data that says more came from elsewhere. */
const MAX_KINDS = 100;

/** A problem found while building or evaluating a model, located where it was written. */
export interface EngineDiagnostic {
    readonly severity: Severity;
    readonly code: DiagnosticCode;
    readonly message: string;
    /** How to fix it, in one sentence. */
    readonly hint?: string;
    readonly origin?: Origin;
    readonly data?: DiagnosticData;
}

/** An error tied to a place in the model text. */
export class ModelError extends Error {
    constructor(readonly code: DiagnosticCode, message: string, readonly origin?: Origin, readonly hint?: string, readonly data?: DiagnosticData) {
        super(message);
    }
}

/** The data of a "did you mean" diagnostic, when a close name was found. */
export function suggestionData(name: string, suggestion: string | undefined): DiagnosticData | undefined {
    return suggestion === undefined ? undefined : { kind: 'did-you-mean', name, suggestion };
}

/** The hint of a "did you mean" diagnostic; the same words wherever a close name is suggested. */
export function didYouMeanHint(suggestion: string): string {
    return `Did you mean '${suggestion}'?`;
}

/** Usage patterns a no-system diagnostic names at most (a system's fix lists them: a line a reader can take in). */
export const MAX_NO_SYSTEM_PATTERNS = 50;

/**
 * `value` when it is diagnostic data, else undefined: what an LSP diagnostic's `data` holds comes back
 * from the editor, or from another tool, and is checked before a fix relies on it.
 */
export function diagnosticDataOf(value: unknown): DiagnosticData | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const data = value as Record<string, unknown>;
    if (data.kind === 'did-you-mean' && typeof data.name === 'string' && typeof data.suggestion === 'string') {
        return { kind: 'did-you-mean', name: data.name, suggestion: data.suggestion };
    }
    if (data.kind === 'missing-input' && typeof data.input === 'string') return { kind: 'missing-input', input: data.input };
    if (data.kind === 'ignored-input' && typeof data.input === 'string') return { kind: 'ignored-input', input: data.input };
    if (data.kind === 'rewrite' && typeof data.written === 'string' && typeof data.replacement === 'string' && data.written !== '') {
        return { kind: 'rewrite', written: data.written, replacement: data.replacement };
    }
    if (data.kind === 'unknown-object' && typeof data.name === 'string' && Array.isArray(data.kinds) && data.kinds.length <= MAX_KINDS
        && data.kinds.every(k => typeof k === 'string') && (data.suggestion === undefined || typeof data.suggestion === 'string')) {
        const kinds = (data.kinds as string[]).slice();
        return typeof data.suggestion === 'string'
            ? { kind: 'unknown-object', name: data.name, kinds, suggestion: data.suggestion }
            : { kind: 'unknown-object', name: data.name, kinds };
    }
    if (data.kind === 'wrong-unit' && typeof data.value === 'number' && typeof data.unit === 'string' && typeof data.expected === 'string') {
        return { kind: 'wrong-unit', value: data.value, unit: data.unit, expected: data.expected };
    }
    if (data.kind === 'no-system' && (data.input === 'usage_patterns' || data.input === 'edge_usage_patterns') && Array.isArray(data.patterns)
        && data.patterns.length <= MAX_NO_SYSTEM_PATTERNS && data.patterns.every(p => typeof p === 'string')) {
        return { kind: 'no-system', input: data.input, patterns: (data.patterns as string[]).slice() };
    }
    if (data.kind === 'defaulted-period' && typeof data.start_date === 'string' && typeof data.modeling_duration === 'string'
        && Array.isArray(data.missing) && data.missing.length > 0 && data.missing.length <= 2
        && data.missing.every(m => m === 'start_date' || m === 'modeling_duration')) {
        return {
            kind: 'defaulted-period', start_date: data.start_date, modeling_duration: data.modeling_duration,
            missing: (data.missing as Array<'start_date' | 'modeling_duration'>).slice()
        };
    }
    return undefined;
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
