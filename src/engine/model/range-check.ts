import type { QuantityInputSpec } from '../classes/class-spec.js';
import { parseUnit } from '../units/unit.js';
import { ModelError } from './diagnostics.js';
import type { ResolvedInput } from './efp-object.js';
import type { ModelPeriod } from './expression.js';

/**
 * Values outside their sensible range are errors, located on the input (a utilization rate of 1.5, a
 * negative lifespan, a request longer than the modeling period). The bounds are the class specs'.
 */
export function checkRange(spec: QuantityInputSpec, si: number, input: ResolvedInput): void {
    if (spec.min === undefined && spec.max === undefined) return;
    const value = si / parseUnit(spec.unit).factor;
    if (outside(spec, value)) {
        const unit = spec.unit ? ` ${spec.unit}` : '';
        throw new ModelError('out-of-range', `'${spec.name}' must be ${rangeText(spec, unit)}, got ${+value.toPrecision(6)}${unit}`, input.expr.origin ?? input.origin);
    }
}

/**
 * A duration longer than the modeling period, or undefined: `20000 year of user time is longer than the
 * modeling period (3 year)`. `written` is the value as the user wrote it, when it is a plain quantity.
 */
export function longerThanPeriod(seconds: number, noun: string, period: ModelPeriod, written?: string): ModelError | undefined {
    if (seconds <= period.length * 3600) return undefined;
    return new ModelError('out-of-range', `${written ?? formatDuration(seconds)} of ${noun} is longer than the modeling period (${period.durationValue} ${period.durationUnit})`,
        undefined, 'Check the value and its unit, or make the model\'s modeling_duration longer.');
}

/** A duration in the largest unit it has one of: `3.803 year`, `12 day`, `90 min`. */
function formatDuration(seconds: number): string {
    for (const unit of ['year', 'day', 'h', 'min']) {
        const factor = parseUnit(unit).factor;
        if (Math.abs(seconds) >= factor) return `${+(seconds / factor).toPrecision(4)} ${unit}`;
    }
    return `${+seconds.toPrecision(4)} s`;
}

interface Bounds {
    readonly min?: number;
    readonly max?: number;
    readonly exclusiveMin?: boolean;
}

function outside(bounds: Bounds, value: number): boolean {
    const tooLow = bounds.min !== undefined && (bounds.exclusiveMin ? value <= bounds.min : value < bounds.min);
    return tooLow || (bounds.max !== undefined && value > bounds.max);
}

function rangeText(bounds: Bounds, unit: string): string {
    return bounds.max === undefined ? `${bounds.exclusiveMin ? 'more than' : 'at least'} ${bounds.min}${unit}`
        : `between ${bounds.min ?? '-∞'} and ${bounds.max}${unit}`;
}
