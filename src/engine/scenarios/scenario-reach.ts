import type { ModelDescription } from '../model/description.js';
import type { EfpObject } from '../model/efp-object.js';
import { collectRefs } from '../model/expression.js';

/**
 * Objects a scenario brings into the model: those its new values name (a step it adds to a journey)
 * and everything they link to (the step's jobs, their server...). They are declared in the model but
 * used only from the scenario on, so the "not used by any system" hint must spare them.
 */
export function objectsReachedByScenarios(description: ModelDescription, lookup: (id: string, builtin?: boolean) => EfpObject | undefined): Set<EfpObject> {
    const reached = new Set<EfpObject>();
    const visit = (o: EfpObject | undefined) => {
        if (!o || reached.has(o)) return;
        reached.add(o);
        for (const r of o.refs.values()) visit(r);
        for (const l of o.lists.values()) l.forEach(visit);
        for (const w of o.weighted.values()) w.forEach(x => visit(x.object));
    };
    for (const scenario of description.scenarios ?? []) {
        for (const change of scenario.changes) {
            for (const ref of collectRefs(change.input.expr)) visit(lookup(ref.object, ref.builtin));
        }
    }
    return reached;
}
