import type { FormulaDefinition, FormulaOperands } from '../model/class-spec.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Node, NodeValue } from '../model/node.js';
import { ValueError } from '../model/values.js';
import { ReportedElsewhere } from '../model/diagnostics.js';

/**
 * How a formula names what it reads: by the e-footprint attribute names, the same words its text shows.
 * `own(server, ['ram', 'utilization_rate'])` gives `{ ram, utilization_rate }`, its keys typed from the
 * list; `onEach(jobs, 'request_duration')` the same attribute of several objects, kept under that name.
 * The model flattens the record into the node's operands (class-spec.ts, operandList).
 */

/** A value of an object by its e-footprint name: every object has its nodes before any formula is defined. */
export function nodeOf(object: EfpObject, attribute: string): Node {
    const node = object.nodes.get(attribute);
    // an input said to be missing or wrong where it is written: the formula is in error, quietly
    if (!node && object.inputsInError.has(attribute)) throw new ReportedElsewhere();
    if (!node) throw new ValueError(`${object} has no value '${attribute}'`);
    return node;
}

/** Values of one object, keyed by their names. */
export function own<const A extends string>(object: EfpObject, attributes: readonly A[]): { readonly [K in A]: Node } {
    const nodes = {} as Record<A, Node>;
    for (const attribute of attributes) nodes[attribute] = nodeOf(object, attribute);
    return nodes;
}

/** The same value of each object, in the objects' order (to list under the attribute's name). */
export function onEach(objects: readonly EfpObject[], attribute: string): Node[] {
    return objects.map(o => nodeOf(o, attribute));
}

/** A formula: its operands by name, its text in those names, and how it is computed. */
export function formula(operands: FormulaOperands, text: string, compute: () => NodeValue): FormulaDefinition {
    return { operands, formula: text, compute };
}
