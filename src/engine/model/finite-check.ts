import type { Origin } from './description.js';
import type { Node, NodeValue } from './node.js';
import type { NumericValue } from './values.js';

/**
 * Every value the model computes is a finite number: `power: 1e308 W` times an hour overflows, and a
 * total of ∞ must not pass as a result. A value that is not finite is reported once, on the input that
 * makes it so, and left empty so that what uses it stays quiet.
 */

/**
 * Whether every number of a value is finite. A series is summed: the sum of finite numbers is finite or
 * overflows, and the sum is what totals and reports show, so either way the value cannot be used.
 */
export function isFiniteValue(value: NodeValue): boolean {
    switch (value.kind) {
        case 'empty': return true;
        case 'quantity': return Number.isFinite(value.value);
        case 'hourly': return Number.isFinite(value.series.sum());
        case 'dict':
            for (const item of value.items.values()) if (!isFiniteValue(item)) return false;
            return true;
    }
}

export interface OverflowReport {
    /** The input blamed (the node itself when no input leads to it). */
    readonly input: Node;
    readonly origin: Origin | undefined;
    readonly message: string;
    readonly hint: string;
}

const HINT = 'Check the value and its unit: efp computes with numbers up to about 1e308.';

/**
 * Who to tell about a value that is not finite: going up its operands, always to the one farthest from 1
 * in orders of magnitude (the huge or tiny number among ordinary ones), down to an input.
 */
export function overflowReport(node: Node, value: NodeValue): OverflowReport {
    let blamed = node;
    while (blamed.kind === 'calculated' && blamed.operands.length > 0) {
        let next = blamed.operands[0];
        let score = -1;
        for (const operand of blamed.operands) {
            const s = operand.value ? extremity(operand.value) : 0;
            if (s > score) { next = operand; score = s; }
        }
        blamed = next;
    }
    const effect = `${node.object}'s ${node.attribute} ${infinite(value) ? 'infinite' : 'not a number'}`;
    if (blamed === node) {
        return { input: node, origin: node.input?.origin ?? node.object.origin, message: `${node.object}: ${node.attribute}: the value is too large to compute with`, hint: HINT };
    }
    const input = blamed.input;
    const written = input?.text !== undefined && input.text.length <= 40 ? input.text : describe(blamed.value);
    const size = blamed.value && extremeIsSmall(blamed.value) ? 'too small' : 'too large';
    return {
        input: blamed,
        origin: input?.expr.origin ?? input?.origin ?? blamed.object.origin,
        message: `'${blamed.attribute}' of ${written} is ${size} to compute with: it makes ${effect}`,
        hint: HINT
    };
}

/** The largest |log10 |x|| over a value's nonzero numbers: how far from ordinary it is. */
function extremity(value: NodeValue): number {
    const [small, large] = magnitudes(value);
    return Math.max(large > 0 ? Math.abs(Math.log10(large)) : 0, small > 0 && Number.isFinite(small) ? Math.abs(Math.log10(small)) : 0);
}

function extremeIsSmall(value: NodeValue): boolean {
    const [small, large] = magnitudes(value);
    return small > 0 && Number.isFinite(small) && Math.abs(Math.log10(small)) > (large > 0 ? Math.abs(Math.log10(large)) : 0);
}

/** The smallest nonzero and the largest absolute value of a value's numbers. */
function magnitudes(value: NodeValue): [number, number] {
    let small = Infinity, large = 0;
    const visit = (v: NumericValue) => {
        if (v.kind === 'quantity') {
            const a = Math.abs(v.value);
            if (a > 0 && a < small) small = a;
            if (a > large) large = a;
        } else if (v.kind === 'hourly') {
            const { base, factor } = v.series;
            const k = Math.abs(factor);
            if (k === 0) return;
            for (let i = 0; i < base.length; i++) {
                const a = Math.abs(base[i]) * k;
                if (a > 0 && a < small) small = a;
                if (a > large) large = a;
            }
        }
    };
    if (value.kind === 'dict') for (const item of value.items.values()) visit(item);
    else visit(value);
    return [small, large];
}

function infinite(value: NodeValue): boolean {
    if (value.kind === 'quantity') return Math.abs(value.value) === Infinity;
    if (value.kind === 'hourly') return Math.abs(value.series.sum()) === Infinity;
    if (value.kind === 'dict') return [...value.items.values()].some(infinite);
    return false;
}

function describe(value: NodeValue | undefined): string {
    if (!value) return 'its value';
    const [, large] = magnitudes(value);
    return `values up to ${large.toExponential(2)} (in SI units)`;
}
