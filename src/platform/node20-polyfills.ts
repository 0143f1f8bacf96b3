// Langium 4.4 depends on chevrotain 13, which calls Object.groupBy (Node >= 21). efp supports Node 20 and
// the VS Code hosts that run it, so the one missing function is provided when absent; on Node 22 and 24
// this is a no-op. Imported first by every entry point that creates a parser. Goes when Node 20 support
// does (docs/development.md, "Dependencies and Node versions").
type GroupBy = <T>(items: Iterable<T>, keyOf: (item: T, index: number) => PropertyKey) => Record<PropertyKey, T[]>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };

if (typeof objectWithGroupBy.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy<T>(items: Iterable<T>, keyOf: (item: T, index: number) => PropertyKey): Record<PropertyKey, T[]> {
            const groups: Record<PropertyKey, T[]> = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}

export {};
