import type { Model } from '../../engine/index.js';

/**
 * Who holds each evaluated model: the document's current evaluation, its last good one, and readers
 * that use it across an await (a graph being laid out, inlay hints computed in slices). A model nobody
 * holds any more is disposed, so that the next evaluation reuses its hourly arrays instead of leaving
 * them to the collector; reading it afterwards is an error, never another model's numbers.
 */
export class ModelHolds {
    private readonly counts = new Map<Model, number>();

    hold(model: Model): void {
        this.counts.set(model, (this.counts.get(model) ?? 0) + 1);
    }

    release(model: Model): void {
        const count = (this.counts.get(model) ?? 0) - 1;
        if (count > 0) {
            this.counts.set(model, count);
            return;
        }
        this.counts.delete(model);
        model.dispose();
    }

    /** Runs `read` with the model held: it is not disposed before `read` has settled. */
    async reading<T>(model: Model, read: (model: Model) => T | Promise<T>): Promise<T> {
        this.hold(model);
        try {
            return await read(model);
        } finally {
            this.release(model);
        }
    }

    /** The models held now (for tests and benchmarks: what the server keeps). */
    get held(): readonly Model[] {
        return [...this.counts.keys()];
    }
}
