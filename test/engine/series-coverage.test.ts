import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, minimalModel } from '../helpers/model-from-text.js';

/**
 * A warning on a usage pattern's (or edge usage pattern's) series when it does not match the modeling
 * period, saying what efp assumes: 0 where the series has no value, and its hours outside the period
 * counted all the same (as e-footprint sums every hour of a series).
 */
async function coverage(text: string) {
    const analysis = await analyze(text);
    expect(analysis.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    return analysis.diagnostics.filter(d => d.code === 'series-coverage');
}

const pattern = (series: string, duration = '1 day') => minimalModel({ pattern: series }).replace('modeling_duration: 1 day', `modeling_duration: ${duration}`);

describe('series that do not cover the modeling period', () => {
    it('starts late and ends early: a warning on the series, with both and what is assumed', async () => {
        const text = pattern('hourly_values(values: [1, 2, 3], start_date: 2025-01-01T10:00)');
        const [warning, ...others] = await coverage(text);
        expect(others).toEqual([]);
        expect(warning).toMatchObject({
            severity: 'warning',
            message: 'usage_pattern users: hourly_usage_journey_starts does not match the modeling period: it starts 2025-01-01 10:00, '
                + '10 hours after the model\'s start (2025-01-01 00:00); it ends 2025-01-01 13:00, 11 hours before the model\'s end (2025-01-02 00:00). '
                + 'Assumed: no usage journey starts are counted in the period\'s hours the series has no value for (e-footprint counts them 0)'
        });
        // on the series as written
        const line = text.split('\n').findIndex(l => l.includes('hourly_usage_journey_starts'));
        expect(warning.range.start.line).toBe(line);
        expect(warning.range.start.character).toBe(text.split('\n')[line].indexOf('hourly_values'));
    });

    it('runs past the end: counted all the same, said so', async () => {
        const [warning] = await coverage(pattern('constant(1, start: 2024-12-31)'));
        expect(warning.message).toBe('usage_pattern users: hourly_usage_journey_starts does not match the modeling period: it starts 2024-12-31 00:00, '
            + '1 day before the model\'s start (2025-01-01 00:00). Assumed: the series\' hours outside the period still count in the footprint '
            + '(e-footprint sums every hour of a series), though the timeline shows only the period');
    });

    it('no warning for a series over the period, a number, or e-footprint\'s own 365-day year', async () => {
        expect(await coverage(pattern('constant(1000)'))).toEqual([]);
        expect(await coverage(pattern('1000'))).toEqual([]);
        // volume_growth counts 1 year as 365 days (8,760 hours); the period is 365.25 days (8,766 hours)
        expect(await coverage(pattern('volume_growth(initial_volume: 365000 per year)', '1 year'))).toEqual([]);
        // a list of 8,760 hours is that year too
        expect(await coverage(pattern(`hourly_values(values: [${new Array(8760).fill(1).join(', ')}])`, '1 year'))).toEqual([]);
        // one hour less is not
        expect(await coverage(pattern(`hourly_values(values: [${new Array(8759).fill(1).join(', ')}])`, '1 year'))).toHaveLength(1);
    });

    it('an edge usage pattern\'s series too', async () => {
        const text = readFileSync('examples/edge_device_group.efp', 'utf8').replace('hourly_edge_usage_journey_starts: constant(2)',
            'hourly_edge_usage_journey_starts: constant(2, start: 2025-02-03)');
        const [warning] = await coverage(text);
        // the model starts 2025-01-06: 28 days before 2025-02-03
        expect(warning.message).toMatch(/^edge_usage_pattern buildings: hourly_edge_usage_journey_starts does not match the modeling period: it starts 2025-02-03 00:00, 28 days after the model's start \(2025-01-06 00:00\)\. Assumed: no edge usage journey starts are counted/);
    });
});
