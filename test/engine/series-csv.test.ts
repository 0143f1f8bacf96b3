import { describe, expect, it } from 'vitest';
import { readSeriesCsv, type SeriesCsvOptions } from '../../src/engine/series/series-csv.js';
import { dayProfile, FLAT_PROFILE } from '../../src/engine/series/day-profile.js';
import { formatSeriesCsv, isSeriesColumnName } from '../../src/engine/series/series-csv-format.js';
import { utcHourOf } from '../../src/engine/series/calendar.js';
import { MAX_SERIES_HOURS } from '../../src/engine/series/series-limits.js';

/**
 * Series read from CSV files (src/engine/series/series-csv.ts): the rows' times on the series' clock (the
 * offset of the first row), days and months spread by a profile, and every problem on its CSV line.
 */
function read(text: string, options: SeriesCsvOptions = {}) {
    const reading = readSeriesCsv(text, options);
    if (!reading.ok) throw new Error(`line ${reading.problem.line}: ${reading.problem.message}`);
    const values = new Float64Array(reading.series.hours);
    reading.series.fill(values);
    return { ...reading.series, values: [...values] };
}

function problem(text: string, options: SeriesCsvOptions = {}) {
    const reading = readSeriesCsv(text, options);
    if (reading.ok) throw new Error('expected a problem');
    return reading.problem;
}

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('hourly rows', () => {
    it('times in UTC (`Z`): the hours as written, the values as written', () => {
        const s = read(csv('time,visits', '2025-01-01T00:00:00Z,3000', '2025-01-01T01:00:00Z,2500', '2025-01-01T02:00:00Z,0'));
        expect(s).toMatchObject({ granularity: 'hour', column: 'visits', start: utcHourOf('2025-01-01'), hours: 3, firstLine: 2, lastLine: 4 });
        expect(s.values).toEqual([3000, 2500, 0]);
    });

    it('times with an offset keep their clock: 01:00+01:00 is hour 01:00 of the series', () => {
        const s = read(csv('timestamp,visits', '2025-01-01T01:00:00+01:00,10', '2025-01-01T02:00+01:00,20'));
        expect(s.start).toBe(utcHourOf('2025-01-01T01:00'));
        expect(s.values).toEqual([10, 20]);
    });

    it('the night the clocks go forward, written with offsets: 23 rows a day, no gap', () => {
        // Paris, 2025-03-30: 00:00+01 (23:00Z), 01:00+01 (00:00Z), 03:00+02 (01:00Z), 04:00+02 (02:00Z):
        // one hour apart each; on the first row's clock (+01:00) they are 00:00, 01:00, 02:00, 03:00
        const s = read(csv('time,visits', '2025-03-30T00:00:00+01:00,1', '2025-03-30T01:00:00+01:00,2', '2025-03-30T03:00:00+02:00,3', '2025-03-30T04:00:00+02:00,4'));
        expect(s.start).toBe(utcHourOf('2025-03-30T00:00'));
        expect(s.values).toEqual([1, 2, 3, 4]);
    });

    it('the night the clocks go back, written with offsets: 02:00 twice, one hour apart', () => {
        // 01:00+02 (23:00Z), 02:00+02 (00:00Z), 02:00+01 (01:00Z), 03:00+01 (02:00Z); the clock is +02:00
        const s = read(csv('time,visits', '2025-10-26T01:00:00+02:00,1', '2025-10-26T02:00:00+02:00,2', '2025-10-26T02:00:00+01:00,3', '2025-10-26T03:00:00+01:00,4'));
        expect(s.start).toBe(utcHourOf('2025-10-26T01:00'));
        expect(s.values).toEqual([1, 2, 3, 4]);
    });

    it('times without offset in a time zone, across both changes of 2025', () => {
        const paris = { timezone: 'Europe/Paris' };
        // going forward: 01:00 is 00:00Z, 03:00 is 01:00Z: consecutive
        expect(read(csv('time,visits', '2025-03-30 01:00,5', '2025-03-30 03:00,6'), paris)).toMatchObject({ start: utcHourOf('2025-03-30T01:00'), values: [5, 6] });
        // going back: the first 02:00 is the earlier hour (00:00Z), the second the later (01:00Z)
        const back = read(csv('time,visits', '2025-10-26T01:00,1', '2025-10-26T02:00,2', '2025-10-26T02:00,3', '2025-10-26T03:00,4'), paris);
        expect(back).toMatchObject({ start: utcHourOf('2025-10-26T01:00'), values: [1, 2, 3, 4] });
        // an hour the clocks skip
        expect(problem(csv('time,visits', '2025-03-30T01:00,1', '2025-03-30T02:00,2'), paris)).toMatchObject({
            line: 3, message: '2025-03-30T02:00 does not exist in Europe/Paris: the clocks skip that hour'
        });
    });

    it('times without offset and no time zone: refused, with the two ways out', () => {
        const p = problem(csv('time,visits', '2025-01-01T00:00,1'));
        expect(p).toMatchObject({ line: 2, message: '2025-01-01T00:00 has no time zone' });
        expect(p.hint).toContain('timezone: "Europe/Paris"');
    });

    it('a profile is refused for hours', () => {
        expect(problem(csv('time,visits', '2025-01-01T00:00Z,1'), { profile: FLAT_PROFILE })).toMatchObject({ line: 2, argument: 'profile' });
    });

    it('rows off the hour: refused', () => {
        expect(problem(csv('time,v', '2025-01-01T00:30:00Z,1')).message).toBe('2025-01-01T00:30:00Z is not the start of an hour');
        expect(problem(csv('time,v', '2025-01-01T00:00:00Z,1', '2025-01-01T01:00:00+00:30,2'))).toMatchObject({ line: 3, message: 'the time is 30 minutes off the hour in the first row\'s offset' });
    });
});

