import type { CalculatedSpec, HourlyInputSpec, QuantityInputSpec } from './class-spec.js';
import type { HourlySeries } from '../series/hourly-series.js';
import { formatUtcHour } from '../series/calendar.js';
import { hourOfWeek } from '../series/typical-week.js';
import { parseUnit } from '../units/unit.js';
import { ModelError } from './diagnostics.js';
import type { ResolvedInput } from './efp-object.js';
import type { ModelPeriod } from './expression.js';
import type { NodeValue } from './node.js';

/**
 * Values outside their sensible range are errors, located on the input (a utilization rate of 1.5, a
 * negative lifespan, journey starts below zero) or, for a computed value (a storage need that goes
 * negative), reported on its object. The bounds are the class specs' (`min`, `max`), in their units.
 */
export function checkRange(spec: QuantityInputSpec, si: number, input: ResolvedInput): void {
    if (spec.min === undefined && spec.max === undefined) return;
    const value = si / parseUnit(spec.unit).factor;
    if (outside(spec, value)) {
        const unit = spec.unit ? ` ${spec.unit}` : '';
        throw new ModelError('out-of-range', `'${spec.name}' must be ${rangeText(spec, unit)}, got ${+value.toPrecision(6)}${unit}`, input.expr.origin ?? input.origin);
    }
}

/** Every hour of an hourly input within the spec's bounds; the first one outside is named with its hour. */
export function checkHourlyRange(spec: HourlyInputSpec, series: HourlySeries, unitText: string, input: ResolvedInput): void {
    if (spec.min === undefined && spec.max === undefined) return;
    const hour = firstOutside(series, spec, parseUnit(unitText).factor);
    if (hour === undefined) return;
    const value = series.base[hour] * series.factor / parseUnit(unitText).factor;
    const unit = shownUnit(unitText);
    throw new ModelError('out-of-range', `'${spec.name}' must be ${rangeText(spec, unit)}, got ${+value.toPrecision(6)}${unit} at ${whenOf(series, hour, spec.weekly)}`,
        input.expr.origin ?? input.origin);
}

/**
 * A computed value below its spec's `min` (a storage need that goes negative): the first hour it does,
 * with a hint naming the formula it comes from.
 */
export function checkCalculatedMin(spec: CalculatedSpec, value: NodeValue, unitText: string, formula: string): void {
    if (spec.min === undefined || value.kind === 'empty') return;
    const min = spec.min;
    const factor = parseUnit(unitText).factor;
    // the message's words only for a value out of range: this runs on every value of every object
    const fail = (got: number, at?: string): never => {
        const unit = shownUnit(unitText);
        const bound = min === 0 ? 'cannot be negative' : `must be at least ${min}${unit}`;
        throw new ModelError('out-of-range', `${bound}, got ${+got.toPrecision(6)}${unit}${at ? ` at ${at}` : ''}`, undefined,
            `It is computed as ${formula}; check the values it comes from.`);
    };
    const check = (v: NodeValue) => {
        if (v.kind === 'quantity' && v.value / factor < min) fail(v.value / factor);
        if (v.kind === 'hourly') {
            const hour = firstOutside(v.series, { min }, factor);
            if (hour !== undefined) fail(v.series.base[hour] * v.series.factor / factor, whenOf(v.series, hour));
        }
        if (v.kind === 'dict') for (const item of v.items.values()) check(item);
    };
    check(value);
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

/** The first hour whose value (in the unit of `unitFactor`) is outside the bounds. */
function firstOutside(series: HourlySeries, bounds: Bounds, unitFactor: number): number | undefined {
    // the bounds in the array's own terms: one comparison per hour, no scaling
    const { base, factor } = series;
    const k = factor / unitFactor;
    if (k === 0) return outside(bounds, 0) ? 0 : undefined;
    for (let i = 0; i < base.length; i++) if (outside(bounds, base[i] * k)) return i;
    return undefined;
}

/** ` cpu_core`, ` %`; nothing for plain counts (occurrences, instances). */
function shownUnit(unit: string): string {
    const parsed = parseUnit(unit);
    return parsed.dimension.isDimensionless && parsed.factor === 1 ? '' : ` ${unit}`;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `2025-01-01 01:00`, or in a typical week `hour 30 of the week (Tuesday 06:00)`. */
function whenOf(series: HourlySeries, index: number, weekly = false): string {
    const hour = series.start + index;
    if (weekly) {
        const h = hourOfWeek(hour);
        return `hour ${h} of the week (${DAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00)`;
    }
    return formatUtcHour(hour).slice(0, 16);
}
