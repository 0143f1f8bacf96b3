import type { InputSpec } from './class-spec.js';
import type { InputDescription } from './description.js';
import type { ResolvedInput } from './efp-object.js';

/** A resolved input, built with one fixed shape (object spreads are slow on this path). */
export function resolvedInput(input: InputDescription, spec: InputSpec, given: ResolvedInput['given'], source: string | undefined,
    origin: InputDescription['origin']): ResolvedInput {
    return {
        expr: input.expr, text: input.text, source, confidence: input.confidence, comment: input.comment,
        origin, nameOrigin: input.nameOrigin, spec, given
    };
}

/** References and the journey starts have no default: a model must give them. */
export function isRequired(input: InputSpec): boolean {
    if (input.type === 'ref') return true;
    // a typical week may have a default (a process's 1 cpu_core every hour); journey starts never do
    if (input.type === 'hourly') return input.default === undefined;
    return input.name === 'uj_steps' || input.name === 'usage_patterns';
}

const defaults = new WeakMap<InputSpec, InputDescription | null>();

/** e-footprint's default for an input, built once per input spec. */
export function defaultInputOf(input: InputSpec): InputDescription | undefined {
    let fallback = defaults.get(input);
    if (fallback === undefined) defaults.set(input, (fallback = defaultInput(input) ?? null));
    return fallback ?? undefined;
}

/** e-footprint's default for an input the user left out, as an input description. */
function defaultInput(input: InputSpec): InputDescription | undefined {
    switch (input.type) {
        case 'quantity':
        case 'hourly':
            return input.default
                ? { expr: { kind: 'number', value: input.default.value, unit: input.default.unit }, source: input.default.source ?? 'hypothesis' }
                : undefined;
        case 'enum':
            return input.default ? { expr: { kind: 'text', value: input.default }, source: 'hypothesis' } : undefined;
        case 'text':
            return input.default ? { expr: { kind: 'text', value: input.default }, source: 'hypothesis' } : undefined;
        case 'refs':
        case 'weighted':
            return isRequired(input) ? undefined : { expr: { kind: 'list', items: [] }, source: 'hypothesis' };
        default:
            return undefined;
    }
}


/**
 * What an object of the class takes when the model leaves the input out: the engine's default (a value,
 * an empty list), no value (optional), the input read from another one, or nothing (the model must give it).
 */
export type Requirement = 'default' | 'optional' | 'read' | 'required';

export function requirementOf(input: InputSpec): Requirement {
    // the engine's own default, the one it resolves a left-out input to
    if (defaultInputOf(input) !== undefined) return 'default';
    if (input.readFrom !== undefined) return 'read';
    if ((input.type === 'quantity' || input.type === 'text') && input.optional) return 'optional';
    return 'required';
}