describe('rows of days and months, spread by a profile', () => {
    it('days, flat: each hour a 24th of its day', () => {
        // 240 / 24 = 10 each hour of the 1st, 48 / 24 = 2 each hour of the 2nd
        const s = read(csv('date,visits', '2025-01-01,240', '2025-01-02,48'), { profile: FLAT_PROFILE });
        expect(s).toMatchObject({ granularity: 'day', start: utcHourOf('2025-01-01'), hours: 48 });
        expect(s.values).toEqual([...new Array(24).fill(10), ...new Array(24).fill(2)]);
    });

    it('days, 24 weights: normalised (12 hours of 1, 12 of 3: shares 1/48 and 3/48)', () => {
        const profile = dayProfile([...new Array(12).fill(1), ...new Array(12).fill(3)]);
        if (!profile.ok) throw new Error(profile.problem);
        // 480 × 1/48 = 10 in the morning, 480 × 3/48 = 30 in the afternoon
        const s = read(csv('date,visits', '2025-06-01,480'), { profile: profile.shares });
        expect(s.values).toEqual([...new Array(12).fill(10), ...new Array(12).fill(30)]);
    });

    it('months: evenly over their days, each day by the profile', () => {
        // February 2025: 28 days × 24 h = 672 h, 6720 / 672 = 10; March: 744 h, 7440 / 744 = 10... and April 0
        const s = read(csv('date,visits', '2025-02,6720', '2025-03,14880', '2025-04,0'), { profile: FLAT_PROFILE });
        expect(s).toMatchObject({ granularity: 'month', start: utcHourOf('2025-02-01'), hours: 672 + 744 + 720 });
        expect(s.values.slice(0, 672).every(v => Math.abs(v - 10) < 1e-12)).toBe(true);
        // 14880 / 31 days / 24 hours = 20
        expect(s.values.slice(672, 672 + 744).every(v => Math.abs(v - 20) < 1e-12)).toBe(true);
        expect(s.values.slice(672 + 744).every(v => v === 0)).toBe(true);
    });

    it('days or months need a profile, and take no time zone', () => {
        expect(problem(csv('date,visits', '2025-01-01,1'))).toMatchObject({ line: 2, argument: 'profile', message: 'the rows are days: say how each day\'s total is spread over its hours' });
        expect(problem(csv('date,visits', '2025-01,1'), { profile: FLAT_PROFILE, timezone: 'Europe/Paris' })).toMatchObject({ argument: 'timezone' });
    });

    it('a profile of the wrong length, negative or all zero weights', () => {
        expect(dayProfile([1, 2])).toMatchObject({ ok: false, problem: 'a profile has 24 weights, one per hour from 00:00; this one has 2' });
        expect(dayProfile([-1, ...new Array(23).fill(1)])).toMatchObject({ ok: false });
        expect(dayProfile(new Array(24).fill(0))).toMatchObject({ ok: false, problem: 'the weights add up to 0: no hour would get any of the day' });
    });

    it('rows of different kinds: refused on the first that differs', () => {
        expect(problem(csv('date,visits', '2025-01-01,1', '2025-01-02T00:00Z,1'), { profile: FLAT_PROFILE })).toMatchObject({ line: 3, message: 'the row is an hour, the rows before are days' });
    });
});

