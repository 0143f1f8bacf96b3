import type { InputSpec } from '../classes/class-spec.js';
import { parseUnit } from '../units/unit.js';
import { ModelError } from './diagnostics.js';
import type { ResolvedInput } from './efp-object.js';

/** Inputs outside their sensible range (a utilization rate of 1.5, a negative lifespan) are errors. */
export function checkRange(spec: Extract<InputSpec, { type: 'quantity' }>, si: number, input: ResolvedInput): void {
    if (spec.min === undefined && spec.max === undefined) return;
    const value = si / parseUnit(spec.unit).factor;
    const tooLow = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
    const tooHigh = spec.max !== undefined && value > spec.max;
    if (tooLow || tooHigh) {
        const unit = spec.unit ? ` ${spec.unit}` : '';
        const range = spec.max === undefined ? `${spec.exclusiveMin ? 'more than' : 'at least'} ${spec.min}${unit}`
            : `between ${spec.min ?? '-∞'} and ${spec.max}${unit}`;
        throw new ModelError('out-of-range', `'${spec.name}' must be ${range}, got ${+value.toPrecision(6)}${unit}`, input.expr.origin ?? input.origin);
    }
}
