import type { Node } from './node.js';
import { stronglyConnected } from './strongly-connected.js';

/**
 * Kahn's topological sort of the value graph: operands before the values computed from them. Nodes on
 * a cycle cannot be ordered; they are returned grouped by cycle (strongly connected components) so that
 * each member can be reported, and left out of the order along with what depends on them.
 */
export function topologicalOrder(nodes: readonly Node[]): { order: Node[]; cycles: Node[][] } {
    // an operand listed twice is a dependent listed twice (the model adds one for each): counting repeats
    // on both sides orders alike, without a set of each node's operands and dependents. The counts are
    // kept by position, the position in `order` of each node meanwhile (a map of a million nodes cost more
    // than the sort)
    const remaining = new Int32Array(nodes.length);
    nodes.forEach((n, i) => {
        n.order = i;
        remaining[i] = n.operands.length;
    });
    const ready = nodes.filter(n => n.operands.length === 0);
    for (let i = 0; i < ready.length; i++) {
        for (const dependent of ready[i].dependents) if (--remaining[dependent.order] === 0) ready.push(dependent);
    }
    const stuck = new Set(nodes.filter(n => remaining[n.order] > 0));
    for (const n of nodes) n.order = -1;
    const order = ready;
    if (order.length === nodes.length) return { order, cycles: [] };
    const cycles = stronglyConnected(stuck, n => n.operands.filter(o => stuck.has(o)));
    return { order, cycles: cycles.filter(c => c.length > 1 || c[0].operands.includes(c[0])) };
}
