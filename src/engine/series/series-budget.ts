/**
 * How much memory a model's hourly values may take. Each value is an array of one double per hour, so a
 * long modeling period times many objects is gigabytes (100 years of 200 usage patterns asked for 6 GB):
 * the arrays a model holds are counted as they are taken, and one past the budget is refused with an
 * error that says the figure, the limit and what to do, instead of a process that runs out of memory.
 *
 * The engine reads no environment: the front end (the CLI, the language server) gives the budget
 * (EFP_MAX_SERIES_MB there), and says in `raise` how to raise it.
 */
import { describeHours } from './series-limits.js';

export interface SeriesBudget {
    /** The most bytes of hourly values a model, with its scenarios, may hold. */
    readonly bytes: number;
    /** How to raise the limit, in the front end's words (`set EFP_MAX_SERIES_MB to raise it`). */
    readonly raise?: string;
}

/** 512 MB: the benchmarks' largest systems (1,000 usage patterns over a year) hold about two thirds of it. */
export const DEFAULT_SERIES_BUDGET_MB = 512;
export const DEFAULT_SERIES_BUDGET: SeriesBudget = { bytes: DEFAULT_SERIES_BUDGET_MB * 1024 * 1024 };

const BYTES_PER_HOUR = Float64Array.BYTES_PER_ELEMENT;

/** `512 MB`, `6.7 MB`, `1,024 MB` */
export function megabytes(bytes: number): string {
    const mb = bytes / (1024 * 1024);
    return `${mb.toLocaleString('en-US', { maximumFractionDigits: mb >= 100 ? 0 : 1 })} MB`;
}

/** A value the budget refuses; the model reports it once, on the value that asked. */
export class SeriesBudgetError extends Error {
    readonly hint: string;

    constructor(held: number, hours: number, budget: SeriesBudget) {
        super(`the model's hourly values would take more than the ${megabytes(budget.bytes)} limit: this value's ${describeHours(hours)} `
            + `need ${megabytes(hours * BYTES_PER_HOUR)} more, on top of ${megabytes(held)} already taken`);
        this.hint = `Shorten the modeling_duration, model fewer usage patterns, or ${budget.raise ?? 'raise the limit'}.`;
    }
}

/**
 * The bytes of hourly values held by one model and its scenarios' models: arrays taken for an evaluation
 * and not given back, and arrays kept with the model's values. Taking past the budget throws.
 */
export class SeriesLedger {
    private heldBytes = 0;

    constructor(readonly budget: SeriesBudget = DEFAULT_SERIES_BUDGET) {}

    get held(): number {
        return this.heldBytes;
    }

    /** Counts an array of `hours` values, or throws SeriesBudgetError when it would pass the budget. */
    take(hours: number): void {
        const bytes = hours * BYTES_PER_HOUR;
        if (this.heldBytes + bytes > this.budget.bytes) throw new SeriesBudgetError(this.heldBytes, hours, this.budget);
        this.heldBytes += bytes;
    }

    /** An array of `hours` values given back (to the pool, or with a disposed model). */
    giveBack(hours: number): void {
        this.heldBytes = Math.max(0, this.heldBytes - hours * BYTES_PER_HOUR);
    }
}
