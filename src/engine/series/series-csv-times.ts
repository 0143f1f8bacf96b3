/**
 * The time column of a series read from a CSV file: each row is an hour (`2025-01-01T10:00:00Z`,
 * `2025-01-01T11:00:00+01:00`, or `2025-01-01 10:00` with a time zone given), a day (`2025-01-01`) or a
 * month (`2025-01`). This module reads one cell into a place on the series' clock; the reader of the file
 * (series-csv.ts) checks that the rows follow each other.
 *
 * The series' clock: efp's series carry no time zone (a usage pattern reads its series in its country's
 * local time and shifts it to UTC by the offset at the series' start, as e-footprint does). A file's
 * times are instants; they are laid on a clock with one fixed offset, that of the file's first time. A
 * file written in one offset (`Z` throughout, as efp writes them) keeps its hours as written; a file that
 * crosses a daylight-saving change (`+01:00` then `+02:00`) stays one hour a row, with no gap nor
 * repeated hour, the hours after the change moved to the first offset.
 */
import { DateTime } from 'luxon';
import { readDateTime } from './calendar.js';
import { showInvisibleCharacters } from '../text/invisible-characters.js';

/** What a row of the file stands for. */
export type RowGranularity = 'hour' | 'day' | 'month';

/** A time cell, read: its granularity and, for an hour, the instant and the offset it was written in. */
export type TimeCell =
    | { readonly granularity: 'hour'; readonly instantMinutes: number; readonly offsetMinutes: number }
    /** `index`: days since 1970-01-01 for a day, months since January 1970 for a month. */
    | { readonly granularity: 'day' | 'month'; readonly index: number };

export type TimeCellReading = { readonly ok: true; readonly cell: TimeCell } | { readonly ok: false; readonly problem: string; readonly hint?: string };

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A date, `T` or a space, hours and minutes, optional seconds and fraction, optional `Z` or offset. */
const HOUR = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const FORMS = 'an hour such as 2025-01-01T10:00:00Z or 2025-01-01T11:00:00+01:00, a day such as 2025-01-01 or a month such as 2025-01';

/**
 * Reads a time cell. `timezone` (an IANA name, checked by the caller) places times written without an
 * offset; `after` is the instant (minutes) of the row before, which settles the hour a clock shows twice
 * when it goes back (the second 02:00 of the night is the later one).
 */
export function readTimeCell(text: string, timezone: string | undefined, after: number | undefined): TimeCellReading {
    const cell = text.trim();
    const month = MONTH.exec(cell);
    if (month) {
        const m = Number(month[2]);
        if (m < 1 || m > 12) return { ok: false, problem: `${cell} is not a month: there is no month ${month[2]}` };
        return { ok: true, cell: { granularity: 'month', index: (Number(month[1]) - 1970) * 12 + m - 1 } };
    }
    if (DAY.test(cell)) {
        const read = readDateTime(cell);
        if (!read.ok) return { ok: false, problem: read.problem };
        return { ok: true, cell: { granularity: 'day', index: read.hour / 24 } };
    }
    const hour = HOUR.exec(cell);
    if (!hour) return { ok: false, problem: `${quoted(cell)} is not ${FORMS}` };
    const [, date, hh, mm, ss, fraction, zone] = hour;
    const day = readDateTime(date);
    if (!day.ok) return { ok: false, problem: day.problem };
    if (Number(hh) > 23) return { ok: false, problem: `${cell} is not a time: hours go from 00 to 23` };
    if (Number(mm) > 59 || Number(ss ?? 0) > 59) return { ok: false, problem: `${cell} is not a time: minutes and seconds go from 00 to 59` };
    if (Number(ss ?? 0) !== 0 || Number(fraction ?? 0) !== 0) {
        return { ok: false, problem: `${cell} is not the start of an hour`, hint: 'Each row is one hour, written as its first minute: 10:00:00, not 10:00:30.' };
    }
    const localMinutes = day.hour * 60 + Number(hh) * 60 + Number(mm);
    if (zone !== undefined) {
        const offset = offsetMinutes(zone);
        if (offset === undefined) return { ok: false, problem: `${cell} has an offset of more than 18 hours` };
        return { ok: true, cell: { granularity: 'hour', instantMinutes: localMinutes - offset, offsetMinutes: offset } };
    }
    if (timezone === undefined) {
        return {
            ok: false, problem: `${cell} has no time zone`,
            hint: 'Write the times with their offset (2025-01-01T10:00:00Z, 2025-01-01T11:00:00+01:00), or give the zone they are in: `timezone: "Europe/Paris"`.'
        };
    }
    return inZone(cell, localMinutes, timezone, after);
}

/** `Z` → 0, `+01:00`, `+0100`, `+01` → 60, `-05:30` → -330; undefined past ±18 h (ISO 8601's bound). */
function offsetMinutes(zone: string): number | undefined {
    if (zone === 'Z' || zone === 'z') return 0;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2)), minutes = Number(digits.slice(2) || '0');
    if (minutes > 59 || hours * 60 + minutes > 18 * 60) return undefined;
    return sign * (hours * 60 + minutes);
}

/**
 * A wall-clock time in a zone, as an instant. A time the clocks skip (02:30 the night they go forward)
 * is refused; a time they show twice (02:30 the night they go back) is the earlier of the two, unless the
 * row before is that one or later.
 */
function inZone(cell: string, localMinutes: number, timezone: string, after: number | undefined): TimeCellReading {
    const wall = DateTime.fromMillis(localMinutes * 60_000, { zone: 'utc' });
    const placed = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone: timezone });
    if (!placed.isValid) return { ok: false, problem: `${cell} cannot be placed in ${timezone}` };
    if (placed.hour !== wall.hour || placed.minute !== wall.minute || placed.day !== wall.day) {
        return {
            ok: false, problem: `${cell} does not exist in ${timezone}: the clocks skip that hour`,
            hint: 'Delete the row: the night the clocks go forward has 23 hours.'
        };
    }
    const later = Math.round(placed.toMillis() / 60_000);
    // the same wall time an hour earlier, in the offset before the clocks went back
    const earlier = later - 60;
    const shown = DateTime.fromMillis(earlier * 60_000, { zone: timezone });
    const candidates = shown.hour === wall.hour && shown.minute === wall.minute && shown.day === wall.day ? [earlier, later] : [later];
    const instant = candidates.find(c => after === undefined || c > after) ?? candidates[candidates.length - 1];
    const offset = Math.round(DateTime.fromMillis(instant * 60_000, { zone: timezone }).offset);
    return { ok: true, cell: { granularity: 'hour', instantMinutes: instant, offsetMinutes: offset } };
}

/** A cell in a message: quoted, invisible characters escaped, cut when long (a cell may hold megabytes). */
export function quoted(text: string): string {
    return `\`${showInvisibleCharacters(text.length > 40 ? `${text.slice(0, 40)}…` : text)}\``;
}
