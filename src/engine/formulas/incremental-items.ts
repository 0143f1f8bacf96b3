import type { EfpObject } from '../model/efp-object.js';
import type { Node, NodeValue } from '../model/node.js';
import { sum, hourly, type NumericValue } from '../model/values.js';
import { combineArrays, HourlySeries } from '../series/hourly-series.js';
import { keptValues, newValues } from '../series/series-memory.js';
import type { Dimension } from '../units/dimension.js';

/**
 * Incremental recomputation of values per object (a device's footprint per usage pattern, a storage's
 * need per job). When one usage pattern changes, the node holding a value per pattern is recomputed,
 * and so is the sum over its items: without memory, every item and the whole sum were computed again
 * (a change to one of 100 patterns cost half a full evaluation). These helpers keep what the previous
 * computation produced and reuse it where the inputs are the same objects.
 *
 * Why reuse is safe: values are never changed once made, and an item reused here is held by the
 * node's current value, so its array is owned by the model and cannot have been recycled. When the node
 * no longer holds the value last produced (it failed, or the model was disposed), the memory is dropped.
 */

interface Memo {
    readonly inputs: readonly unknown[];
    readonly value: NumericValue;
}

/** A value per object whose items are recomputed only when their inputs change (compared by identity). */
export class ItemMemo {
    private last: NodeValue | undefined;
    private memo = new Map<EfpObject, Memo>();

    constructor(private readonly node: Node) {}

    /**
     * `inputs(key, i)` lists what the item of `key` (at index `i`) is computed from: other values
     * (objects, compared by identity) and numbers.
     */
    map(keys: readonly EfpObject[], inputs: (key: EfpObject, i: number) => readonly unknown[], compute: (key: EfpObject, i: number) => NumericValue): NodeValue {
        if (this.node.value !== this.last) this.memo.clear();
        const next = new Map<EfpObject, Memo>();
        const items = new Map<EfpObject, NumericValue>();
        keys.forEach((key, i) => {
            const now = inputs(key, i);
            const before = this.memo.get(key);
            const value = before && sameInputs(before.inputs, now) ? before.value : compute(key, i);
            next.set(key, { inputs: now, value });
            items.set(key, value);
        });
        this.memo = next;
        return (this.last = { kind: 'dict', items });
    }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
    return true;
}

/** Items per block of a blocked sum: large enough to cost little memory, small enough to recompute fast. */
const BLOCK = 16;

/**
 * The sum of a value per object's items, kept in blocks of 16 items: after a change, only the blocks
 * whose items changed are summed again, then the blocks. A full evaluation sums in the same blocks, so
 * both give the same bits. Up to 16 items (every usual model) the sum is the plain one.
 */
export class BlockedItemSum {
    private blocks: Array<{ items: readonly NumericValue[]; sum: Float64Array }> = [];

    constructor(private readonly dimension: Dimension) {}

    /**
     * A block is reused when it has the very same item objects: item objects are made anew by each
     * computation, and come back only through an ItemMemo, which keeps them only while they are held.
     */
    total(value: NodeValue | undefined): NumericValue {
        if (!value || value.kind !== 'dict') return sum([]);
        const items = [...value.items.values()];
        if (items.length <= BLOCK || !sameSpan(items)) {
            this.blocks = [];
            return sum(items, this.dimension);
        }
        const first = (items[0] as Extract<NumericValue, { kind: 'hourly' }>).series;
        const n = first.length;
        const count = Math.ceil(items.length / BLOCK);
        if (this.blocks.length !== count) this.blocks = [];
        const sums: Float64Array[] = [];
        for (let b = 0; b < count; b++) {
            const part = items.slice(b * BLOCK, (b + 1) * BLOCK);
            const kept = this.blocks[b];
            if (kept && kept.sum.length === n && kept.items.length === part.length && kept.items.every((v, i) => v === part[i])) {
                sums.push(kept.sum);
                continue;
            }
            // kept across evaluations with the node's value, so outside the array pool
            const blockSum = kept && kept.sum.length === n ? kept.sum : keptValues(n);
            const series = part.map(v => (v as Extract<NumericValue, { kind: 'hourly' }>).series);
            combineArrays(blockSum, series.map(s => s.base), series.map(s => s.factor));
            this.blocks[b] = { items: part, sum: blockSum };
            sums.push(blockSum);
        }
        const out = newValues(n, false);
        combineArrays(out, sums, sums.map(() => 1));
        return hourly(new HourlySeries(first.start, out), this.dimension);
    }
}

/** Every item an hourly series over the same hours (what the blocked sum handles). */
function sameSpan(items: readonly NumericValue[]): boolean {
    const first = items[0];
    if (first.kind !== 'hourly') return false;
    return items.every(v => v.kind === 'hourly' && v.series.start === first.series.start && v.series.length === first.series.length);
}
