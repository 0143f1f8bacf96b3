/**
 * Memory for hourly values. A full evaluation of a 3-year model allocates some forty arrays of 26,298
 * doubles (210 kB each); allocating, zeroing and collecting them costs more than computing them. While
 * a model is evaluated, its arrays come from an arena; when the model is disposed (an editor replaces
 * it with a newer one) they go back to a pool that the next evaluation takes from.
 */
const pool = new Map<number, Float64Array[]>();
/** Arrays kept per length, enough for a few models' worth of series. */
const POOL_LIMIT = 512;

export class SeriesArena {
    private readonly owned: Float64Array[] = [];
    private released = false;

    take(length: number, zeroed: boolean): Float64Array {
        const free = pool.get(length);
        const reused = free?.pop();
        const values = reused ?? new Float64Array(length);
        if (reused && zeroed) values.fill(0);
        this.owned.push(values);
        return values;
    }

    /** Returns every array this arena gave out to the pool; nothing may read them afterwards. */
    release(): void {
        if (this.released) return;
        this.released = true;
        for (const values of this.owned) {
            let free = pool.get(values.length);
            if (!free) pool.set(values.length, (free = []));
            if (free.length < POOL_LIMIT) free.push(values);
        }
        this.owned.length = 0;
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
