import type { EfpObject } from '../model/efp-object.js';
import type { Node, NodeValue } from '../model/node.js';
import { EMPTY, multiply, quantity, scalarOf, type NumericValue, type PerObject, ValueError } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import type { CalculatedSpec, FormulaDefinition } from '../model/class-spec.js';
import { BlockedItemSum } from './item-memo.js';

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

/** The sum of a per-object node's items (a device's footprint over its usage patterns...). */
export function sumOfItems(node: Node, dimension: Dimension): FormulaDefinition {
    // in blocks, so that a change to one item sums again only its block (and gives the same bits)
    const blocked = new BlockedItemSum(dimension);
    return { operands: [node], formula: `Σ of ${node.attribute}`, compute: () => blocked.total(node.value) };
}

/**
 * Servers and storage share e-footprint's fabrication formula: each instance's fabrication footprint
 * spread evenly over its lifespan, hour by hour.
 */
export const instancesFabricationFootprint: CalculatedSpec = {
    name: 'instances_fabrication_footprint', label: 'Hourly instances fabrication footprint', unit: 'kg', min: 0,
    define(object, model) {
        const [fabrication, nb, lifespan] = ['carbon_footprint_fabrication', 'nb_of_instances', 'lifespan'].map(a => model.node(object, a));
        return {
            operands: [fabrication, nb, lifespan],
            formula: 'carbon_footprint_fabrication × nb_of_instances × 1 h / lifespan',
            compute: () => multiply(valueOf(nb), quantity(scalarOf(valueOf(fabrication), 'carbon_footprint_fabrication') * ONE_HOUR
                / scalarOf(valueOf(lifespan), 'lifespan'), Dimension.base('mass')))
        };
    }
};
