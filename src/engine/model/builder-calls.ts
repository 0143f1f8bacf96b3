import { Dimension } from '../units/dimension.js';
import { describeDimension } from '../units/dimension-names.js';
import { parseUnit } from '../units/unit.js';
import {
    dailyFluctuation, DAYS_IN_FORM_TIMESPAN, linearGrowth, sinusoidalFluctuation, volumeGrowth, type FormTimespan
} from '../series/builders.js';
import { HourlySeries } from '../series/hourly-series.js';
import { newValues } from '../series/series-memory.js';
import { formatUtcHour, readDateTime } from '../series/calendar.js';
import { MAX_MODELING_HOURS, MAX_MODELING_YEARS, MAX_SERIES_HOURS, yearsOf } from '../series/series-limits.js';
import { formatNumber } from './value-format.js';
import { HOURS_IN_WEEK, TYPICAL_WEEK_START } from '../series/typical-week.js';
import type { ArgumentDescription, ExprDescription } from './description.js';
import { didYouMean, didYouMeanHint, ModelError, suggestionData } from './diagnostics.js';
import type { ExpressionEnvironment } from './expression.js';
import { hourly, ValueError, type NumericValue } from './values.js';
import { FILE_ONLY_ARGUMENTS, SERIES_FILE_ARGUMENT, seriesFromFile } from './series-file-call.js';

type CallExpr = Extract<ExprDescription, { kind: 'call' }>;

interface Parameter {
    readonly name: string;
    readonly optional?: boolean;
    /** Accepts `… per <timespan>`. */
    readonly per?: boolean;
    readonly description: string;
}

/** A time-series builder callable from .efp: `linear_growth(5000, 100000)`. */
export interface Builder {
    readonly name: string;
    readonly description: string;
    readonly parameters: readonly Parameter[];
    dimension(call: CallExpr, dimensionOf: (e: ExprDescription) => Dimension): Dimension;
    evaluate(call: CallExpr, env: ExpressionEnvironment, evaluate: (e: ExprDescription) => NumericValue): NumericValue;
}

/** Matches a call's arguments to parameters: positional ones in order, then named ones. */
export function bindArguments(call: CallExpr, parameters: readonly Parameter[]): Map<string, ArgumentDescription> {
    const bound = new Map<string, ArgumentDescription>();
    let position = 0;
    for (const arg of call.args) {
        let name = arg.name;
        if (name === undefined) {
            if (position >= parameters.length) {
                throw new ModelError('bad-argument', `${call.function} takes ${parameters.length} arguments`, arg.origin ?? call.origin);
            }
            name = parameters[position++].name;
        }
        const parameter = parameters.find(p => p.name === name);
        if (!parameter) {
            const guess = didYouMean(name, parameters.map(p => p.name));
            throw new ModelError('bad-argument', `${call.function} has no parameter '${name}'`, arg.origin ?? call.origin,
                guess ? didYouMeanHint(guess) : `Parameters: ${parameters.map(p => p.name).join(', ')}.`, suggestionData(name, guess));
        }
        if (bound.has(name)) throw new ModelError('bad-argument', `'${name}' is given twice`, arg.origin ?? call.origin);
        if (arg.per !== undefined && !parameter.per) {
            throw new ModelError('bad-argument', `'${name}' does not take 'per'`, arg.origin ?? call.origin);
        }
        bound.set(name, arg);
    }
    for (const p of parameters) {
        if (!p.optional && !bound.has(p.name)) {
            throw new ModelError('bad-argument', `${call.function} needs '${p.name}' (${p.description})`, call.origin,
                `Write ${call.function}(${parameters.filter(q => !q.optional).map(q => `${q.name}: …`).join(', ')}).`);
        }
    }
    return bound;
}

function expectDimension(arg: ArgumentDescription, actual: Dimension, expected: Dimension, call: CallExpr): void {
    if (!actual.equals(expected)) {
        throw new ModelError('dimension-mismatch',
            `${call.function}: '${arg.name ?? 'argument'}' expects ${describeDimension(expected)}, got ${describeDimension(actual)}`, arg.value.origin ?? call.origin);
    }
}

function scalar(v: NumericValue, what: string, call: CallExpr): number {
    if (v.kind !== 'quantity') throw new ModelError('bad-argument', `${call.function}: '${what}' must be a single value`, call.origin);
    return v.value;
}

const TIME = Dimension.base('time');

