import { Dimension } from '../units/dimension.js';
import { describeDimension } from '../units/dimension-names.js';
import { parseUnit } from '../units/unit.js';
import { HourlySeries } from '../series/hourly-series.js';
import { newValues } from '../series/series-memory.js';
import { readDateTime } from '../series/calendar.js';
import { checkSeriesLength, SeriesLimitError } from '../series/series-limits.js';
import type { DataFileContent, ExprDescription } from './description.js';
import { didYouMean, didYouMeanHint, ModelError, suggestionData } from './diagnostics.js';
import { add, divide, hourly, multiply, negate, quantity, subtract, ValueError, type Hourly, type NumericValue } from './values.js';
import { BUILDERS } from './builder-calls.js';

export type RefExpr = Extract<ExprDescription, { kind: 'ref' }>;

/** The modeling period: hourly series built by builders span it. */
export interface ModelPeriod {
    /** First hour (UTC, hours since epoch). */
    readonly start: number;
    /** int(modeling duration in hours). */
    readonly length: number;
    /** The duration as written (`3 year`), for e-footprint's form inputs which count in days. */
    readonly durationValue: number;
    readonly durationUnit: string;
}

/** What an expression needs from the model around it. */
export interface ExpressionEnvironment {
    readonly period: ModelPeriod;
    /** Value of a referenced attribute. */
    valueOfRef(ref: RefExpr): NumericValue;
    /** Dimension of a referenced attribute, known before evaluation. */
    dimensionOfRef(ref: RefExpr): Dimension;
    /** The data files the model names, by `dataFileKey` (`hourly_values(file: …)` reads its file there). */
    readonly files?: Readonly<Record<string, DataFileContent>>;
}

function unitOf(text: string, origin: ExprDescription['origin']) {
    try {
        return parseUnit(text);
    } catch {
        throw new ModelError('unknown-unit', `unknown unit '${text}'`, origin, 'Use a unit such as W, kWh, kg, GB, h or year.');
    }
}

/** Evaluates an expression to a quantity or an hourly series (SI magnitudes). */
export function evaluateExpression(expr: ExprDescription, env: ExpressionEnvironment): NumericValue {
    try {
        return evaluate(expr, env, new Set());
    } catch (e) {
        if (e instanceof ValueError) throw new ModelError('evaluation-error', e.message, expr.origin);
        throw e;
    }
}

/**
 * `temporaries` holds the series this evaluation created and nothing else refers to yet: arithmetic
 * may overwrite them in place instead of allocating (a builder expression such as
 * `(linear_growth(…) + sinusoidal(…)) * daily_fluctuation(…)` then allocates once per builder).
 */
function evaluate(expr: ExprDescription, env: ExpressionEnvironment, temporaries: Set<HourlySeries>): NumericValue {
    switch (expr.kind) {
        case 'number': {
            const unit = unitOf(expr.unit ?? '', expr.origin);
            return quantity(expr.value * unit.factor, unit.dimension);
        }
        case 'unit': {
            const unit = unitOf(expr.unit, expr.origin);
            return quantity(unit.factor, unit.dimension);
        }
        case 'ref':
            return env.valueOfRef(expr);
        case 'negate':
            return negate(evaluate(expr.operand, env, temporaries));
        case 'binary': {
            const left = evaluate(expr.left, env, temporaries);
            const right = evaluate(expr.right, env, temporaries);
            try {
                const inPlace = combineInPlace(expr.operator, left, right, temporaries);
                if (inPlace) return inPlace;
                let result: NumericValue;
                switch (expr.operator) {
                    case '+': result = add(left, right); break;
                    case '-': result = subtract(left, right); break;
                    case '*': result = multiply(left, right); break;
                    case '/': result = divide(left, right); break;
                }
                // a result sharing an operand's array (x * 1, x + empty) is not a temporary of ours
                if (result.kind === 'hourly' && !sharesArray(result, left) && !sharesArray(result, right)) temporaries.add(result.series);
                return result;
            } catch (e) {
                if (e instanceof ValueError) throw new ModelError('evaluation-error', e.message, expr.origin);
                throw e;
            }
        }
        case 'convert':
            return evaluate(expr.expr, env, temporaries);
        case 'call': {
            const builder = BUILDERS.get(expr.function);
            if (!builder) throw unknownFunction(expr);
            const result = builder.evaluate(expr, env, e => evaluate(e, env, temporaries));
            if (result.kind === 'hourly') temporaries.add(result.series);
            return result;
        }
        case 'series': {
            // values read from a data file (a measurement's runs), checked as any series
            const unit = unitOf(expr.unit, expr.origin);
            const start = readDateTime(expr.start);
            if (!start.ok) throw new ModelError('invalid-value', start.problem, expr.origin);
            try {
                checkSeriesLength(expr.values.length);
            } catch (e) {
                if (e instanceof SeriesLimitError) throw new ModelError('out-of-range', e.message, expr.origin, e.hint);
                throw e;
            }
            const values = newValues(expr.values.length, false);
            for (let i = 0; i < values.length; i++) values[i] = expr.values[i] * unit.factor;
            return hourly(new HourlySeries(start.hour, values), unit.dimension);
        }
        case 'list':
            throw new ModelError('invalid-value', 'a list is not a number', expr.origin, 'Lists go in inputs that take several objects, such as `devices` or `jobs`.');
        case 'text':
            throw new ModelError('invalid-value', 'a text is not a number', expr.origin);
        case 'date':
            throw new ModelError('invalid-value', 'a date is not a number', expr.origin);
        case 'symbol':
            throw new ModelError('invalid-value', `'${expr.name}' is not a number`, expr.origin);
    }
}

