import { DateTime } from 'luxon';
import type { NumericValue } from './values.js';

/** Sum of an hourly value per calendar year (UTC): `{2025: 12.3, 2026: 45.6}`. Empty and scalars give {}. */
export function totalsByYear(value: NumericValue): Map<number, number> {
    const totals = new Map<number, number>();
    if (value.kind !== 'hourly') return totals;
    const { start, base: values, factor } = value.series;
    let hour = start;
    let i = 0;
    while (i < values.length) {
        const date = DateTime.fromMillis(hour * 3_600_000, { zone: 'utc' });
        const nextYear = Math.floor(DateTime.utc(date.year + 1, 1, 1).toMillis() / 3_600_000);
        const end = Math.min(values.length, i + (nextYear - hour));
        let sum = 0;
        for (; i < end; i++) sum += values[i];
        totals.set(date.year, (totals.get(date.year) ?? 0) + sum * factor);
        hour = nextYear;
    }
    return totals;
}
