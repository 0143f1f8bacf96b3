import { HourlySeries } from './hourly-series.js';
import { newValues } from './series-memory.js';

/** Hours in a typical week: e-footprint's recurrent quantities have one value per hour of the week. */
export const HOURS_IN_WEEK = 168;

/**
 * A typical week is kept as an hourly series dated on the first Monday of 1970 at 00:00 (hour 96 since
 * the epoch, a Thursday): its index is the hour of the week counted from Monday 00:00, local time, and a
 * dump shows it as a week that starts on a Monday.
 */
export const TYPICAL_WEEK_START = 96;

/** Hour of the week (0 = Monday 00:00) of an hour counted since 1970-01-01T00:00Z (a Thursday). */
export function hourOfWeek(utcHour: number): number {
    return (((utcHour - TYPICAL_WEEK_START) % HOURS_IN_WEEK) + HOURS_IN_WEEK) % HOURS_IN_WEEK;
}

/** A typical week filled with one value. */
export function constantWeek(value: number): HourlySeries {
    return HourlySeries.constant(TYPICAL_WEEK_START, HOURS_IN_WEEK, value);
}

/**
 * The typical week replayed over `timespan`'s hours, e-footprint's `generate_hourly_quantities_over_timespan`:
 * hour i of the result takes the week's value at (hour of week of the timespan's start + i) mod 168, the
 * start being read as a UTC date; the caller then shifts the result from local time to UTC, as e-footprint
 * does, which puts local Monday 00:00 where it belongs.
 */
export function replayWeek(week: HourlySeries, start: number, length: number): HourlySeries {
    const out = newValues(length, false);
    const v = week.values;
    let h = hourOfWeek(start);
    for (let i = 0; i < length; i++) {
        out[i] = v[h];
        if (++h === HOURS_IN_WEEK) h = 0;
    }
    return new HourlySeries(start, out);
}