describe('holes, repeats and order: the CSV line and a hint', () => {
    it('a missing hour, day or month', () => {
        const hours = problem(csv('time,visits', '2025-01-01T00:00:00Z,1', '2025-01-01T01:00:00Z,1', '2025-01-01T04:00:00Z,1'));
        expect(hours).toMatchObject({ line: 4, message: '2 hours missing before 2025-01-01T04:00: line 3 is 2025-01-01T01:00' });
        expect(hours.hint).toMatch(/0 when nothing happened/);
        expect(problem(csv('date,v', '2025-01-01,1', '2025-01-03,1'), { profile: FLAT_PROFILE })).toMatchObject({ line: 3, message: '1 day missing before 2025-01-03: line 2 is 2025-01-01' });
        expect(problem(csv('date,v', '2024-11,1', '2025-02,1'), { profile: FLAT_PROFILE })).toMatchObject({ line: 3, message: '2 months missing before 2025-02: line 2 is 2024-11' });
    });

    it('a repeated hour and rows out of order', () => {
        expect(problem(csv('time,v', '2025-01-01T00:00Z,1', '2025-01-01T01:00Z,1', '2025-01-01T01:00Z,1'))).toMatchObject({
            line: 4, message: '2025-01-01T01:00 is there twice (line 3 has it too)'
        });
        expect(problem(csv('time,v', '2025-01-01T05:00Z,1', '2025-01-01T04:00Z,1'))).toMatchObject({
            line: 3, message: '2025-01-01T04:00 comes after 2025-01-01T05:00 (line 2): the rows are out of order', hint: 'Sort the rows by time.'
        });
        // the same instant written in two offsets is the same hour
        expect(problem(csv('time,v', '2025-01-01T01:00+01:00,1', '2025-01-01T00:00Z,1')).message).toMatch(/is there twice/);
    });

    it('empty cells before the first value and after the last are outside the series; between values, a hole', () => {
        const s = read(csv('time,a,b', '2025-01-01T00:00Z,,1', '2025-01-01T01:00Z,5,1', '2025-01-01T02:00Z,6,1', '2025-01-01T03:00Z,,1'), { column: 'a' });
        expect(s).toMatchObject({ start: utcHourOf('2025-01-01T01:00'), values: [5, 6], firstLine: 3, lastLine: 4 });
        expect(problem(csv('time,a', '2025-01-01T00:00Z,1', '2025-01-01T01:00Z, ', '2025-01-01T02:00Z,2'))).toMatchObject({ line: 3, message: '`a` is empty between values' });
        expect(problem(csv('time,a', '2025-01-01T00:00Z,'))).toMatchObject({ message: '`a` has no values' });
    });

    it('values that are not numbers, or negative', () => {
        expect(problem(csv('time,visits', '2025-01-01T00:00Z,1', '2025-01-01T01:00Z,"3,000"'))).toMatchObject({ line: 3, message: '`visits`: `3,000` is not a number' });
        expect(problem(csv('time,visits', '2025-01-01T00:00Z,0x10'))).toMatchObject({ line: 2, message: '`visits`: `0x10` is not a decimal number' });
        expect(problem(csv('time,visits', '2025-01-01T00:00Z,-4'))).toMatchObject({ line: 2, message: '`visits`: -4 is negative' });
    });

    it('a row with a cell too many or too few', () => {
        expect(problem(csv('time,visits', '2025-01-01T00:00Z,1,2'))).toMatchObject({ line: 2, message: 'the row has 3 cells, the header 2' });
    });

    it('line numbers count blank lines and quoted line breaks', () => {
        expect(problem('time,"vi\nsits"\n\n2025-01-01T00:00Z,x\n')).toMatchObject({ line: 4 });
    });
});

describe('columns', () => {
    const three = csv('time,visits,orders', '2025-01-01T00:00Z,10,1');

    it('several value columns: `column` picks one, and is needed', () => {
        expect(read(three, { column: 'orders' }).values).toEqual([1]);
        expect(problem(three)).toMatchObject({ line: 1, argument: 'column', message: 'the file has 2 value columns (`visits`, `orders`)' });
    });

    it('an unknown column: on the `column` argument, with the file\'s columns to suggest from', () => {
        expect(problem(three, { column: 'visit' })).toMatchObject({ line: 1, argument: 'column', message: 'the header has no column `visit`', columns: ['visits', 'orders'] });
    });

    it('the time column by another name, or two of them', () => {
        expect(read(csv('hour,visits', '2025-01-01T00:00Z,7'), { timeColumn: 'hour' }).values).toEqual([7]);
        expect(problem(csv('hour,visits', '2025-01-01T00:00Z,7'))).toMatchObject({ line: 1, message: 'the header has no time column (time, timestamp, date, datetime)' });
        expect(problem(csv('date,time,visits', '2025-01-01,2025-01-01T00:00Z,7'))).toMatchObject({ message: 'the header has 2 time columns (`date`, `time`)' });
        expect(problem(csv('Date;Visits', '2025-01-01;7')).hint).toMatch(/semicolons/);
    });

    it('a column named twice', () => {
        expect(problem(csv('time,visits,visits', '2025-01-01T00:00Z,1,2'), { column: 'visits' })).toMatchObject({ line: 1, message: 'the header has column `visits` twice' });
    });
});

