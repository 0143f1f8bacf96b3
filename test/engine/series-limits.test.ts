import { describe, expect, it } from 'vitest';
import { newValues, SeriesArena, withArena } from '../../src/engine/series/series-memory.js';
import { MAX_SERIES_HOURS, SeriesLimitError } from '../../src/engine/series/series-limits.js';
import { averagedOccurrences } from '../../src/engine/series/averaged-occurrences.js';
import { addSeries, HourlySeries } from '../../src/engine/series/hourly-series.js';

/**
 * The backstop under every hourly array the engine makes: a length past the budget, or one that is not
 * a length at all, is refused with the figure and the limit, before anything is allocated (never a
 * RangeError from the typed array, never gigabytes).
 */
describe('the series budget', () => {
    it('allows a series of 2,000,000 hours, in an arena or not', () => {
        expect(MAX_SERIES_HOURS).toBe(2_000_000);
        expect(newValues(MAX_SERIES_HOURS).length).toBe(MAX_SERIES_HOURS);
        withArena(new SeriesArena(), () => expect(newValues(MAX_SERIES_HOURS, false).length).toBe(MAX_SERIES_HOURS));
    });

    it('refuses one hour more, saying how long and what the limit is', () => {
        expect(() => newValues(MAX_SERIES_HOURS + 1)).toThrow(SeriesLimitError);
        expect(() => newValues(MAX_SERIES_HOURS + 1)).toThrow('its hours would span 2,000,001 hours (228 years), more than the 2,000,000 (228 years) a series may hold');
        expect(() => withArena(new SeriesArena(), () => newValues(16_666_692_964))).toThrow(
            'its hours would span 16,666,692,964 hours (1,901,288 years), more than the 2,000,000 (228 years) a series may hold');
    });

    it('refuses what is not a number of hours', () => {
        expect(() => newValues(-24)).toThrow('a series cannot have -24 hours');
        expect(() => newValues(Number.NaN)).toThrow('a series cannot have NaN hours');
        expect(() => newValues(1.5)).toThrow('a series cannot have 1.5 hours');
    });

    it('averaged occurrences over a duration of a million years are refused, not a RangeError', () => {
        const starts = new HourlySeries(0, new Float64Array(26_298).fill(1));
        expect(() => averagedOccurrences(starts, 1e12 / 60)).toThrow(SeriesLimitError);
    });

    it('the sum of two series far apart is refused', () => {
        const a = new HourlySeries(0, new Float64Array(10).fill(1));
        const b = new HourlySeries(5_000_000, new Float64Array(10).fill(1));
        expect(() => addSeries(a, b)).toThrow('its hours would span 5,000,010 hours (570 years), more than the 2,000,000 (228 years) a series may hold');
    });
});
