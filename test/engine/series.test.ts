import { describe, expect, it } from 'vitest';
import { HourlySeries, addSeries, multiplySeries, divideSeries, sumSeries } from '../../src/engine/series/hourly-series.js';
import { averagedOccurrences } from '../../src/engine/series/averaged-occurrences.js';
import { cumulativeWithDeletion } from '../../src/engine/series/storage-need.js';
import { localToUtc } from '../../src/engine/series/to-utc.js';
import { dailyFluctuation, linearGrowth, sinusoidalFluctuation, volumeGrowth } from '../../src/engine/series/builders.js';
import { utcHourOf } from '../../src/engine/series/calendar.js';
import { loadReference, type DumpLike } from '../helpers/reference-comparison.js';

/**
 * The series operations checked one by one against e-footprint's own inputs and outputs: each takes a
 * reference series as input and must give the reference's result.
 */
const quickstart = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
const ml = loadReference('test/fixtures/efootprint/machine_learning_workflow.outputs.json.gz');
const START = utcHourOf('2025-01-01');

function object(dump: DumpLike, cls: string, name: string) {
    return Object.values(dump.objects).find(o => o.class === cls && o.name === name)!;
}

function series(values: number[]): HourlySeries {
    return new HourlySeries(START, Float64Array.from(values));
}

/** Every value within 1e-5 of the series' largest value (e-footprint's float32 precision). */
function expectClose(actual: HourlySeries, expected: number[], tolerance = 1e-5): void {
    expect(actual.length).toBe(expected.length);
    const scale = Math.max(...expected.map(Math.abs));
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual.values[i] - expected[i]));
    expect(worst).toBeLessThanOrEqual(tolerance * scale);
}

describe('time-series builders', () => {
    it('(linear growth + sinusoidal) × daily fluctuation gives the quickstart\'s journey starts', () => {
        const n = 26298; // int(3 years of 365.25 days in hours)
        const trend = addSeries(linearGrowth(START, n, 5000, 100000), sinusoidalFluctuation(START, n, 3000, 90 * 24));
        const starts = multiplySeries(trend, dailyFluctuation(START, n, 0.8, 4));
        const reference = object(quickstart, 'UsagePattern', 'Daily video streaming consumption').inputs.hourly_usage_journey_starts;
        expectClose(starts, reference.values!);
    });

    it('form inputs (volume per year, growth per year) give the machine-learning patterns\' starts', () => {
        const flat = volumeGrowth(START, 3, 'year', 12, 'year', 0, 'year');
        expectClose(flat, object(ml, 'UsagePattern', 'Weekly retraining pattern').inputs.hourly_usage_journey_starts.values!);
        const growing = volumeGrowth(START, 3, 'year', 73000, 'year', 25, 'year');
        expectClose(growing, object(ml, 'UsagePattern', 'Production inference pattern').inputs.hourly_usage_journey_starts.values!);
        expect(growing.length).toBe(3 * 365 * 24); // form inputs count years of 365 days
    });

    it('linear growth includes both ends', () => {
        expect([...linearGrowth(0, 5, 10, 50).values]).toEqual([10, 20, 30, 40, 50]);
    });
});

describe('local time to UTC', () => {
    it('rotates a French series by one hour, keeping the start date', () => {
        const pattern = object(quickstart, 'UsagePattern', 'Daily video streaming consumption');
        const utc = localToUtc(series(pattern.inputs.hourly_usage_journey_starts.values!), 'Europe/Paris');
        expect(utc.start).toBe(START);
        expectClose(utc, pattern.calculated.utc_hourly_usage_journey_starts.values!);
    });
});

describe('averaged occurrences', () => {
    it('a journey of 21 min 10 s: the starts times the fraction of an hour', () => {
        const pattern = object(quickstart, 'UsagePattern', 'Daily video streaming consumption');
        const journey = object(quickstart, 'UsageJourney', 'Mean video consumption user journey');
        const parallel = averagedOccurrences(series(pattern.calculated.utc_hourly_usage_journey_starts.values!), 21.166666666666668 / 60)!;
        expectClose(parallel, journey.calculated.nb_usage_journeys_in_parallel_per_usage_pattern.items!['Daily video streaming consumption'].values!);
    });

    it('an 8-hour job spreads each start over 8 hours and lengthens the series by 7', () => {
        const job = object(ml, 'GPUJob', 'Weekly retraining');
        const occurrences = job.calculated.hourly_occurrences_per_usage_pattern.items!['Weekly retraining pattern'].values!;
        const avg = averagedOccurrences(series(occurrences), 8)!;
        const reference = job.calculated.hourly_avg_occurrences_per_usage_pattern.items!['Weekly retraining pattern'].values!;
        expect(avg.length).toBe(occurrences.length + 7);
        expectClose(avg, reference);
    });

    it('a duration of whole hours plus a fraction adds the fraction one hour later', () => {
        const avg = averagedOccurrences(series([10, 0, 0, 20]), 2.5)!;
        // ones(2) convolution: [10, 10, 0, 20, 20], plus 0.5 × starts shifted by 2: [0, 0, 5, 0, 0, 10]
        expect([...avg.values]).toEqual([10, 10, 5, 20, 20, 10]);
    });

    it('a zero duration is e-footprint\'s "no value"', () => {
        expect(averagedOccurrences(series([1, 2]), 0)).toBeUndefined();
    });
});

describe('storage need', () => {
    it('keeps data for the storage duration then deletes it (quickstart, 2 years, float32 running sum)', () => {
        const job = object(quickstart, 'Job', 'upload job');
        const storedMB = job.calculated.hourly_data_stored_across_usage_patterns.values!;
        const TB = 8e12, MB = 8e6; // in bits, the engine's unit of data
        const written = new HourlySeries(START, Float64Array.from(storedMB, v => v * MB * 3)); // replication factor 3
        const cumulative = cumulativeWithDeletion(written, 17532, TB);
        const reference = object(quickstart, 'Storage', 'SSD storage').calculated.full_cumulative_storage_need_per_job.items!['upload job'].values!;
        expectClose(cumulative.scale(1 / TB), reference);
    });

    it('is the sliding sum of the writes over the retention', () => {
        const cumulative = cumulativeWithDeletion(series([1, 2, 3, 4, 5]), 2, 1);
        expect([...cumulative.values]).toEqual([1, 3, 5, 7, 9]);
    });
});

describe('series arithmetic', () => {
    it('adds and multiplies over the union of spans, missing hours counting as 0', () => {
        const a = new HourlySeries(10, Float64Array.from([1, 2, 3]));
        const b = new HourlySeries(11, Float64Array.from([10, 10, 10]));
        const sum = addSeries(a, b);
        expect(sum.start).toBe(10);
        expect([...sum.values]).toEqual([1, 12, 13, 10]);
        const product = multiplySeries(a, b);
        expect([...product.values]).toEqual([0, 20, 30, 0]);
        expect([...sumSeries([a, b, a])!.values]).toEqual([2, 14, 16, 10]);
    });

    it('divides only by a series that covers the dividend and has no zero', () => {
        const a = new HourlySeries(10, Float64Array.from([2, 4]));
        expect([...(divideSeries(a, new HourlySeries(9, Float64Array.from([1, 2, 4, 8]))) as HourlySeries).values]).toEqual([1, 1]);
        expect(divideSeries(a, new HourlySeries(11, Float64Array.from([1, 1])))).toHaveProperty('error');
        expect(divideSeries(a, new HourlySeries(10, Float64Array.from([1, 0])))).toEqual({ error: 'division by zero at hour 1' });
    });
});
