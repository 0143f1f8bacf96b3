import type { EfpObject } from './efp-object.js';
import type { NumericValue, PerObject } from './values.js';
import type { InputDescription } from './description.js';

export type NodeValue = NumericValue | PerObject<EfpObject>;

/**
 * One value of the model: an input or a calculated attribute of an object. Nodes and their operands
 * form the calculus graph; evaluation runs them in topological order and recomputes only the nodes
 * downstream of a changed input.
 */
export interface Node {
    readonly key: string;
    readonly object: EfpObject;
    readonly attribute: string;
    readonly kind: 'input' | 'calculated';
    readonly label: string;
    /** Unit values are shown in (of each item for a value per object). */
    unit: string;
    /** For calculated values: the formula in attribute names. For inputs: the written expression. */
    formula: string;
    operands: Node[];
    dependents: Node[];
    compute: () => NodeValue;
    value: NodeValue | undefined;
    /** Set when computing failed; the value is then empty. */
    error?: string;
    /** Position in the evaluation order. */
    order: number;
    /** For inputs: where the value came from. */
    input?: InputDescription & { given: 'user' | 'archetype' | 'default' };
    itemLabel?: (item: EfpObject) => string;
}

/** The error of a value that could not be computed because a value it reads could not (reported there). */
export const UPSTREAM_ERROR = 'depends on a value in error';

export function nodeKey(objectId: string, attribute: string): string {
    return `${objectId}.${attribute}`;
}
