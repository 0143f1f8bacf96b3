import { describe, expect, it } from 'vitest';
import { analyze, minimalModel, modelOf } from '../helpers/model-from-text.js';
import { utcHourOf } from '../../src/engine/series/calendar.js';
import type { Model } from '../../src/engine/model/model.js';

/**
 * `start:` on linear_growth, sinusoidal, daily_fluctuation and constant: the series starts at that hour
 * and runs to the model's end (minimalModel: 2025-01-01 for 1 day, 24 hours). Values worked out by hand.
 */
function starts(model: Model): { start: number; values: number[] } {
    const value = model.findNode('users', 'hourly_usage_journey_starts')!.value!;
    if (value.kind !== 'hourly') throw new Error(`not a series: ${value.kind}`);
    return { start: value.series.start, values: [...value.series.values] };
}

describe('builders with a start', () => {
    it('constant from 18:00: the 6 hours to the end', async () => {
        expect(starts(await modelOf(minimalModel({ pattern: 'constant(5, start: 2025-01-01T18:00)' }))))
            .toEqual({ start: utcHourOf('2025-01-01T18:00'), values: [5, 5, 5, 5, 5, 5] });
    });

    it('linear_growth from 19:00, positionally: 0 to 10 over the 5 hours left, both ends included', async () => {
        // 5 values from 0 to 10: steps of 10 / 4 = 2.5
        expect(starts(await modelOf(minimalModel({ pattern: 'linear_growth(0, 10, 2025-01-01T19:00)' }))))
            .toEqual({ start: utcHourOf('2025-01-01T19:00'), values: [0, 2.5, 5, 7.5, 10] });
    });

    it('sinusoidal from 20:00: t counts from its start (added to a constant over the whole day)', async () => {
        // 2 + 2 sin(2π t / 4 h) for t = 0..3 from 20:00: 2, 4, 2, 0; the 20 hours before: 2
        const s = starts(await modelOf(minimalModel({ pattern: 'constant(2) + sinusoidal(amplitude: 2, period: 4 h, start: 2025-01-01T20:00)' })));
        expect(s.start).toBe(utcHourOf('2025-01-01'));
        expect(s.values.slice(0, 20)).toEqual(new Array(20).fill(2));
        const last = s.values.slice(20);
        [2, 4, 2, 0].forEach((v, i) => expect(last[i]).toBeCloseTo(v, 12));
    });

    it('daily_fluctuation from 04:00: the cycle still follows the hour of the day', async () => {
        // 100 × (1 + 0.5 sin(3π/2 + 2π (h − 4) / 24)): 50 at 04:00 (sin 3π/2 = −1), 100 at 10:00, 150 at 16:00
        const s = starts(await modelOf(minimalModel({ pattern: 'daily_fluctuation(scale: 0.5, min_hour: 4, start: 2025-01-01T04:00) * 100' })));
        expect(s.start).toBe(utcHourOf('2025-01-01T04:00'));
        expect(s.values).toHaveLength(20);
        expect(s.values[0]).toBeCloseTo(50, 12);
        expect(s.values[6]).toBeCloseTo(100, 12);
        expect(s.values[12]).toBeCloseTo(150, 12);
    });

    it('a start before the model\'s start: the series runs from it, longer than the period', async () => {
        expect(starts(await modelOf(minimalModel({ pattern: 'constant(1, start: 2024-12-31T22:00)' }))))
            .toEqual({ start: utcHourOf('2024-12-31T22:00'), values: new Array(26).fill(1) });
    });

    it('a start at the model\'s end or later, or not a date: an error on the start', async () => {
        const late = await analyze(minimalModel({ pattern: 'constant(5, start: 2025-01-02)' }));
        expect(late.diagnostics.filter(d => d.severity === 'error').map(d => d.message))
            .toEqual(['constant: start 2025-01-02 is not before the model\'s end (2025-01-02 00:00:00)']);
        const text = await analyze(minimalModel({ pattern: 'linear_growth(1, 2, start: "2025-01-01")' }));
        expect(text.diagnostics.filter(d => d.severity === 'error').map(d => d.message)).toEqual(['linear_growth: start must be a date like 2025-01-01']);
    });
});
