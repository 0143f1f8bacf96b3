import { describe, expect, it } from 'vitest';
import { readDateTime, utcHourOf } from '../../src/engine/series/calendar.js';

const hour = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) / 3_600_000;

/**
 * The one reader of dates and times for every place a date comes from (the model's start_date,
 * hourly_values and volume_growth start dates, scenario dates, CodeCarbon timestamps, e-footprint JSON):
 * a date that does not exist is refused, never rolled over to another one.
 */
describe('reading a date and time', () => {
    it('reads dates, times, seconds and fractions, to the hour (UTC)', () => {
        expect(readDateTime('2025-01-01')).toEqual({ ok: true, hour: hour(2025, 1, 1) });
        expect(readDateTime('2025-03-02T14:05')).toEqual({ ok: true, hour: hour(2025, 3, 2, 14) });
        expect(readDateTime('2026-03-02T14:05:19')).toEqual({ ok: true, hour: hour(2026, 3, 2, 14) });
        expect(readDateTime('2025-01-14 09:12:41.123456')).toEqual({ ok: true, hour: hour(2025, 1, 14, 9) });
        expect(readDateTime('2024-02-29')).toEqual({ ok: true, hour: hour(2024, 2, 29) });
        // the year as written, not 1925
        expect(readDateTime('0025-01-01')).toEqual({ ok: true, hour: Math.floor(new Date('0025-01-01T00:00:00Z').getTime() / 3_600_000) });
        expect(utcHourOf('2025-01-01')).toBe(hour(2025, 1, 1));
    });

    it('refuses dates that do not exist instead of rolling them over', () => {
        expect(readDateTime('2025-02-30')).toEqual({ ok: false, problem: '2025-02-30 is not a date: February 2025 has 28 days' });
        expect(readDateTime('2025-02-29')).toEqual({ ok: false, problem: '2025-02-29 is not a date: February 2025 has 28 days' });
        expect(readDateTime('2025-04-31T10:00')).toEqual({ ok: false, problem: '2025-04-31T10:00 is not a date: April 2025 has 30 days' });
        expect(readDateTime('2025-13-01')).toEqual({ ok: false, problem: '2025-13-01 is not a date: there is no month 13' });
        expect(readDateTime('2025-00-10')).toEqual({ ok: false, problem: '2025-00-10 is not a date: there is no month 00' });
        expect(readDateTime('2025-01-00')).toEqual({ ok: false, problem: '2025-01-00 is not a date: there is no day 00' });
        expect(readDateTime('2025-02-30T25:61')).toEqual({ ok: false, problem: '2025-02-30T25:61 is not a date: February 2025 has 28 days' });
        expect(readDateTime('2025-01-01T24:00')).toEqual({ ok: false, problem: '2025-01-01T24:00 is not a time: hours go from 00 to 23' });
        expect(readDateTime('2025-01-01T10:60')).toEqual({ ok: false, problem: '2025-01-01T10:60 is not a time: minutes go from 00 to 59' });
        expect(readDateTime('2025-01-01T10:00:60')).toEqual({ ok: false, problem: '2025-01-01T10:00:60 is not a time: seconds go from 00 to 59' });
        expect(() => utcHourOf('2025-02-30')).toThrow('2025-02-30 is not a date: February 2025 has 28 days');
    });

    it('refuses other forms', () => {
        for (const text of ['20250101', '2025-W01', '2025-001', '2025-1-1', '2025-01-01T10', '2025-01-01T10:00+02:00', '', ' ', 'tomorrow', '2025-01-01 junk']) {
            expect(readDateTime(text), text).toEqual({ ok: false, problem: `${JSON.stringify(text)} is not a date like 2025-01-01 or 2025-01-01T10:00` });
        }
    });
});
