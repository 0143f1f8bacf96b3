/**
 * Memory for hourly values. A 3-year model's series are arrays of 26,298 doubles (210 kB); a fresh
 * one costs more to allocate (zeroing, page faults, collection) than to compute, so evaluations take
 * arrays from a pool, and a model gives back the arrays it no longer uses: temporaries, values replaced
 * by a recomputation, and all of its values when it is disposed.
 */
import { checkSeriesLength } from './series-limits.js';
import type { SeriesLedger } from './series-budget.js';

const pool = new Map<number, Float64Array[]>();
/** Arrays kept per length at least: a few models' worth of series for the usual model. */
const POOL_LIMIT = 512;
/**
 * Arrays kept per length: the most one evaluation has taken, when more than POOL_LIMIT. A fixed cap
 * made a large model (thousands of series) allocate most of its arrays afresh on every evaluation,
 * and the collector's work grew faster than the model (a 1,000-pattern system took 46 ns per
 * object-hour against 12 for 100 patterns). Keeping one evaluation's worth is what the next one needs.
 */
const limits = new Map<number, number>();

/** Gives an array back for reuse; nothing may use it afterwards. */
export function recycle(values: Float64Array): void {
    let free = pool.get(values.length);
    if (!free) pool.set(values.length, (free = []));
    if (free.length < (limits.get(values.length) ?? POOL_LIMIT)) free.push(values);
}

/**
 * The arrays handed out during one evaluation, counted in the model's ledger (its memory budget) when
 * there is one: an array past the budget is refused before it is made.
 */
export class SeriesArena {
    readonly taken: Float64Array[] = [];
    /** Arrays taken, by length (for the pool's limit). */
    private readonly counts = new Map<number, number>();

    constructor(readonly ledger?: SeriesLedger) {}

    take(length: number, zeroed: boolean): Float64Array {
        this.ledger?.take(length);
        const reused = pool.get(length)?.pop();
        const values = reused ?? new Float64Array(length);
        if (reused && zeroed) values.fill(0);
        this.taken.push(values);
        const count = (this.counts.get(length) ?? 0) + 1;
        this.counts.set(length, count);
        if (count > (limits.get(length) ?? POOL_LIMIT)) limits.set(length, count);
        return values;
    }
}

let active: SeriesArena | undefined;

/** Runs `f` with new hourly arrays taken from `arena`. */
export function withArena<T>(arena: SeriesArena, f: () => T): T {
    const previous = active;
    active = arena;
    try {
        return f();
    } finally {
        active = previous;
    }
}

/**
 * A new array of hourly values: from the active arena if there is one, else a plain allocation.
 * `zeroed: false` is for callers that write every element. Every hourly array the engine computes comes
 * from here, so this is where a length past the series budget is refused (SeriesLimitError), whatever
 * duration or date asked for it: a backstop under the checks on the inputs themselves.
 */
export function newValues(length: number, zeroed = true): Float64Array {
    checkSeriesLength(length);
    return active ? active.take(length, zeroed) : new Float64Array(length);
}

/**
 * A new array kept with a model's values across evaluations, outside the pool (a blocked sum's blocks, a
 * scaled view's values): checked and counted like the pool's, never given back but with the model.
 */
export function keptValues(length: number): Float64Array {
    checkSeriesLength(length);
    active?.ledger?.take(length);
    return new Float64Array(length);
}
