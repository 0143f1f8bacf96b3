import type { EfpObject } from '../model/efp-object.js';
import type { Node, NodeValue } from '../model/node.js';
import { EMPTY, type NumericValue, type PerObject, ValueError } from '../model/values.js';
import type { Dimension } from '../units/dimension.js';
import type { FormulaDefinition } from '../model/class-spec.js';
import { BlockedItemSum } from './incremental-items.js';
import { nodeOf } from './operands.js';

/** One hour in seconds: e-footprint multiplies powers by `1 h` to get hourly energies. */
export const ONE_HOUR = 3600;

/** The numeric value of a node (a dict node is a programming error here). */
export function valueOf(node: Node): NumericValue {
    const v = node.value;
    if (v === undefined) throw new ValueError(`${node.key} was read before it was computed`);
    if (v.kind === 'dict') throw new ValueError(`${node.key} is a value per object, not a single value`);
    return v;
}

/** The item of a per-object node for `key`, or empty. */
export function itemOf(node: Node, key: EfpObject): NumericValue {
    const v = node.value;
    if (v === undefined || v.kind !== 'dict') return EMPTY;
    return v.items.get(key) ?? EMPTY;
}

export function perObject(items: Map<EfpObject, NumericValue>): PerObject<EfpObject> {
    return { kind: 'dict', items };
}

/**
 * Where each object first is in `items`, for formulas that find an object's operand by its position: a
 * list's indexOf for each item was quadratic in the usage patterns.
 */
export function positionsOf(items: readonly EfpObject[]): Map<EfpObject, number> {
    const at = new Map<EfpObject, number>();
    items.forEach((item, i) => { if (!at.has(item)) at.set(item, i); });
    return at;
}

/** Builds a per-object value by computing each item. */
export function mapItems(keys: readonly EfpObject[], compute: (key: EfpObject) => NumericValue): NodeValue {
    const items = new Map<EfpObject, NumericValue>();
    for (const key of keys) items.set(key, compute(key));
    return perObject(items);
}

/** The sum of the items of an object's value per object (a device's footprint over its usage patterns...). */
export function sumOfItems(object: EfpObject, attribute: string, dimension: Dimension): FormulaDefinition {
    const node = nodeOf(object, attribute);
    // in blocks, so that a change to one item sums again only its block (and gives the same bits)
    const blocked = new BlockedItemSum(dimension);
    return { operands: { [attribute]: node }, formula: `Σ of ${attribute}`, compute: () => blocked.total(node.value) };
}