function sharesArray(a: Hourly, b: NumericValue): boolean {
    return b.kind === 'hourly' && a.series.base === b.series.base;
}

/** `+ - * ` of two series over the same hours, written into the left one when it is a temporary. */
function combineInPlace(operator: string, left: NumericValue, right: NumericValue, temporaries: Set<HourlySeries>): NumericValue | undefined {
    if (operator === '/' || left.kind !== 'hourly' || right.kind !== 'hourly' || !temporaries.has(left.series)) return undefined;
    const a = left.series, b = right.series;
    // only an unscaled temporary owns its array outright
    if (a.factor !== 1 || a.start !== b.start || a.length !== b.length) return undefined;
    if (operator !== '*' && !left.dimension.equals(right.dimension)) return undefined; // let add() report it
    const x = a.base, y = b.base, k = b.factor;
    if (operator === '+') for (let i = 0; i < x.length; i++) x[i] += k * y[i];
    else if (operator === '-') for (let i = 0; i < x.length; i++) x[i] -= k * y[i];
    else for (let i = 0; i < x.length; i++) x[i] *= k * y[i];
    return operator === '*' ? hourly(a, left.dimension.multiply(right.dimension)) : left;
}

function unknownFunction(expr: Extract<ExprDescription, { kind: 'call' }>): ModelError {
    const guess = didYouMean(expr.function, BUILDERS.keys());
    return new ModelError('unknown-function', `unknown function '${expr.function}'`, expr.origin,
        guess ? didYouMeanHint(guess) : `Available: ${[...BUILDERS.keys()].join(', ')}.`, suggestionData(expr.function, guess));
}

/**
 * The dimension of an expression, worked out without evaluating it. Throws a located ModelError for
 * sums of different dimensions and other misuse.
 */
export function inferDimension(expr: ExprDescription, env: ExpressionEnvironment): Dimension {
    switch (expr.kind) {
        case 'number': return unitOf(expr.unit ?? '', expr.origin).dimension;
        case 'unit': return unitOf(expr.unit, expr.origin).dimension;
        case 'series': return unitOf(expr.unit, expr.origin).dimension;
        case 'ref': return env.dimensionOfRef(expr);
        case 'negate': return inferDimension(expr.operand, env);
        case 'convert': {
            const inner = inferDimension(expr.expr, env);
            const target = unitOf(expr.unit, expr.origin).dimension;
            if (!inner.equals(target)) {
                throw new ModelError('dimension-mismatch', `cannot show ${describeDimension(inner)} in ${expr.unit}, which is ${describeDimension(target)}`, expr.origin);
            }
            return inner;
        }
        case 'binary': {
            const left = inferDimension(expr.left, env);
            const right = inferDimension(expr.right, env);
            if (expr.operator === '*') return left.multiply(right);
            if (expr.operator === '/') return left.divide(right);
            if (!left.equals(right)) {
                throw new ModelError('dimension-mismatch',
                    `cannot ${expr.operator === '+' ? 'add' : 'subtract'} ${describeDimension(left)} and ${describeDimension(right)}`, expr.origin,
                    'Both sides of + and - must measure the same thing.');
            }
            return left;
        }
        case 'call': {
            const builder = BUILDERS.get(expr.function);
            if (!builder) throw unknownFunction(expr);
            return builder.dimension(expr, e => inferDimension(e, env));
        }
        case 'list':
        case 'text':
        case 'date':
        case 'symbol':
            return Dimension.none;
    }
}

/** Every reference an expression makes, in order. */
export function collectRefs(expr: ExprDescription, into: RefExpr[] = []): RefExpr[] {
    switch (expr.kind) {
        case 'ref': into.push(expr); break;
        case 'negate': collectRefs(expr.operand, into); break;
        case 'convert': collectRefs(expr.expr, into); break;
        case 'binary': collectRefs(expr.left, into); collectRefs(expr.right, into); break;
        case 'call': expr.args.forEach(a => collectRefs(a.value, into)); break;
        case 'list': expr.items.forEach(i => collectRefs(i, into)); break;
        default: break;
    }
    return into;
}

/**
 * The unit an expression is written in, when it is a plain quantity (`800 MB`, `0.05 kWh/GB`,
 * `7 h/day`, `300 W in kW`); used to echo inputs in the unit the user chose.
 */
export function writtenUnit(expr: ExprDescription): string | undefined {
    switch (expr.kind) {
        case 'number': return expr.unit ?? '';
        case 'unit': return expr.unit;
        case 'convert': return expr.unit;
        case 'negate': return writtenUnit(expr.operand);
        case 'binary': {
            if (expr.operator !== '/' && expr.operator !== '*') return undefined;
            const left = writtenUnit(expr.left);
            if (left === undefined || expr.right.kind !== 'unit') return undefined;
            return left === '' ? `dimensionless${expr.operator}${expr.right.unit}` : `${left}${expr.operator}${expr.right.unit}`;
        }
        default: return undefined;
    }
}
