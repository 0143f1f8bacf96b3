import type { Resolution } from './messages.js';

const MS_PER_HOUR = 3_600_000;

/** `2025-01-01T00:00Z`: an hour since the epoch as ISO 8601 UTC (what spreadsheets and pandas read). */
export function isoHour(hour: number): string {
    return new Date(hour * MS_PER_HOUR).toISOString().slice(0, 16) + 'Z';
}

/** The date of an hour since the epoch, UTC: `2025-01-01`. */
export function isoDate(hour: number): string {
    return new Date(hour * MS_PER_HOUR).toISOString().slice(0, 10);
}

/** A bucket's first hour as much as the resolution says: `2025-03-01 14:00 UTC`, `2025-03-01`, `2025-03`, `2025`. */
export function bucketLabel(hour: number, resolution: Resolution): string {
    const iso = new Date(hour * MS_PER_HOUR).toISOString();
    switch (resolution) {
        case 'hour': return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
        case 'day': return iso.slice(0, 10);
        case 'month': return iso.slice(0, 7);
        case 'year': return iso.slice(0, 4);
    }
}

const DAY = 86_400;

/**
 * A time-axis tick (seconds since the epoch, UTC) in ISO order, as precise as the ticks' spacing
 * (`increment`, seconds) needs: `2025`, `2025-03`, `03-14`, `14:00`. Where the year (or the day)
 * changes from the previous tick it goes on a second line, so the axis never reads as an ambiguous `3/4`.
 */
export function axisTimeLabel(seconds: number, increment: number, previous?: number): string {
    const iso = new Date(seconds * 1000).toISOString();
    const before = previous === undefined ? undefined : new Date(previous * 1000).toISOString();
    if (increment >= 360 * DAY) return iso.slice(0, 4);
    if (increment >= 28 * DAY) return iso.slice(0, 7);
    if (increment >= DAY) return before?.slice(0, 4) === iso.slice(0, 4) ? iso.slice(5, 10) : `${iso.slice(5, 10)}\n${iso.slice(0, 4)}`;
    return before?.slice(0, 10) === iso.slice(0, 10) ? iso.slice(11, 16) : `${iso.slice(11, 16)}\n${iso.slice(0, 10)}`;
}
