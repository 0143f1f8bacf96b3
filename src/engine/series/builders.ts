import { HourlySeries } from './hourly-series.js';
import { newValues } from './series-memory.js';

/**
 * e-footprint's time-series builders. Each produces `length` hourly values starting at `start`
 * (hours since epoch, UTC); `length` is int(modeling duration in hours) unless stated otherwise.
 */

/** Fills `values` by repeating its first `period` values, doubling the copied block each time. */
function repeatPrefix(values: Float64Array, period: number): void {
    for (let filled = period; filled < values.length; filled *= 2) {
        values.copyWithin(filled, 0, Math.min(filled, values.length - filled));
    }
}

/** Evenly spaced values from `from` to `to`, both included (numpy's linspace). */
export function linearGrowth(start: number, length: number, from: number, to: number): HourlySeries {
    const out = newValues(length, false);
    const step = length > 1 ? (to - from) / (length - 1) : 0;
    for (let t = 0; t < length; t++) out[t] = from + step * t;
    if (length > 1) out[length - 1] = to;
    return new HourlySeries(start, out);
}

/** `amplitude · sin(2π t / period)`, period in hours. */
export function sinusoidalFluctuation(start: number, length: number, amplitude: number, periodHours: number): HourlySeries {
    const out = newValues(length, false);
    const w = (2 * Math.PI) / periodHours;
    // a whole number of hours per period repeats exactly: compute one period and copy it
    const cycle = Number.isInteger(periodHours) && periodHours < length ? periodHours : length;
    for (let t = 0; t < cycle; t++) out[t] = amplitude * Math.sin(w * t);
    repeatPrefix(out, cycle);
    return new HourlySeries(start, out);
}

/**
 * A daily cycle around 1: `1 + scale · sin(3π/2 + 2π (h − minHour) / 24)` with h the hour of the day,
 * lowest at `minHour` and highest twelve hours later.
 */
export function dailyFluctuation(start: number, length: number, scale: number, minHour: number): HourlySeries {
    const out = newValues(length, false);
    const startHourOfDay = ((start % 24) + 24) % 24;
    const byHour = new Float64Array(24);
    for (let h = 0; h < 24; h++) byHour[h] = 1 + scale * Math.sin((3 * Math.PI) / 2 + (2 * Math.PI * (h - minHour)) / 24);
    for (let t = 0; t < Math.min(24, length); t++) out[t] = byHour[(startHourOfDay + t) % 24];
    repeatPrefix(out, 24);
    return new HourlySeries(start, out);
}

/** A timespan of e-footprint's form inputs, counted in days the way e-footprint counts them. */
export type FormTimespan = 'day' | 'week' | 'month' | 'year';
export const DAYS_IN_FORM_TIMESPAN: Record<FormTimespan, number> = { day: 1, week: 7, month: 30, year: 365 };

/**
 * e-footprint's form inputs: a volume of `initialVolume` per `volumeTimespan` at the start, growing by
 * `growthPercent` % per `growthTimespan`, over `durationValue` `durationTimespan`s (months of 30 days,
 * years of 365). Each day's volume is spread evenly over its 24 hours.
 */
export function volumeGrowth(start: number, durationValue: number, durationTimespan: FormTimespan,
    initialVolume: number, volumeTimespan: FormTimespan, growthPercent: number, growthTimespan: FormTimespan): HourlySeries {
    const days = Math.trunc(durationValue * DAYS_IN_FORM_TIMESPAN[durationTimespan]);
    const dailyGrowth = (1 + growthPercent / 100) ** (1 / DAYS_IN_FORM_TIMESPAN[growthTimespan]);
    const daysInVolumeSpan = DAYS_IN_FORM_TIMESPAN[volumeTimespan];
    const spread = dailyGrowth === 1 ? daysInVolumeSpan : (dailyGrowth ** daysInVolumeSpan - 1) / (dailyGrowth - 1);
    const firstDay = initialVolume / spread;
    const out = newValues(days * 24, false);
    for (let d = 0; d < days; d++) {
        out.fill((firstDay * dailyGrowth ** d) / 24, d * 24, d * 24 + 24);
    }
    return new HourlySeries(start, out);
}
