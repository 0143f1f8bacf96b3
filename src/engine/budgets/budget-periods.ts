import { DateTime } from 'luxon';

/** The windows a budget's limit applies to, one after another from the start of the modeling period. */
export const BUDGET_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type BudgetPeriod = typeof BUDGET_PERIODS[number];

/** One window of the modeling period: its hours (since 1970-01-01 UTC) and a name for messages. */
export interface PeriodWindow {
    readonly start: number;
    /** One past the last hour. */
    readonly end: number;
    /** `2027`, `2027-03`, `2027-W09`, `2027-03-04`, `2027-03-04 13:00`. */
    readonly label: string;
    /** Hours of the whole window, of which the modeling period may cover only part (`end - start`). */
    readonly fullHours: number;
}

const HOUR_MS = 3_600_000;

function startOf(date: DateTime, period: BudgetPeriod): DateTime {
    // ISO weeks start on Monday, as budgets and reports usually count them
    return period === 'week' ? date.startOf('week') : date.startOf(period);
}

function labelOf(date: DateTime, period: BudgetPeriod): string {
    switch (period) {
        case 'year': return date.toFormat('yyyy');
        case 'month': return date.toFormat('yyyy-MM');
        case 'week': return date.toFormat("kkkk-'W'WW");
        case 'day': return date.toFormat('yyyy-MM-dd');
        case 'hour': return date.toFormat('yyyy-MM-dd HH:00');
    }
}

/**
 * The calendar windows (UTC, as the engine's hourly series) that the hours `start … start + length`
 * fall in, clipped to those hours: a model starting on 15 March has a first yearly window of 15 March to
 * 31 December.
 */
export function periodWindows(start: number, length: number, period: BudgetPeriod): PeriodWindow[] {
    const windows: PeriodWindow[] = [];
    const end = start + length;
    let hour = start;
    while (hour < end) {
        const calendarStart = startOf(DateTime.fromMillis(hour * HOUR_MS, { zone: 'utc' }), period);
        const calendarEnd = calendarStart.plus({ [period + 's']: 1 });
        const next = Math.round(calendarEnd.toMillis() / HOUR_MS);
        windows.push({
            start: hour,
            end: Math.min(next, end),
            label: labelOf(calendarStart, period),
            fullHours: next - Math.round(calendarStart.toMillis() / HOUR_MS)
        });
        hour = next;
    }
    return windows;
}
