import type { Json } from './version-upgrade/json.js';

/**
 * How deep an e-footprint JSON file may nest. Its deepest values (a list inside an input inside an
 * object inside a class) are a handful of levels down; JSON.parse reads any depth, but the upgrade
 * steps' copies and the importer's walks recurse, and a file nested 100,000 levels overflowed the
 * stack ("internal error"). A file past this limit is refused where it goes too deep.
 */
export const MAX_JSON_DEPTH = 32;

/** Where `root` first nests deeper than `limit` levels, as a JSON path; undefined when it does not. Iterative: any depth. */
export function tooDeepJsonPath(root: Json, limit = MAX_JSON_DEPTH): string | undefined {
    const stack: Array<{ value: Json; path: readonly string[] }> = [{ value: root, path: [] }];
    while (stack.length > 0) {
        const { value, path } = stack.pop()!;
        if (typeof value !== 'object' || value === null) continue;
        if (path.length >= limit) return jsonPath(path);
        // only containers go on the stack: a list of two million hourly values is read past, not stacked
        const push = (item: Json, segment: string) => { if (typeof item === 'object' && item !== null) stack.push({ value: item, path: [...path, segment] }); };
        if (Array.isArray(value)) value.forEach((item, i) => push(item, `[${i}]`));
        else for (const key of Object.keys(value)) push(value[key], key);
    }
    return undefined;
}

/** `System["web"].usage_patterns[0]`, the first segments only (the path of a deep file is as long as it is deep). */
function jsonPath(path: readonly string[]): string {
    const shown = path.slice(0, 8).map((segment, i) => {
        if (segment.startsWith('[')) return segment;
        if (i === 0) return segment;
        return /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    });
    return shown.join('') + (path.length > shown.length ? '…' : '');
}
