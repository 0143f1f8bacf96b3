import type { EfpObject } from './efp-object.js';

/** The objects an object links to through its ref, list and weighted inputs (a step's jobs, a job's server). */
export function linkedObjects(object: EfpObject): EfpObject[] {
    const linked: EfpObject[] = [];
    for (const r of object.refs.values()) if (r) linked.push(r);
    for (const l of object.lists.values()) linked.push(...l);
    for (const w of object.weighted.values()) linked.push(...w.map(x => x.object));
    return linked;
}

/** The objects and everything they link to, directly or not (a pattern, its journey, steps, jobs, servers...). */
export function reachableFrom(objects: Iterable<EfpObject | undefined>, seen = new Set<EfpObject>()): Set<EfpObject> {
    const stack = [...objects].filter((o): o is EfpObject => o !== undefined);
    while (stack.length > 0) {
        const o = stack.pop()!;
        if (seen.has(o)) continue;
        seen.add(o);
        stack.push(...linkedObjects(o));
    }
    return seen;
}
