import { DateTime } from 'luxon';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date and time read from text, to the hour (UTC), or why the text is not one. */
export type DateTimeReading = { readonly ok: true; readonly hour: number } | { readonly ok: false; readonly problem: string };

/** `2025-01-01`, `2025-01-01T10:00`, `2025-01-01 10:00:00`, `2025-01-14T09:12:41.123456`. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * The one reader of dates and times, wherever they come from: the model's dates, series' start dates,
 * scenario dates, CodeCarbon timestamps, e-footprint JSON. A day or time that does not exist
 * (2025-02-30, 25:00) is refused rather than rolled over to another, as `Date` would; a time zone is
 * refused rather than guessed at. Read as UTC, to the hour (minutes and seconds dropped).
 */
export function readDateTime(text: string): DateTimeReading {
    const m = DATE_TIME.exec(text);
    if (!m) return { ok: false, problem: `${JSON.stringify(text)} is not a date like 2025-01-01 or 2025-01-01T10:00` };
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const notDate = (why: string) => ({ ok: false as const, problem: `${text} is not a date: ${why}` });
    if (month < 1 || month > 12) return notDate(`there is no month ${m[2]}`);
    const days = daysInMonth(year, month);
    if (day < 1) return notDate(`there is no day ${m[3]}`);
    if (day > days) return notDate(`${MONTHS[month - 1]} ${m[1]} has ${days} days`);
    const notTime = (unit: string, top: number) => ({ ok: false as const, problem: `${text} is not a time: ${unit} go from 00 to ${top}` });
    if (m[4] !== undefined && Number(m[4]) > 23) return notTime('hours', 23);
    if (m[5] !== undefined && Number(m[5]) > 59) return notTime('minutes', 59);
    if (m[6] !== undefined && Number(m[6]) > 59) return notTime('seconds', 59);
    return { ok: true, hour: daysSinceEpoch(year, month, day) * 24 + (m[4] === undefined ? 0 : Number(m[4])) };
}

function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

/** Hours since 1970-01-01T00:00Z of a date (`2025-01-01` or `2025-01-01T10:00`) read as UTC; throws why it is not one. */
export function utcHourOf(isoDate: string): number {
    const read = readDateTime(isoDate);
    if (!read.ok) throw new Error(read.problem);
    return read.hour;
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
