import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, minimalModel, modelOf, positionOf } from '../helpers/model-from-text.js';
import { buildModel } from '../../src/engine/build-model.js';
import type { ExprDescription, ModelDescription } from '../../src/engine/model/description.js';
import { MAX_SERIES_HOURS } from '../../src/engine/series/series-limits.js';

/**
 * Durations, dates and lists that size the engine's hourly arrays: a located error on the input
 * responsible, with the figure and the limit, never an allocation sized by the number (20000 year of
 * user time once took 12 GB), and under every array the series budget, reported on the value that asked.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

async function findings(text: string) {
    const analysis = await analyze(text);
    return { errors: analysis.diagnostics.filter(d => d.severity === 'error') };
}

describe('durations longer than the modeling period', () => {
    it('a step\'s user time of 20000 year: one error on it, with the figure, the period and a hint', async () => {
        const text = QUICKSTART.replace('user_time_spent: 20 min', 'user_time_spent: 20000 year');
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['20000 year of user time is longer than the modeling period (3 year)']);
        expect(errors[0].range.start).toEqual(positionOf(text, '20000 year'));
        expect(errors[0].code).toBe('out-of-range');
        expect(errors[0].hint).toBe('Check the value and its unit, or make the model\'s modeling_duration longer.');
    });

    it('a job\'s request duration of 1e12 min: one error on it', async () => {
        const text = QUICKSTART.replace('request_duration: 4 min', 'request_duration: 1e12 min');
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['1e12 min of request duration is longer than the modeling period (3 year)']);
        expect(errors[0].range.start).toEqual(positionOf(text, '1e12 min'));
    });

    it('a journey whose weighted steps last longer than the period: one error on the journey, its jobs quiet', async () => {
        // 20 min × 100,000 + 70 s = 3.803 years
        const text = QUICKSTART.replace('uj_steps: [watch, capture]', 'uj_steps: [watch * 100000, capture]');
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual([
            'usage_journey daily_video: duration: 3.803 year of journey duration is longer than the modeling period (3 year)'
        ]);
        expect(errors[0].range.start).toEqual(positionOf(text, 'daily_video "Mean'));
    });

    it('an edge device\'s usage span is at most 100 years', async () => {
        const text = readFileSync('examples/reference/simple_edge_system.efp', 'utf8')
            .replace('{ edge_functions: [edge_fn] }', '{ edge_functions: [edge_fn]  usage_span: 20000 year }');
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['\'usage_span\' must be between 0 and 100 year, got 20000 year']);
        expect(errors[0].range.start).toEqual(positionOf(text, '20000 year'));
    });

    it('volume_growth over a duration longer than 100 years: an error on the duration', async () => {
        const text = minimalModel({ pattern: 'volume_growth(initial_volume: 1000 per day, modeling_duration: 1e9 year)' });
        const { errors } = await findings(text);
        expect(errors.map(e => e.message)).toEqual(['volume_growth: modeling_duration must be at most 100 years, got 1000000000 year']);
        expect(errors[0].range.start).toEqual(positionOf(text, '1e9 year'));
    });
});

describe('series lengths', () => {
    it('an hourly_values list longer than a series may be: an error naming the count and the limit', async () => {
        const base = (await modelOf(minimalModel())).description;
        const item: ExprDescription = { kind: 'number', value: 1 };
        const origin = { uri: 'file:///m.efp', range: { start: { line: 7, character: 2 }, end: { line: 7, character: 9 } } };
        const values: ExprDescription = { kind: 'list', items: new Array<ExprDescription>(MAX_SERIES_HOURS + 1).fill(item), origin };
        const model = buildModel(withStarts(base, 'users', { kind: 'call', function: 'hourly_values', args: [{ name: 'values', value: values }] }));
        const errors = model.diagnostics.filter(d => d.severity === 'error');
        expect(errors.map(e => e.message)).toEqual(['hourly_values has 2,000,001 values; a series holds at most 2,000,000 (228 years of hours)']);
        expect(errors[0].origin).toBe(origin);
    });

    it('values far apart in time that would be summed into one series too long: an error on the value that sums them, not a crash', async () => {
        // two usage patterns of one job, 200 years apart: their sum would span 3.4 million hours
        const text = minimalModel({ extra: 'usage_pattern later { usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France  hourly_usage_journey_starts: constant(1) }' })
            .replace('usage_patterns: [users]', 'usage_patterns: [users, later]');
        const base = (await modelOf(text)).description;
        const list = (n: number): ExprDescription => ({ kind: 'list', items: new Array<ExprDescription>(n).fill({ kind: 'number', value: 1 }) });
        const from = (date: string, n: number): ExprDescription => ({
            kind: 'call', function: 'hourly_values', args: [{ name: 'values', value: list(n) }, { name: 'start_date', value: { kind: 'date', value: date } }]
        });
        const model = buildModel(withStarts(withStarts(base, 'users', from('1925-01-02', 1_500_000)), 'later', from('2124-12-31', 1_500_000)));
        const errors = model.diagnostics.filter(d => d.severity === 'error');
        // each value that sums the two is in error where it is (the job's, the network's, the device's)
        expect(errors.map(e => e.message)).toContain(
            'job call: hourly_avg_occurrences_across_usage_patterns: its hours would span 3,253,128 hours (371 years), more than the 2,000,000 (228 years) a series may hold');
        for (const e of errors) {
            expect(e.message).toMatch(/: its hours would span 3,253,128 hours \(371 years\), more than the 2,000,000 \(228 years\) a series may hold$/);
            expect(e.hint).toBe('Check the dates and durations it depends on: they place its values too far apart.');
        }
    });
});

/** The description with a usage pattern's journey starts replaced. */
function withStarts(description: ModelDescription, pattern: string, expr: ExprDescription): ModelDescription {
    return {
        ...description,
        objects: description.objects.map(o => o.id !== pattern ? o : {
            ...o, inputs: { ...o.inputs, hourly_usage_journey_starts: { ...o.inputs.hourly_usage_journey_starts, expr, text: undefined } }
        })
    };
}
