import type { InputSpec } from '../../src/engine/model/class-spec.js';
import { defaultInputOf } from '../../src/engine/model/input-defaults.js';

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
