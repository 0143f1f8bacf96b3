import { DateTime } from 'luxon';
import type { NumericValue } from '../model/values.js';
import { periodWindows, type BudgetPeriod, type PeriodWindow } from './budget-periods.js';

/** Seconds in one calendar period as units count it (a year is 365.25 days, a month a twelfth of it). */
const PERIOD_SECONDS: Record<BudgetPeriod, number> = {
    hour: 3600, day: 86_400, week: 604_800, month: 2_629_800, year: 31_557_600
};

/** The calendar period a duration is exactly one of (`1 month`), if any. */
export function calendarPeriodOf(seconds: number): BudgetPeriod | undefined {
    return (Object.keys(PERIOD_SECONDS) as BudgetPeriod[]).find(p => Math.abs(PERIOD_SECONDS[p] - seconds) < 1e-6 * seconds);
}

export interface WindowUse {
    readonly window: PeriodWindow;
    /** kg CO2e emitted in the window. */
    readonly footprint: number;
    /** kg CO2e the limit allows in the window. */
    readonly allowance: number;
}

export type BudgetStatus = 'within' | 'warning' | 'exceeded';

export interface BudgetUse {
    readonly windows: readonly WindowUse[];
    /** The window with the highest share of its allowance (none when the modeling period is empty). */
    readonly worst: WindowUse | undefined;
    /** footprint / allowance in the worst window. */
    readonly share: number;
    readonly status: BudgetStatus;
}

/**
 * How much of a limit an hourly footprint uses, window by window over the modeling period. The limit is
 * a rate (`100 t/year`); each calendar window (each year by default) may emit the rate times one period,
 * so a calendar year under `100 t/year` may emit exactly 100 t. A window the modeling period covers only
 * in part (the six hours of 2028 in a three-year model from 2025, as `3 year` is 3 × 365.25 days) is held
 * to the same limit for the part modeled: pro-rating it would judge those hours by the year's end rate.
 * A period that is not one calendar unit (`90 day`) cuts the modeling period into windows of that
 * length from its start.
 */
export function budgetUse(
    footprint: NumericValue, period: { start: number; length: number },
    limitKgPerSecond: number, periodSeconds: number, warningShare: number
): BudgetUse {
    const calendar = calendarPeriodOf(periodSeconds);
    const windows = calendar ? periodWindows(period.start, period.length, calendar) : fixedWindows(period.start, period.length, periodSeconds);
    const perPeriod = limitKgPerSecond * (calendar ? PERIOD_SECONDS[calendar] : periodSeconds);
    const uses = windows.map(window => ({
        window,
        footprint: sumOver(footprint, window.start, window.end),
        allowance: perPeriod
    }));
    let worst: WindowUse | undefined = uses[0];
    let share = worst ? shareOf(worst) : 0;
    for (const use of uses) {
        const s = shareOf(use);
        if (s > share) { worst = use; share = s; }
    }
    const status: BudgetStatus = share > 1 ? 'exceeded' : share >= warningShare ? 'warning' : 'within';
    return { windows: uses, worst, share, status };
}

function shareOf(use: WindowUse): number {
    if (use.allowance > 0) return use.footprint / use.allowance;
    return use.footprint > 0 ? Infinity : 0;
}

function fixedWindows(start: number, length: number, periodSeconds: number): PeriodWindow[] {
    const hours = Math.max(1, Math.round(periodSeconds / 3600));
    const windows: PeriodWindow[] = [];
    for (let s = start; s < start + length; s += hours) {
        const end = Math.min(s + hours, start + length);
        windows.push({ start: s, end, label: `${dayOf(s)} to ${dayOf(end - 1)}`, fullHours: hours });
    }
    return windows;
}

function dayOf(hour: number): string {
    return DateTime.fromMillis(hour * 3_600_000, { zone: 'utc' }).toFormat('yyyy-MM-dd');
}

/** kg in the hours [from, to) of an hourly value; a constant counts for every hour. */
function sumOver(value: NumericValue, from: number, to: number): number {
    if (value.kind === 'empty') return 0;
    if (value.kind === 'quantity') return value.value * (to - from);
    const { start, base, factor } = value.series;
    let total = 0;
    for (let h = Math.max(from, start), end = Math.min(to, start + base.length); h < end; h++) total += base[h - start];
    return total * factor;
}
