import { describe, expect, it } from 'vitest';
import { calendarBuckets, resample } from '../../../src/webview/dashboard/resample.js';
import { isoHour } from '../../../src/webview/dashboard/time-format.js';

const hourOf = (iso: string) => Date.parse(iso) / 3_600_000;

/** 0, 1, 2, ...: each hour's value is its index, so a bucket's sum tells which hours it holds. */
function ramp(n: number): Float64Array {
    return Float64Array.from({ length: n }, (_, i) => i);
}

const sumOfIndexes = (from: number, to: number) => ((to - 1 + from) * (to - from)) / 2;

describe('resampling the hourly footprint along the UTC calendar', () => {
    // the quickstart: 3 e-footprint years (365.25 days) from 2025-01-01, so 18 hours into 2028
    const start = hourOf('2025-01-01T00:00Z');
    const hours = 26_298;
    const values = ramp(hours);

    it('keeps hourly values as they are', () => {
        const buckets = calendarBuckets(start, hours, 'hour');
        expect(buckets.starts.length).toBe(hours);
        expect(resample(values, buckets)).toBe(values);
    });

    it('sums days: 1,095 whole days and the 18 hours of 2028-01-01', () => {
        const buckets = calendarBuckets(start, hours, 'day');
        const days = resample(values, buckets);
        expect(days.length).toBe(1096);
        expect(days[0]).toBe(sumOfIndexes(0, 24));
        expect(days[1]).toBe(sumOfIndexes(24, 48));
        expect(isoHour(buckets.starts[1095])).toBe('2028-01-01T00:00Z');
        expect(days[1095]).toBe(sumOfIndexes(26_280, 26_298));
    });

    it('sums calendar months of 28 to 31 days', () => {
        const buckets = calendarBuckets(start, hours, 'month');
        const months = resample(values, buckets);
        expect(months.length).toBe(37);
        expect(isoHour(buckets.starts[1])).toBe('2025-02-01T00:00Z');
        // February 2025 has 28 days: hours 744 (31 × 24) to 1,416
        expect([buckets.offsets[1], buckets.offsets[2]]).toEqual([744, 1416]);
        expect(months[1]).toBe(sumOfIndexes(744, 1416));
        expect(isoHour(buckets.starts[36])).toBe('2028-01-01T00:00Z');
    });

    it('sums calendar years and loses nothing', () => {
        const buckets = calendarBuckets(start, hours, 'year');
        const years = resample(values, buckets);
        expect(Array.from(buckets.offsets)).toEqual([0, 8760, 17_520, 26_280, 26_298]);
        expect(years[3]).toBe(sumOfIndexes(26_280, 26_298));
        expect(years.reduce((a, b) => a + b, 0)).toBe(sumOfIndexes(0, hours));
    });

    it('starts the first bucket at the period start and follows leap days', () => {
        // noon on 2024-02-28 for 60 hours: the rest of the 28th, the leap day, 1 March
        const noon = hourOf('2024-02-28T12:00Z');
        const days = calendarBuckets(noon, 60, 'day');
        expect(Array.from(days.starts, isoHour)).toEqual(['2024-02-28T12:00Z', '2024-02-29T00:00Z', '2024-03-01T00:00Z']);
        expect(Array.from(days.offsets)).toEqual([0, 12, 36, 60]);
        const months = calendarBuckets(noon, 60, 'month');
        expect(Array.from(months.starts, isoHour)).toEqual(['2024-02-28T12:00Z', '2024-03-01T00:00Z']);
        expect(Array.from(resample(ramp(60), months))).toEqual([sumOfIndexes(0, 36), sumOfIndexes(36, 60)]);
    });

    // how fast is not a unit test's to say on a shared machine: it cuts in one pass over the hours
    it('cuts 26,298 hours into 1,096 days, each the sum of its 24 hours and the last of its 18', () => {
        const days = calendarBuckets(start, hours, 'day');
        const sums = resample(values, days);
        expect(sums.length).toBe(1096);
        expect(sums[0]).toBe(sumOfIndexes(0, 24));
        expect(sums[1095]).toBe(sumOfIndexes(26_280, 26_298));
        expect(sums.reduce((a, b) => a + b, 0)).toBe(sumOfIndexes(0, hours));
    });
});
