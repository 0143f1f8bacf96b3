import type { Node } from './node.js';
import { stronglyConnected } from './strongly-connected.js';

/**
 * Kahn's topological sort of the value graph: operands before the values computed from them. Nodes on
 * a cycle cannot be ordered; they are returned grouped by cycle (strongly connected components) so that
 * each member can be reported, and left out of the order along with what depends on them.
 */
export function topologicalOrder(nodes: readonly Node[]): { order: Node[]; cycles: Node[][] } {
    const remaining = new Map<Node, number>();
    for (const n of nodes) remaining.set(n, new Set(n.operands).size);
    const ready = nodes.filter(n => remaining.get(n) === 0);
    const order: Node[] = [];
    for (let i = 0; i < ready.length; i++) {
        const node = ready[i];
        order.push(node);
        for (const dependent of new Set(node.dependents)) {
            const left = remaining.get(dependent)! - 1;
            remaining.set(dependent, left);
            if (left === 0) ready.push(dependent);
        }
    }
    if (order.length === nodes.length) return { order, cycles: [] };
    const stuck = new Set(nodes.filter(n => remaining.get(n)! > 0));
    const cycles = stronglyConnected(stuck, n => n.operands.filter(o => stuck.has(o)));
    return { order, cycles: cycles.filter(c => c.length > 1 || c[0].operands.includes(c[0])) };
}
