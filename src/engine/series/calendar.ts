import { DateTime } from 'luxon';

/** Hours since 1970-01-01T00:00Z of a date (`2025-01-01` or `2025-01-01T10:00`) read as UTC. */
export function utcHourOf(isoDate: string): number {
    const date = DateTime.fromISO(isoDate, { zone: 'utc' });
    if (!date.isValid) throw new Error(`invalid date '${isoDate}' (${date.invalidExplanation ?? 'expected YYYY-MM-DD'})`);
    return Math.floor(date.toMillis() / 3_600_000);
}

/** `2025-01-01 00:00:00`, the way e-footprint prints a series' start. */
export function formatUtcHour(hour: number): string {
    return DateTime.fromMillis(hour * 3_600_000, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The time zone's offset from UTC at that hour, rounded to whole hours; undefined for an unknown zone. */
export function utcOffsetHours(timezone: string, utcHour: number): number | undefined {
    const date = DateTime.fromMillis(utcHour * 3_600_000, { zone: timezone });
    if (!date.isValid) return undefined;
    return Math.round(date.offset / 60);
}

export function isValidTimezone(timezone: string): boolean {
    return DateTime.now().setZone(timezone).isValid;
}
