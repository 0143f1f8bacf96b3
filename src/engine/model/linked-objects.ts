import type { EfpObject } from './efp-object.js';

/** The objects an object links to through its ref, list and weighted inputs (a step's jobs, a job's server). */
export function linkedObjects(object: EfpObject): EfpObject[] {
    const linked: EfpObject[] = [];
    for (const r of object.refs.values()) if (r) linked.push(r);
    // one by one, not push(...list): a journey may list more steps than a call takes arguments
    for (const l of object.lists.values()) for (const o of l) linked.push(o);
    for (const w of object.weighted.values()) for (const x of w) linked.push(x.object);
    return linked;
}

/** The objects and everything they link to, directly or not (a pattern, its journey, steps, jobs, servers...). */
export function reachableFrom(objects: Iterable<EfpObject | undefined>, seen = new Set<EfpObject>()): Set<EfpObject> {
    const stack: EfpObject[] = [];
    for (const o of objects) if (o !== undefined) stack.push(o);
    while (stack.length > 0) {
        const o = stack.pop()!;
        if (seen.has(o)) continue;
        seen.add(o);
        for (const next of linkedObjects(o)) if (!seen.has(next)) stack.push(next);
    }
    return seen;
}
