/**
 * Tarjan's strongly connected components, with a stack of its own instead of one call per item: a
 * model's values or groups may form a cycle through hundreds of thousands of them, deeper than the
 * JavaScript stack. Components come out as Tarjan finds them, each in the order it was entered
 * (its first item, then the items it leads to), so that a simple cycle reads as a path.
 */
export function stronglyConnected<T>(items: Iterable<T>, next: (item: T) => readonly T[]): T[][] {
    const index = new Map<T, number>();
    const low = new Map<T, number>();
    const stack: T[] = [];
    const onStack = new Set<T>();
    const components: T[][] = [];
    let counter = 0;
    // the call stack of the recursive version: an item and how far through its successors it is
    const frames: Array<{ item: T; successors: readonly T[]; at: number }> = [];
    const enter = (item: T) => {
        index.set(item, counter);
        low.set(item, counter++);
        stack.push(item);
        onStack.add(item);
        frames.push({ item, successors: next(item), at: 0 });
    };
    for (const root of items) {
        if (index.has(root)) continue;
        enter(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const v = frame.item;
            if (frame.at < frame.successors.length) {
                const w = frame.successors[frame.at++];
                if (!index.has(w)) enter(w);
                else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
                continue;
            }
            frames.pop();
            if (low.get(v) === index.get(v)) {
                const component: T[] = [];
                let w: T;
                do {
                    w = stack.pop()!;
                    onStack.delete(w);
                    component.push(w);
                } while (w !== v);
                components.push(component.reverse());
            }
            // back in the caller: what the recursive version did after its call returned
            const caller = frames[frames.length - 1];
            if (caller) low.set(caller.item, Math.min(low.get(caller.item)!, low.get(v)!));
        }
    }
    return components;
}
