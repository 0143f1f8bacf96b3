// Langium 4.4 depends on chevrotain 13, which calls Object.groupBy (Node >= 21). efp supports Node 20
// (and VS Code hosts running it), so the one missing function is provided here when absent.
// Used by langium-cli at build time; the bundles get the same code from src/platform/node20-polyfills.ts.
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value: function groupBy(items, keyOf) {
      const groups = Object.create(null);
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        (groups[key] ??= []).push(item);
      }
      return groups;
    }
  });
}