describe('hostile files', () => {
    it('a span longer than a series may hold: refused on the row that passes it, before allocating', () => {
        // 2,000,000 hours are 83,333.3 days: the 83,334th day (line 83,335) passes the limit
        const days = Array.from({ length: 90_000 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10)},1`);
        const p = problem(csv('date,v', ...days), { profile: FLAT_PROFILE });
        expect(p.line).toBe(83_335);
        expect(p.message).toBe('the series would span 2,000,016 hours (228 years), more than the 2,000,000 hours (228 years) a series may hold');
        expect(Math.ceil(MAX_SERIES_HOURS / 24) + 1).toBe(83_335);
    });

    it('a million columns: refused on the header, the message naming five of them', () => {
        const names = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`);
        const text = csv(`time,${names.join(',')}`, `2025-01-01T00:00Z,${names.map((_, i) => i % 10).join(',')}`);
        expect(problem(text).message).toBe('the file has 1000000 value columns (`c0`, `c1`, `c2`, `c3`, `c4` and 999995 more)');
    });

    it('many columns: the one asked for is read, even the last', () => {
        const names = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
        const text = csv(`time,${names.join(',')}`, `2025-01-01T00:00Z,${names.map((_, i) => i % 10).join(',')}`);
        expect(read(text, { column: 'c9999' }).values).toEqual([9]);
    });

    it('control characters and formulas in names and cells are shown escaped, never raw', () => {
        const p = problem(csv('time,"=HYPERLINK(""http://x"")\u001b[2J"', '2025-01-01T00:00Z,\u202e1'));
        expect(p.message).toBe('`=HYPERLINK("http://x")\\x1b[2J`: `\\u202e1` is not a number');
        expect(p.message).not.toMatch(/[\u001b\u202e]/);
        const long = problem(csv('time,v', `2025-01-01T00:00Z,${'9'.repeat(100_000)}x`));
        expect(long.message.length).toBeLessThan(120);
    });

    it('not a CSV file: a quote never closed', () => {
        expect(problem('time,v\n"2025-01-01T00:00Z,1\n').message).toMatch(/^not a CSV file: /);
        expect(problem('')).toMatchObject({ message: 'the file is empty' });
    });
});

describe('the writer (for importers): read back as written', () => {
    it('one column, hourly, UTC with Z', () => {
        const text = formatSeriesCsv([{ name: 'visits', start: utcHourOf('2025-01-01'), values: [3000, 2500.5, 0] }]);
        expect(text).toBe('time,visits\n2025-01-01T00:00:00Z,3000\n2025-01-01T01:00:00Z,2500.5\n2025-01-01T02:00:00Z,0\n');
        expect(read(text)).toMatchObject({ start: utcHourOf('2025-01-01'), values: [3000, 2500.5, 0] });
    });

    it('columns of different spans: empty cells outside each, which the reader leaves out', () => {
        const text = formatSeriesCsv([
            { name: 'a', start: utcHourOf('2025-01-01T00:00'), values: [1, 2] },
            { name: 'b', start: utcHourOf('2025-01-01T01:00'), values: [0.1 + 0.2, 1e-7] }
        ]);
        expect(text).toBe('time,a,b\n2025-01-01T00:00:00Z,1,\n2025-01-01T01:00:00Z,2,0.30000000000000004\n2025-01-01T02:00:00Z,,1e-7\n');
        expect(read(text, { column: 'a' })).toMatchObject({ start: utcHourOf('2025-01-01T00:00'), values: [1, 2] });
        expect(read(text, { column: 'b' })).toMatchObject({ start: utcHourOf('2025-01-01T01:00'), values: [0.1 + 0.2, 1e-7] });
    });

    it('refuses names a spreadsheet would run as formulas, time columns\' names, and values the reader refuses', () => {
        for (const name of ['=SUM(A1)', '+1', '-1', '@x', 'a b', 'a,b', 'Time', '']) expect(isSeriesColumnName(name)).toBe(false);
        expect(() => formatSeriesCsv([{ name: '=cmd|calc', start: 0, values: [1] }])).toThrow(RangeError);
        expect(() => formatSeriesCsv([{ name: 'a', start: 0, values: [-1] }])).toThrow(/finite and 0 or more/);
        expect(() => formatSeriesCsv([{ name: 'a', start: 0, values: [NaN] }])).toThrow(RangeError);
        expect(() => formatSeriesCsv([{ name: 'a', start: 0, values: [1] }, { name: 'a', start: 0, values: [1] }])).toThrow(/twice/);
        expect(() => formatSeriesCsv([{ name: 'a', start: 0, values: [1] }, { name: 'b', start: MAX_SERIES_HOURS, values: [1] }])).toThrow(/more than a series may hold/);
    });
});
