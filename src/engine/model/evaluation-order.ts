import type { Node } from './node.js';

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
    const stuck = nodes.filter(n => remaining.get(n)! > 0);
    return { order, cycles: stronglyConnected(stuck).filter(c => c.length > 1 || c[0].operands.includes(c[0])) };
}

/** Tarjan's strongly connected components among `nodes` (following operands). */
function stronglyConnected(nodes: readonly Node[]): Node[][] {
    const inSet = new Set(nodes);
    const index = new Map<Node, number>();
    const low = new Map<Node, number>();
    const stack: Node[] = [];
    const onStack = new Set<Node>();
    const components: Node[][] = [];
    let counter = 0;
    const visit = (v: Node) => {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
        for (const w of v.operands) {
            if (!inSet.has(w)) continue;
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v)!, index.get(w)!));
            }
        }
        if (low.get(v) === index.get(v)) {
            const component: Node[] = [];
            let w: Node;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            components.push(component.reverse());
        }
    };
    for (const n of nodes) if (!index.has(n)) visit(n);
    return components;
}