function timespanOf(arg: ArgumentDescription, call: CallExpr): FormTimespan {
    const per = (arg.per ?? '').replace(/s$/, '');
    if (per in DAYS_IN_FORM_TIMESPAN) return per as FormTimespan;
    throw new ModelError('bad-argument', `${call.function}: write '${arg.name} … per day', 'per week', 'per month' or 'per year'`, arg.origin ?? call.origin);
}

/**
 * A duration as e-footprint's form inputs take it: a value and a timespan (day, week, month, year). Its
 * hours are those of a series: positive, and no more than the longest modeling period.
 */
function formDuration(expr: ExprDescription, evaluate: (e: ExprDescription) => NumericValue, call: CallExpr): [number, FormTimespan] {
    let duration: [number, FormTimespan] | undefined;
    if (expr.kind === 'number' && expr.unit) {
        const unit = expr.unit.replace(/s$/, '');
        if (unit in DAYS_IN_FORM_TIMESPAN) duration = [expr.value, unit as FormTimespan];
    }
    duration ??= [scalar(evaluate(expr), 'modeling_duration', call) / 86400, 'day'];
    const hours = duration[0] * DAYS_IN_FORM_TIMESPAN[duration[1]] * 24;
    if (!(hours > 0) || hours > MAX_MODELING_HOURS) {
        const written = expr.kind === 'number' && expr.unit ? `${expr.value} ${expr.unit}` : `${+yearsOf(hours).toPrecision(4)} years`;
        throw new ModelError('out-of-range', hours > 0
            ? `${call.function}: modeling_duration must be at most ${MAX_MODELING_YEARS} years, got ${written}`
            : `${call.function}: modeling_duration must be a positive duration`, expr.origin ?? call.origin);
    }
    return duration;
}

/**
 * A series' start date (the argument `name`): a date that exists, within 100 years of the model's start
 * (further, the hours between them would be part of every sum with the model's other series).
 */
function startOf(bound: Map<string, ArgumentDescription>, env: ExpressionEnvironment, call: CallExpr, name = 'start_date'): number {
    const arg = bound.get(name);
    if (!arg) return env.period.start;
    const where = arg.value.origin ?? call.origin;
    if (arg.value.kind !== 'date') throw new ModelError('bad-argument', `${call.function}: ${name} must be a date like 2025-01-01`, where);
    const read = readDateTime(arg.value.value);
    if (!read.ok) throw new ModelError('invalid-value', read.problem, where);
    const distance = read.hour - env.period.start;
    if (Math.abs(distance) > MAX_MODELING_HOURS) {
        throw new ModelError('out-of-range', `${call.function}: ${name} ${arg.value.value} is more than ${MAX_MODELING_YEARS} years ${distance > 0 ? 'after' : 'before'} `
            + `the model starts (${formatUtcHour(env.period.start).slice(0, 10)})`, where, 'Dates in a model lie within 100 years of its start_date.');
    }
    return read.hour;
}

/** The optional `start:` of the builders that run to the model's end. */
const START_PARAMETER: Parameter = { name: 'start', optional: true, description: 'the first hour (the model\'s start by default); the series runs to the model\'s end' };

/**
 * The hours a builder's series covers: from its `start:` (the model's start by default) to the model's
 * end. A start at or after the end would leave no hour.
 */
function spanOf(bound: Map<string, ArgumentDescription>, env: ExpressionEnvironment, call: CallExpr): { start: number; length: number } {
    const arg = bound.get('start');
    if (!arg) return { start: env.period.start, length: env.period.length };
    const start = startOf(bound, env, call, 'start');
    const end = env.period.start + env.period.length;
    if (start >= end) {
        throw new ModelError('out-of-range', `${call.function}: start ${arg.value.kind === 'date' ? arg.value.value : ''} is not before the model's end `
            + `(${formatUtcHour(end)})`, arg.value.origin ?? call.origin,
        'A series with a start runs from it to the end of the modeling period: start it earlier, or lengthen modeling_duration.');
    }
    return { start, length: end - start };
}

/** An hourly_values list within what a series may hold, checked before its values are read. */
function checkValueCount(list: Extract<ExprDescription, { kind: 'list' }>, call: CallExpr): void {
    if (list.items.length <= MAX_SERIES_HOURS) return;
    throw new ModelError('out-of-range', `${call.function} has ${formatNumber(list.items.length, 0)} values; a series holds at most `
        + `${formatNumber(MAX_SERIES_HOURS, 0)} (${Math.floor(yearsOf(MAX_SERIES_HOURS))} years of hours)`, list.origin ?? call.origin,
    'Keep the hours the model needs, or describe the series with a builder such as volume_growth or linear_growth.');
}

