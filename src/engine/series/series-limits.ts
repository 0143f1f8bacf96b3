/**
 * How much time the engine computes over. Every hourly series is an array of doubles, one per hour, so a
 * duration or a date is a size in memory: these limits keep a typo (`20000 year` for `20000 min`, a run
 * dated 9999) from turning into gigabytes. Each is stated in the messages that enforce it.
 */
import { parseUnit } from '../units/unit.js';

/** Hours in the unit `year` (e-footprint's 365.25 days). */
const HOURS_IN_A_YEAR = parseUnit('year').factor / 3600;

/** Years in so many hours. */
export function yearsOf(hours: number): number {
    return hours / HOURS_IN_A_YEAR;
}

/** The longest modeling period: 100 years of hours. Dates in a model lie within 100 years of its start too. */
export const MAX_MODELING_YEARS = 100;
export const MAX_MODELING_HOURS = MAX_MODELING_YEARS * HOURS_IN_A_YEAR;

/**
 * The most hours one series may span: an `hourly_values` list's values, or the hours a computed value
 * covers (a sum of series far apart in time covers all the hours between them). 2,000,000 hours, 228
 * years, 16 MB a series: room for a modeling period of 100 years spread by durations as long again, or a
 * million measured hours, and far below what a typo asks for.
 */
export const MAX_SERIES_HOURS = 2_000_000;

/** A series the engine refuses to make; the model reports it on the value that asked for it. */
export class SeriesLimitError extends Error {
    readonly hint = 'Check the dates and durations it depends on: they place its values too far apart.';
}

/** `2,000,000` (the series layer's own: model/value-format's formatNumber is above it) */
function formatCount(n: number): string {
    return Math.round(n).toLocaleString('en-US');
}

/** `2,000,000 hours (228 years)` */
export function describeHours(hours: number): string {
    return `${formatCount(hours)} hours (${formatCount(Math.floor(yearsOf(hours)))} years)`;
}

/** Throws unless `hours` is a number of hours a series may have. */
export function checkSeriesLength(hours: number): void {
    if (!Number.isSafeInteger(hours) || hours < 0) {
        if (Number.isFinite(hours) && hours > MAX_SERIES_HOURS) throw tooLong(Math.ceil(hours));
        throw new SeriesLimitError(`a series cannot have ${hours} hours`);
    }
    if (hours > MAX_SERIES_HOURS) throw tooLong(hours);
}

function tooLong(hours: number): SeriesLimitError {
    return new SeriesLimitError(`its hours would span ${describeHours(hours)}, more than the ${formatCount(MAX_SERIES_HOURS)} `
        + `(${formatCount(Math.floor(yearsOf(MAX_SERIES_HOURS)))} years) a series may hold`);
}
