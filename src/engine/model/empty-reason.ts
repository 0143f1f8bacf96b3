import { UPSTREAM_ERROR, type Node, type NodeValue } from './node.js';

/**
 * Why a value is empty, in a few words, so that the calculus graph and hovers say more than "no value":
 * e-footprint's empty value is the identity of sums and absorbs products, so one empty value deep in a
 * model empties everything computed from it. The reason is found where the emptiness starts (the
 * cause): followed down from the value through its empty operands to one whose operands are not empty.
 * There it is one of
 * - an error: the cause could not be computed;
 * - a value per usage pattern or per job with no items: nothing uses the object;
 * - a value empty by definition: its class says why (`CalculatedSpec.emptyBecause`).
 */

/** The reason of e-footprint's validations, values that only fail or pass. */
export const CHECK_HAS_NO_VALUE = 'a check: it passes or fails';

export interface EmptyReason {
    /** Why, in a few words: `no usage pattern uses reports`. */
    readonly because: string;
    /** Where the emptiness starts: the value itself, or one it is computed from. */
    readonly cause: Node;
}

/** Whether a value shows nothing: empty, or a value per object with no items or only empty ones. */
export function isEmptyValue(value: NodeValue | undefined): boolean {
    if (value === undefined || value.kind === 'empty') return true;
    if (value.kind !== 'dict') return false;
    for (const item of value.items.values()) if (item.kind !== 'empty') return false;
    return true;
}

/** Why `node` is empty, or undefined when it has a value. */
export function emptyReason(node: Node): EmptyReason | undefined {
    if (!isEmptyValue(node.value) && node.error === undefined) return undefined;
    const cause = causeOf(node);
    return { because: because(cause, cause === node), cause };
}

/**
 * Down through empty operands, an operand in error first (an upstream error is reported where it arises),
 * until none is empty. Each node is visited once: a cycle is an error on its own nodes anyway.
 */
function causeOf(node: Node): Node {
    const seen = new Set<Node>([node]);
    let at = node;
    for (;;) {
        const next = at.operands.find(o => o.error !== undefined && !seen.has(o))
            ?? at.operands.find(o => isEmptyValue(o.value) && !seen.has(o));
        if (!next) return at;
        seen.add(next);
        at = next;
    }
}

function because(cause: Node, itself: boolean): string {
    const path = `${cause.object.id}.${cause.attribute}`;
    if (cause.error !== undefined) {
        const what = itself ? 'could not be computed' : `${path} could not be computed`;
        // an upstream error whose operands are fine was reported elsewhere (a builder's arguments)
        return cause.error === UPSTREAM_ERROR ? what : `${what}: ${cause.error}`;
    }
    const value = cause.value;
    if (value?.kind === 'dict' && value.items.size === 0) return `no ${itemKind(cause.attribute)} uses ${cause.object.id}`;
    const declared = cause.object.spec.calculated.find(c => c.name === cause.attribute)?.emptyBecause;
    // a reason written for the value itself ("e-footprint does not model it") names it when it is another's
    if (typeof declared === 'string') return itself ? declared : `${path}: ${declared}`;
    if (declared) return declared(cause.object);
    return itself ? 'its formula gives no value here' : `${path} has no value`;
}

/** What a value per object is per, from its e-footprint name (`…_per_job`, `…_per_usage_pattern`). */
function itemKind(attribute: string): string {
    if (attribute.includes('_per_job')) return 'job';
    if (attribute.includes('usage_pattern')) return 'usage pattern';
    return 'object';
}
