import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';

/** A reference from one object to another through one of its inputs (`job.server`, an item of `step.jobs`). */
export interface ObjectLink {
    readonly attribute: string;
    readonly target: EfpObject;
    /** A weighted list item's weight (`watch * 2`); 1 otherwise. */
    readonly weight: number;
}

/**
 * The objects a diff compares on one side: those the model declares, in declaration order, then the
 * built-in ones it uses (a country, `laptop`), which the other side may declare in their place.
 */
export function comparedObjects(model: Model | undefined): EfpObject[] {
    if (!model) return [];
    const objects = [...model.objects.values()];
    for (const o of model.instances) if (o.description.builtin) objects.push(o);
    return objects;
}

/** An object's references, in the order of its inputs and items. */
export function linksOf(object: EfpObject): ObjectLink[] {
    const links: ObjectLink[] = [];
    for (const [attribute, target] of object.refs) if (target) links.push({ attribute, target, weight: 1 });
    for (const [attribute, targets] of object.lists) for (const target of targets) links.push({ attribute, target, weight: 1 });
    for (const [attribute, items] of object.weighted) for (const w of items) links.push({ attribute, target: w.object, weight: w.weight });
    return links;
}

/** Who refers to each object (among `objects`), by which input. */
export function referrersOf(objects: readonly EfpObject[]): Map<EfpObject, Array<{ readonly attribute: string; readonly source: EfpObject }>> {
    const referrers = new Map<EfpObject, Array<{ attribute: string; source: EfpObject }>>();
    const known = new Set(objects);
    for (const source of objects) {
        for (const link of linksOf(source)) {
            if (!known.has(link.target)) continue;
            let list = referrers.get(link.target);
            if (!list) referrers.set(link.target, (list = []));
            list.push({ attribute: link.attribute, source });
        }
    }
    return referrers;
}
