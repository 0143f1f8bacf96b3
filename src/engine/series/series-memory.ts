/**
 * Memory for hourly values. A 3-year model's series are arrays of 26,298 doubles (210 kB); a fresh
 * one costs more to allocate (zeroing, page faults, collection) than to compute, so evaluations take
 * arrays from a pool, and a model gives back the arrays it no longer uses: temporaries, values replaced
 * by a recomputation, and all of its values when it is disposed.
 */
const pool = new Map<number, Float64Array[]>();
/** Arrays kept per length, enough for a few models' worth of series. */
const POOL_LIMIT = 512;

/** Gives an array back for reuse; nothing may use it afterwards. */
export function recycle(values: Float64Array): void {
    let free = pool.get(values.length);
    if (!free) pool.set(values.length, (free = []));
    if (free.length < POOL_LIMIT) free.push(values);
}

/** The arrays handed out during one evaluation. */
export class SeriesArena {
    readonly taken: Float64Array[] = [];

    take(length: number, zeroed: boolean): Float64Array {
        const reused = pool.get(length)?.pop();
        const values = reused ?? new Float64Array(length);
        if (reused && zeroed) values.fill(0);
        this.taken.push(values);
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
 * `zeroed: false` is for callers that write every element.
 */
export function newValues(length: number, zeroed = true): Float64Array {
    return active ? active.take(length, zeroed) : new Float64Array(length);
}
