import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, valueOf } from '../../helpers/model-from-text.js';
import type { Model } from '../../../src/engine/model/model.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { periodWindows } from '../../../src/engine/budgets/budget-periods.js';
import { CLASS_SPECS } from '../../../src/engine/classes/registry.js';
import { BUDGET_TARGET_CLASSES } from '../../../src/engine/classes/budget.js';

/**
 * Budgets on the quickstart (examples/quickstart.efp), whose footprint e-footprint computed: the figures
 * a budget checks are sums of e-footprint's own hourly totals (test/fixtures/efootprint/quickstart.outputs),
 * over calendar windows worked out here independently of the engine.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');

function referenceSeries(className: string, name: string, attribute: string): number[] {
    const object = Object.values(reference.objects).find(o => o.class === className && o.name === name);
    const value = object?.calculated[attribute];
    if (!value?.values) throw new Error(`no ${className} ${name}.${attribute} in the reference`);
    return value.values;
}

/** Sum of hours [from, to) of the modeling period (hour 0 = 2025-01-01 00:00 UTC). */
function sumOf(values: number[], from: number, to: number): number {
    return values.slice(from, to).reduce((a, b) => a + b, 0);
}

const HOURS_2025 = 365 * 24, HOURS_2026 = 365 * 24;
const total = referenceSeries('System', 'System', 'total_footprint');
const footprint2027 = sumOf(total, HOURS_2025 + HOURS_2026, HOURS_2025 + HOURS_2026 + 365 * 24);

function withBudget(budget: string): string {
    return `${QUICKSTART}\n${budget}\n`;
}

/** The evaluated model, whose only errors may be budgets exceeded. */
async function modelOf(text: string): Promise<Model> {
    const analysis = await analyze(text);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error' && d.code !== 'budget-exceeded');
    if (errors.length > 0 || !analysis.model) throw new Error(errors.map(e => e.message).join('\n'));
    return analysis.model;
}

describe('budget', () => {
    it('checks each calendar year of the system total against the limit (2027 is the worst year of the quickstart)', async () => {
        const model = await modelOf(withBudget('budget yearly on streaming_platform { limit: 5000 t/year }'));
        expect(valueOf(model, 'yearly', 'worst_period_footprint')).toBeCloseTo(footprint2027, -1);
        expect(footprint2027).toBeGreaterThan(6.1e6); // 6,143 t, so 5,000 t/year is exceeded
        expect(valueOf(model, 'yearly', 'share_of_limit')).toBeCloseTo(footprint2027 / 5e6, 5);
    });

    it('is an error on the limit, naming the object, the year, the figure and the limit, and a warning from 80 %', async () => {
        const exceeded = await analyze(withBudget('budget yearly on streaming_platform { limit: 5000 t/year }'));
        const error = exceeded.diagnostics.find(d => d.code === 'budget-exceeded');
        expect(error?.severity).toBe('error');
        expect(error?.message).toMatch(/^budget yearly: system streaming_platform emits 6,14\d\.\d t CO2e in 2027, 123 % of its limit of 5,000\.0 t \(5000 t\/year\)/);
        expect(error?.range.start.line).toBe(QUICKSTART.split('\n').length);

        // 2026 (3,539.5 t) and 2027 are over 3,000 t
        const twice = await analyze(withBudget('budget yearly on streaming_platform { limit: 3000 t/year }'));
        expect(twice.diagnostics.find(d => d.code === 'budget-exceeded')?.message).toMatch(/205 % of its limit of 3,000\.0 t \(3000 t\/year\); over the limit in 2 periods: 2026, 2027$/);

        // 2027's 6,143.5 t is 88 % of 7,000 t: a warning, not an error
        const close = await analyze(withBudget('budget yearly on streaming_platform { limit: 7000 t/year }'));
        expect(close.diagnostics.filter(d => d.code?.startsWith('budget')).map(d => [d.severity, d.message.match(/(\d+) % of/)?.[1]]))
            .toEqual([['warning', '88']]);
        const within = await analyze(withBudget('budget yearly on streaming_platform { limit: 7000 t/year  warning_threshold: 90 % }'));
        expect(within.diagnostics.filter(d => d.code?.startsWith('budget'))).toEqual([]);
    });

    it('limits one phase of one object, month by month', async () => {
        const model = await modelOf(withBudget('budget server_energy on web { limit: 10 t/month  period: month  phase: energy }'));
        const energy = referenceSeries('Server', 'server', 'energy_footprint');
        // the worst month is the last full one, December 2027: growth makes every month emit more than the one before
        const dec2027 = Date.UTC(2027, 11, 1) / 3_600_000 - Date.UTC(2025, 0, 1) / 3_600_000;
        const expected = sumOf(energy, dec2027, dec2027 + 31 * 24);
        expect(valueOf(model, 'server_energy', 'worst_period_footprint')).toBeCloseTo(expected, 0);
        expect(valueOf(model, 'server_energy', 'share_of_limit')).toBeCloseTo(expected / 1e4, 4);
    });

    it('cuts a period that is not a calendar unit from the start of the modeling period', async () => {
        const model = await modelOf(withBudget('budget quarterly on streaming_platform { limit: 4000 t/year  period: 90 day }'));
        // the windows are hours [k × 2160, (k + 1) × 2160); the last full one before the 6 hours of 2028 is the worst
        let worst = 0;
        for (let from = 0; from < total.length; from += 2160) worst = Math.max(worst, sumOf(total, from, from + 2160));
        expect(valueOf(model, 'quarterly', 'worst_period_footprint')).toBeCloseTo(worst, -1);
        expect(valueOf(model, 'quarterly', 'share_of_limit')).toBeCloseTo(worst / (4e6 * 90 / 365.25), 4);
    });

    it('rejects a limit that is not a mass per time, and a target without a footprint', async () => {
        const wrongUnit = await analyze(withBudget('budget b on streaming_platform { limit: 5000 t }'));
        expect(wrongUnit.diagnostics.find(d => d.severity === 'error')?.message).toMatch(/limit/);
        const wrongTarget = await analyze(withBudget('budget b on streaming { limit: 5000 t/year }'));
        expect(wrongTarget.diagnostics.find(d => d.severity === 'error')?.message).toMatch(/streaming/);
    });

    it('is not an unused object, and limits only classes with a footprint', async () => {
        const analysis = await analyze(withBudget('budget yearly on streaming_platform { limit: 9000 t/year }'));
        expect(analysis.diagnostics.filter(d => d.code === 'unused')).toEqual([]);
        const withFootprint = ['System', ...CLASS_SPECS.filter(c => c.category).map(c => c.className)];
        expect([...BUDGET_TARGET_CLASSES].sort()).toEqual(withFootprint.sort());
    });
});

describe('budget periods', () => {
    it('are calendar windows in UTC, clipped to the modeling period', () => {
        const start = Date.UTC(2025, 2, 15) / 3_600_000;
        const windows = periodWindows(start, 24 * 365, 'year');
        expect(windows.map(w => [w.label, w.end - w.start, w.fullHours])).toEqual([
            ['2025', 24 * 292, 24 * 365], ['2026', 24 * 73, 24 * 365]
        ]);
        expect(periodWindows(start, 24 * 20, 'month').map(w => w.label)).toEqual(['2025-03', '2025-04']);
        expect(periodWindows(Date.UTC(2025, 0, 1) / 3_600_000, 24 * 8, 'week').map(w => [w.label, w.end - w.start]))
            .toEqual([['2025-W01', 5 * 24], ['2025-W02', 3 * 24]]);
    });
});
