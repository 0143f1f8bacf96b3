import { DateTime } from 'luxon';

const hourOfDate = new Map<string, number>();

/** Hours since 1970-01-01T00:00Z of a date (`2025-01-01` or `2025-01-01T10:00`) read as UTC. */
export function utcHourOf(isoDate: string): number {
    const cached = hourOfDate.get(isoDate);
    if (cached !== undefined) return cached;
    const date = DateTime.fromISO(isoDate, { zone: 'utc' });
    if (!date.isValid) throw new Error(`invalid date '${isoDate}' (${date.invalidExplanation ?? 'expected YYYY-MM-DD'})`);
    const hour = Math.floor(date.toMillis() / 3_600_000);
    hourOfDate.set(isoDate, hour);
    return hour;
}

/** `2025-01-01 00:00:00`, the way e-footprint prints a series' start. */
export function formatUtcHour(hour: number): string {
    return DateTime.fromMillis(hour * 3_600_000, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss');
}

const offsets = new Map<string, number | undefined>();

/** The time zone's offset from UTC at that hour, rounded to whole hours; undefined for an unknown zone. */
export function utcOffsetHours(timezone: string, utcHour: number): number | undefined {
    const key = `${timezone}@${utcHour}`;
    if (offsets.has(key)) return offsets.get(key);
    const date = DateTime.fromMillis(utcHour * 3_600_000, { zone: timezone });
    const offset = date.isValid ? Math.round(date.offset / 60) : undefined;
    offsets.set(key, offset);
    return offset;
}

const validZones = new Map<string, boolean>();

export function isValidTimezone(timezone: string): boolean {
    let valid = validZones.get(timezone);
    if (valid === undefined) validZones.set(timezone, (valid = DateTime.now().setZone(timezone).isValid));
    return valid;
}
