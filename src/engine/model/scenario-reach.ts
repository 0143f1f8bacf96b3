import type { ModelDescription } from './description.js';
import type { EfpObject } from './efp-object.js';
import { collectRefs } from './expression.js';
import { reachableFrom } from './linked-objects.js';

/**
 * Objects a scenario brings into the model: those its new values name (a step it adds to a journey)
 * and everything they link to (the step's jobs, their server...). They are declared in the model but
 * used only from the scenario on, so the "not used by any system" hint must spare them.
 */
export function objectsReachedByScenarios(description: ModelDescription, lookup: (id: string, builtin?: boolean) => EfpObject | undefined): Set<EfpObject> {
    const named = (description.scenarios ?? []).flatMap(scenario => scenario.changes)
        .flatMap(change => collectRefs(change.input.expr)).map(ref => lookup(ref.object, ref.builtin));
    return reachableFrom(named);
}
