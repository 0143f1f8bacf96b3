/**
 * `hourly_values(file: "traffic.csv", column: "visits")`: an hourly series read from a CSV file
 * (series/series-csv.ts says what the file holds and how its rows are read). The front end reads the file
 * relative to the .efp that names it and gives its text in the description's `files`, keyed by
 * `dataFileKey`; this module finds it there, reads it with the call's arguments and reports its problems
 * on the `file:` argument (or on the argument that does not fit the file), naming the CSV line.
 *
 * The values carry no unit: the series is a plain number each hour, as the counts of a usage pattern
 * are. An input with a unit takes the call times one unit: `hourly_values(file: …) * 1 kWh`.
 */
import { Dimension } from '../units/dimension.js';
import { isValidTimezone } from '../series/calendar.js';
import { dayProfile, FLAT_PROFILE, HOURS_IN_DAY } from '../series/day-profile.js';
import { HourlySeries } from '../series/hourly-series.js';
import { readSeriesCsv, type SeriesCsvOptions, type SeriesCsvProblem, type SeriesCsvReading } from '../series/series-csv.js';
import { MAX_MODELING_HOURS, MAX_MODELING_YEARS } from '../series/series-limits.js';
import { newValues } from '../series/series-memory.js';
import { dataFileKey, fileName } from './data-file-key.js';
import type { ArgumentDescription, DataFileContent, ExprDescription, Origin } from './description.js';
import { didYouMean, didYouMeanHint, ModelError, suggestionData } from './diagnostics.js';
import type { ExpressionEnvironment } from './expression.js';
import { hourly, type NumericValue } from './values.js';

type CallExpr = Extract<ExprDescription, { kind: 'call' }>;

/** The builder and argument that name a file. */
export const SERIES_FILE_BUILDER = 'hourly_values';
export const SERIES_FILE_ARGUMENT = 'file';

/** The arguments that only go with `file:`. */
export const FILE_ONLY_ARGUMENTS: readonly string[] = ['column', 'time_column', 'timezone', 'profile'];

function textArgument(arg: ArgumentDescription | undefined, what: string, call: CallExpr): string | undefined {
    if (!arg) return undefined;
    if (arg.value.kind !== 'text') {
        throw new ModelError('bad-argument', `hourly_values: '${arg.name}' is ${what} in quotes`, arg.value.origin ?? arg.origin ?? call.origin);
    }
    return arg.value.value;
}

/** `profile: "flat"` or `profile: [24 weights]`, as shares of a day. */
function profileOf(arg: ArgumentDescription | undefined, evaluate: (e: ExprDescription) => NumericValue, call: CallExpr): Float64Array | undefined {
    if (!arg) return undefined;
    const where = arg.value.origin ?? arg.origin ?? call.origin;
    if (arg.value.kind === 'text') {
        if (arg.value.value === 'flat') return FLAT_PROFILE;
        throw new ModelError('bad-argument', `hourly_values: unknown profile "${arg.value.value.slice(0, 40)}"`, where,
            'Write `profile: "flat"` (the same share each hour) or `profile: [ … ]` with 24 weights, one per hour from 00:00.');
    }
    if (arg.value.kind !== 'list') {
        throw new ModelError('bad-argument', 'hourly_values: profile is "flat" or a list of 24 weights', where);
    }
    if (arg.value.items.length !== HOURS_IN_DAY) {
        throw new ModelError('bad-argument', `hourly_values: a profile has ${HOURS_IN_DAY} weights, one per hour from 00:00; this one has ${arg.value.items.length}`, where);
    }
    const weights: number[] = [];
    for (const item of arg.value.items) {
        const v = evaluate(item);
        if (v.kind !== 'quantity' || !v.dimension.isDimensionless) {
            throw new ModelError('bad-argument', 'hourly_values: the weights of a profile are plain numbers', item.origin ?? where);
        }
        weights.push(v.value);
    }
    const read = dayProfile(weights);
    if (!read.ok) throw new ModelError('bad-argument', `hourly_values: ${read.problem}`, where);
    return read.shares;
}

/** Each file's readings by their arguments: a model and its scenarios read a file once for each use. */
const readings = new WeakMap<DataFileContent, Map<string, SeriesCsvReading>>();

function readingOf(content: { readonly text: string }, options: SeriesCsvOptions): SeriesCsvReading {
    let byOptions = readings.get(content);
    if (!byOptions) readings.set(content, (byOptions = new Map()));
    const key = [options.column, options.timeColumn, options.timezone, options.profile?.join(' ')].join('\u0000');
    let reading = byOptions.get(key);
    if (!reading) byOptions.set(key, (reading = readSeriesCsv(content.text, options)));
    return reading;
}