const linearGrowthBuilder: Builder = {
    name: 'linear_growth',
    description: 'Values growing linearly from start_value to end_value over the modeling period (from start: to its end, when given).',
    parameters: [
        { name: 'start_value', description: 'the value at the first hour' },
        { name: 'end_value', description: 'the value at the last hour' },
        START_PARAMETER
    ],
    dimension(call, dimensionOf) {
        const args = bindArguments(call, this.parameters);
        const a = dimensionOf(args.get('start_value')!.value);
        expectDimension(args.get('end_value')!, dimensionOf(args.get('end_value')!.value), a, call);
        return a;
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        const a = evaluate(args.get('start_value')!.value);
        const b = evaluate(args.get('end_value')!.value);
        const { start, length } = spanOf(args, env, call);
        return hourly(linearGrowth(start, length, scalar(a, 'start_value', call), scalar(b, 'end_value', call)),
            a.kind === 'empty' ? Dimension.none : a.dimension);
    }
};

const sinusoidalBuilder: Builder = {
    name: 'sinusoidal',
    description: 'A fluctuation amplitude · sin(2π t / period) over the modeling period, t counted from its start or start: (add it to a trend).',
    parameters: [
        { name: 'amplitude', description: 'the largest deviation' },
        { name: 'period', description: 'the duration of one cycle' },
        START_PARAMETER
    ],
    dimension(call, dimensionOf) {
        const args = bindArguments(call, this.parameters);
        expectDimension(args.get('period')!, dimensionOf(args.get('period')!.value), TIME, call);
        return dimensionOf(args.get('amplitude')!.value);
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        const amplitude = evaluate(args.get('amplitude')!.value);
        const period = scalar(evaluate(args.get('period')!.value), 'period', call) / 3600;
        if (period <= 0) throw new ModelError('bad-argument', 'sinusoidal: the period must be positive', args.get('period')!.value.origin);
        const { start, length } = spanOf(args, env, call);
        return hourly(sinusoidalFluctuation(start, length, scalar(amplitude, 'amplitude', call), period),
            amplitude.kind === 'empty' ? Dimension.none : amplitude.dimension);
    }
};

const dailyFluctuationBuilder: Builder = {
    name: 'daily_fluctuation',
    description: 'A daily cycle around 1, lowest at min_hour (local time): multiply a series by it.',
    parameters: [
        { name: 'scale', description: 'how far the cycle goes from 1 (between 0 and 1)' },
        { name: 'min_hour', description: 'the hour of the day with the least activity (0 to 23)' },
        START_PARAMETER
    ],
    dimension(call, dimensionOf) {
        const args = bindArguments(call, this.parameters);
        expectDimension(args.get('scale')!, dimensionOf(args.get('scale')!.value), Dimension.none, call);
        const minHour = dimensionOf(args.get('min_hour')!.value);
        if (!minHour.isDimensionless) expectDimension(args.get('min_hour')!, minHour, TIME, call);
        return Dimension.none;
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        const scale = scalar(evaluate(args.get('scale')!.value), 'scale', call);
        const minHourValue = evaluate(args.get('min_hour')!.value);
        const minHour = scalar(minHourValue, 'min_hour', call) / (minHourValue.kind === 'quantity' && !minHourValue.dimension.isDimensionless ? 3600 : 1);
        if (scale < 0 || scale > 1) throw new ModelError('out-of-range', `daily_fluctuation: scale must be between 0 and 1, got ${scale}`, args.get('scale')!.value.origin);
        const { start, length } = spanOf(args, env, call);
        return hourly(dailyFluctuation(start, length, scale, minHour));
    }
};

