import type { InputSpec } from '../model/class-spec.js';
import { classSpec } from '../classes/registry.js';
import type { ModelDescription, ObjectDescription, ScenarioChangeDescription, ScenarioDescription } from '../model/description.js';

/**
 * The object a change names: the model's own, else the built-in one of that name (`France`), as
 * references resolve everywhere else.
 */
export function changedObject(description: ModelDescription, id: string): ObjectDescription | undefined {
    return description.objects.find(o => o.id === id && !o.builtin) ?? description.objects.find(o => o.id === id && o.builtin);
}

/** The input a change sets, from the object's class (undefined when the class has no such input). */
export function changedInputSpec(object: ObjectDescription, attribute: string): InputSpec | undefined {
    return classSpec(object.className)?.inputs.find(i => i.name === attribute);
}

/**
 * A link change (a reference, a list, a weighted list, an enumerated value or a text) changes the
 * structure of the model; a value change (a quantity or an hourly series) only its numbers.
 */
export function isLinkChange(spec: InputSpec): boolean {
    return spec.type !== 'quantity' && spec.type !== 'hourly';
}

/**
 * The model with the scenario's changes written in, as if the user had edited the text: what
 * e-footprint's ModelingUpdate without a simulation_date gives. The scenarios themselves are left out.
 */
export function applyScenario(description: ModelDescription, scenario: ScenarioDescription): ModelDescription {
    const byObject = new Map<ObjectDescription, ScenarioChangeDescription[]>();
    for (const change of scenario.changes) {
        const object = changedObject(description, change.object);
        if (!object) continue;
        byObject.set(object, [...(byObject.get(object) ?? []), change]);
    }
    const objects = description.objects.map(object => {
        const changes = byObject.get(object);
        if (!changes) return object;
        const inputs = { ...object.inputs };
        for (const change of changes) inputs[change.attribute] = change.input;
        return { ...object, inputs };
    });
    return { ...description, objects, scenarios: undefined };
}
