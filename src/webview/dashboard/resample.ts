import type { Resolution } from './messages.js';

const MS_PER_HOUR = 3_600_000;

/**
 * A modeling period cut along the UTC calendar: each bucket is an hour, a day, a month or a year,
 * except the first and last, which stop at the period's ends.
 */
export interface TimeBuckets {
    /** First hour of each bucket, in hours since 1970-01-01 UTC. */
    readonly starts: Float64Array;
    /** Index in the hourly values where each bucket begins, then the period's length (one more than `starts`). */
    readonly offsets: Int32Array;
}

/** The first hour (since the epoch, UTC) of the calendar bucket after the one holding `hour`. */
function nextBoundary(hour: number, resolution: Resolution): number {
    switch (resolution) {
        case 'hour': return hour + 1;
        case 'day': return (Math.floor(hour / 24) + 1) * 24;
        case 'month': {
            const d = new Date(hour * MS_PER_HOUR);
            return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_HOUR;
        }
        case 'year': {
            const d = new Date(hour * MS_PER_HOUR);
            return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / MS_PER_HOUR;
        }
    }
}

/** The buckets of `hours` hours starting at `periodStart` (hours since the epoch, UTC). */
export function calendarBuckets(periodStart: number, hours: number, resolution: Resolution): TimeBuckets {
    const end = periodStart + hours;
    const starts: number[] = [];
    const offsets: number[] = [];
    for (let h = periodStart; h < end; h = Math.min(nextBoundary(h, resolution), end)) {
        starts.push(h);
        offsets.push(h - periodStart);
    }
    offsets.push(hours);
    return { starts: Float64Array.from(starts), offsets: Int32Array.from(offsets) };
}

/** Hourly kg CO2e summed over each bucket: kg CO2e per day, month or year. */
export function resample(hourly: Float64Array, buckets: TimeBuckets): Float64Array {
    const n = buckets.starts.length;
    if (n === hourly.length) return hourly;
    const sums = new Float64Array(n);
    const { offsets } = buckets;
    for (let b = 0; b < n; b++) {
        let sum = 0;
        const to = Math.min(offsets[b + 1], hourly.length);
        for (let i = offsets[b]; i < to; i++) sum += hourly[i];
        sums[b] = sum;
    }
    return sums;
}