const volumeGrowthBuilder: Builder = {
    name: 'volume_growth',
    description: 'e-footprint\'s form inputs: an initial volume per day, month or year growing by a rate per period, spread evenly over each day\'s hours.',
    parameters: [
        { name: 'initial_volume', per: true, description: 'journeys per day, month or year at the start' },
        { name: 'net_growth_rate', per: true, optional: true, description: 'growth per day, month or year, in %' },
        { name: 'start_date', optional: true, description: 'first day (the model\'s start date by default)' },
        { name: 'modeling_duration', optional: true, description: 'how long (the model\'s duration by default)' }
    ],
    dimension(call, dimensionOf) {
        const args = bindArguments(call, this.parameters);
        expectDimension(args.get('initial_volume')!, dimensionOf(args.get('initial_volume')!.value), Dimension.none, call);
        const growth = args.get('net_growth_rate');
        if (growth) expectDimension(growth, dimensionOf(growth.value), Dimension.none, call);
        const duration = args.get('modeling_duration');
        if (duration) expectDimension(duration, dimensionOf(duration.value), TIME, call);
        return Dimension.none;
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        const volumeArg = args.get('initial_volume')!;
        const volume = scalar(evaluate(volumeArg.value), 'initial_volume', call);
        const growthArg = args.get('net_growth_rate');
        const growth = growthArg ? scalar(evaluate(growthArg.value), 'net_growth_rate', call) * 100 : 0;
        const durationArg = args.get('modeling_duration');
        const [durationValue, durationSpan] = durationArg
            ? formDuration(durationArg.value, evaluate, call)
            : formDuration({ kind: 'number', value: env.period.durationValue, unit: env.period.durationUnit }, evaluate, call);
        return hourly(volumeGrowth(startOf(args, env, call), durationValue, durationSpan, volume, timespanOf(volumeArg, call),
            growth, growthArg ? timespanOf(growthArg, call) : 'year'));
    }
};

/**
 * A list's values, in SI, and the first one's dimension. A million plain numbers (a year of measured hours
 * is 8,760; the benchmark reads 1,000,000) are written straight into the array: evaluating each as an
 * expression would make a million short-lived objects, and the collector's work grow faster than the list.
 * Any other item (an expression, a reference) is evaluated; a new unit is evaluated once, which checks it.
 */
function listValues(list: Extract<ExprDescription, { kind: 'list' }>, evaluate: (e: ExprDescription) => NumericValue, call: CallExpr): { values: Float64Array; dimension: Dimension } {
    const items = list.items;
    // from the pool, counted in the model's memory budget like every hourly value
    const values = newValues(items.length, false);
    let dimension: Dimension | undefined;
    let unitText: string | undefined;
    let factor = 1;
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item.kind === 'number' && (item.unit ?? '') === unitText) {
            values[i] = item.value * factor;
            continue;
        }
        const v = evaluate(item);
        values[i] = scalar(v, `value ${i + 1}`, call);
        dimension ??= v.kind === 'empty' ? Dimension.none : v.dimension;
        if (item.kind === 'number') {
            unitText = item.unit ?? '';
            factor = parseUnit(unitText).factor;
        }
    }
    return { values, dimension: dimension ?? Dimension.none };
}

/** Every value of a list of the same dimension: the series'. */
function listDimension(list: ExprDescription, call: CallExpr, dimensionOf: (e: ExprDescription) => Dimension): Dimension {
    if (list.kind !== 'list' || list.items.length === 0) {
        throw new ModelError('bad-argument', `${call.function}: values must be a non-empty list like [100, 200, 150]`, list.origin ?? call.origin);
    }
    checkValueCount(list, call);
    const first = dimensionOf(list.items[0]);
    for (const item of list.items) {
        const d = dimensionOf(item);
        if (!d.equals(first)) throw new ModelError('dimension-mismatch', `${call.function}: every value must be ${describeDimension(first)}`, item.origin);
    }
    return first;
}

/**
 * Which form of hourly_values a call is: its values written out (`values:`, from `start_date:`), or read
 * from a CSV file (`file:`, whose rows give the times). Arguments of the other form are refused where
 * they are written.
 */
function hourlyValuesForm(args: Map<string, ArgumentDescription>, call: CallExpr): 'values' | 'file' {
    const values = args.get('values'), file = args.get(SERIES_FILE_ARGUMENT);
    const where = (arg: ArgumentDescription) => arg.origin ?? arg.value.origin ?? call.origin;
    if (values && file) {
        throw new ModelError('bad-argument', 'hourly_values takes its values from a list or from a file, not both', where(file), 'Remove `values:` or `file:`.');
    }
    if (!values && !file) {
        throw new ModelError('bad-argument', 'hourly_values needs \'values\' (a list, one value per hour) or \'file\' (a CSV file of times and values)', call.origin,
            'Write hourly_values(values: [100, 200, 150], start_date: 2025-01-01) or hourly_values(file: "traffic.csv", column: "visits").');
    }
    if (file) {
        const startDate = args.get('start_date');
        if (startDate) {
            throw new ModelError('bad-argument', 'hourly_values: the file\'s rows give the times; start_date goes with values', where(startDate), 'Remove `start_date:`.');
        }
        return 'file';
    }
    for (const name of FILE_ONLY_ARGUMENTS) {
        const arg = args.get(name);
        if (arg) throw new ModelError('bad-argument', `hourly_values: '${name}' goes with file`, where(arg), `Remove \`${name}:\`, or read the values from a file.`);
    }
    return 'values';
}