/** A name that may be written back into the .efp by a quick fix: nothing a reader could not see. */
const PLAIN_NAME = /^[\w .-]{1,60}$/;

function problemError(problem: SeriesCsvProblem, path: string, args: Map<string, ArgumentDescription>, fileOrigin: Origin | undefined): ModelError {
    const at = problem.line !== undefined ? `${fileName(path)}:${problem.line}` : fileName(path);
    const arg = problem.argument ? args.get(problem.argument) : undefined;
    const origin = arg ? arg.value.origin ?? arg.origin ?? fileOrigin : fileOrigin;
    const written = arg?.value.kind === 'text' ? arg.value.value : undefined;
    if (written !== undefined && problem.columns) {
        const guess = didYouMean(written, problem.columns);
        const plain = guess !== undefined && PLAIN_NAME.test(guess) ? guess : undefined;
        return new ModelError('data-file', `${at}: ${problem.message}`, origin, plain ? didYouMeanHint(plain) : problem.hint, suggestionData(written, plain));
    }
    return new ModelError('data-file', `${at}: ${problem.message}`, origin, problem.hint);
}

/** Evaluates `hourly_values(file: …)` with its bound arguments. */
export function seriesFromFile(call: CallExpr, args: Map<string, ArgumentDescription>, env: ExpressionEnvironment,
    evaluate: (e: ExprDescription) => NumericValue): NumericValue {
    const fileArg = args.get(SERIES_FILE_ARGUMENT)!;
    const path = textArgument(fileArg, 'the path of a CSV file', call)!;
    const fileOrigin = fileArg.value.origin ?? fileArg.origin ?? call.origin;
    const timezone = textArgument(args.get('timezone'), 'a time zone name', call);
    if (timezone !== undefined && !isValidTimezone(timezone)) {
        throw new ModelError('bad-argument', `hourly_values: unknown time zone "${timezone.slice(0, 40)}"`, args.get('timezone')!.value.origin,
            'Use an IANA time zone name such as "Europe/Paris" or "America/New_York".');
    }
    const options: SeriesCsvOptions = {
        column: textArgument(args.get('column'), 'a column name', call),
        timeColumn: textArgument(args.get('time_column'), 'a column name', call),
        timezone,
        profile: profileOf(args.get('profile'), evaluate, call)
    };
    const content = fileOrigin && env.files?.[dataFileKey(fileOrigin.uri, path)];
    if (!content || 'error' in content) {
        throw new ModelError('data-file', `cannot read ${path}${content ? `: ${content.error}` : ''}`, fileOrigin,
            (content && 'error' in content ? content.hint : undefined) ?? 'The path is relative to this .efp file; check the file exists and can be read.');
    }
    const reading = readingOf(content, options);
    if (!reading.ok) throw problemError(reading.problem, path, args, fileOrigin);
    const series = reading.series;
    const distance = series.start - env.period.start;
    if (Math.abs(distance) > MAX_MODELING_HOURS) {
        throw new ModelError('out-of-range', `${fileName(path)}:${series.firstLine}: the series starts more than ${MAX_MODELING_YEARS} years `
            + `${distance > 0 ? 'after' : 'before'} the model`, fileOrigin, 'Dates in a model lie within 100 years of its start_date.');
    }
    // from the pool, counted in the model's memory budget like every hourly value
    const values = newValues(series.hours, false);
    series.fill(values);
    return hourly(new HourlySeries(series.start, values), Dimension.none);
}

/** A `file:` argument found in an expression: the path as written and where (its document). */
export interface NamedSeriesFile {
    readonly path: string;
    readonly origin: Origin;
}

/**
 * The files an expression's `hourly_values(file: …)` calls name, for the front end to read. Walks the
 * expression with a stack (expressions nest deep) and skips plain numbers (a list may hold a million).
 */
export function seriesFilesIn(expr: ExprDescription): NamedSeriesFile[] {
    const found: NamedSeriesFile[] = [];
    const stack: ExprDescription[] = [expr];
    while (stack.length > 0) {
        const e = stack.pop()!;
        switch (e.kind) {
            case 'call':
                for (const arg of e.args) {
                    if (e.function === SERIES_FILE_BUILDER && arg.name === SERIES_FILE_ARGUMENT && arg.value.kind === 'text') {
                        const origin = arg.value.origin ?? arg.origin;
                        if (origin) found.push({ path: arg.value.value, origin });
                    } else {
                        stack.push(arg.value);
                    }
                }
                break;
            case 'binary': stack.push(e.left, e.right); break;
            case 'negate': stack.push(e.operand); break;
            case 'convert': stack.push(e.expr); break;
            case 'list':
                for (const item of e.items) if (item.kind !== 'number') stack.push(item);
                break;
            default: break;
        }
    }
    return found;
}