const hourlyValuesBuilder: Builder = {
    name: 'hourly_values',
    description: 'Hourly values given one by one, from start_date (the model\'s start by default), or read from a CSV file of times and values.',
    parameters: [
        { name: 'values', optional: true, description: 'a list of values, one per hour' },
        { name: 'start_date', optional: true, description: 'the first value\'s hour' },
        { name: SERIES_FILE_ARGUMENT, optional: true, description: 'a CSV file with a time column and value columns, relative to this .efp file' },
        { name: 'column', optional: true, description: 'the file\'s column to read (needed when it has several value columns)' },
        { name: 'time_column', optional: true, description: 'the file\'s time column, when it is not named time, timestamp, date or datetime' },
        { name: 'timezone', optional: true, description: 'the IANA time zone of times written without an offset, such as "Europe/Paris"' },
        { name: 'profile', optional: true, description: 'how a day\'s or month\'s total is spread over its hours: "flat" or 24 weights from 00:00' }
    ],
    dimension(call, dimensionOf) {
        const args = bindArguments(call, this.parameters);
        // a file's values are plain numbers: an input with a unit multiplies the call by one
        if (hourlyValuesForm(args, call) === 'file') return Dimension.none;
        return listDimension(args.get('values')!.value, call, dimensionOf);
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        if (hourlyValuesForm(args, call) === 'file') return seriesFromFile(call, args, env, evaluate);
        const list = args.get('values')!.value;
        if (list.kind !== 'list' || list.items.length === 0) throw new ModelError('bad-argument', 'hourly_values: values must be a non-empty list', call.origin);
        checkValueCount(list, call);
        const { values, dimension } = listValues(list, evaluate, call);
        return hourly(new HourlySeries(startOf(args, env, call), values), dimension);
    }
};

/**
 * A typical week (e-footprint's recurrent quantities): 168 values, hour by hour from Monday 00:00 local
 * time. Units go outside the list, `weekly_values([…]) * 1 cpu_core`, so the 168 numbers stay plain.
 */
const weeklyValuesBuilder: Builder = {
    name: 'weekly_values',
    description: 'A typical week: 168 values, one per hour from Monday 00:00 (local time), replayed every week.',
    parameters: [{ name: 'values', description: 'a list of 168 values, one per hour of the week from Monday 00:00' }],
    dimension(call, dimensionOf) {
        return listDimension(bindArguments(call, this.parameters).get('values')!.value, call, dimensionOf);
    },
    evaluate(call, _env, evaluate) {
        const list = bindArguments(call, this.parameters).get('values')!.value;
        if (list.kind !== 'list' || list.items.length !== HOURS_IN_WEEK) {
            throw new ModelError('bad-argument', `weekly_values: values must be a list of ${HOURS_IN_WEEK} values (one per hour of the week)`, list.origin ?? call.origin);
        }
        const { values, dimension } = listValues(list, evaluate, call);
        return hourly(new HourlySeries(TYPICAL_WEEK_START, values), dimension);
    }
};

const constantBuilder: Builder = {
    name: 'constant',
    description: 'The same value every hour of the modeling period (from start: to its end, when given).',
    parameters: [{ name: 'value', description: 'the value of every hour' }, START_PARAMETER],
    dimension(call, dimensionOf) {
        return dimensionOf(bindArguments(call, this.parameters).get('value')!.value);
    },
    evaluate(call, env, evaluate) {
        const args = bindArguments(call, this.parameters);
        const v = evaluate(args.get('value')!.value);
        if (v.kind !== 'quantity') throw new ValueError('constant: the value must be a single value');
        const { start, length } = spanOf(args, env, call);
        return hourly(HourlySeries.constant(start, length, v.value), v.dimension);
    }
};

export const BUILDERS: ReadonlyMap<string, Builder> = new Map(
    [linearGrowthBuilder, sinusoidalBuilder, dailyFluctuationBuilder, volumeGrowthBuilder, hourlyValuesBuilder, weeklyValuesBuilder, constantBuilder].map(b => [b.name, b])
);

