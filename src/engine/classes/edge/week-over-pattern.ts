import type { EfpObject } from '../../model/efp-object.js';
import type { NumericValue } from '../../model/values.js';
import type { HourlySeries } from '../../series/hourly-series.js';
import { localToUtc } from '../../series/to-utc.js';
import { replayWeek } from '../../series/typical-week.js';

/**
 * A typical week (e-footprint's recurrent quantities) replayed over the hours an edge usage pattern's
 * journeys run in parallel: the week is the pattern's local week, moved to UTC with its country's time
 * zone, times the number of times the need occurs in the journey. Undefined when either is not hourly.
 */
export function weekOverPattern(week: NumericValue, parallel: NumericValue, pattern: EfpObject, occurrences: number): HourlySeries | undefined {
    if (week.kind !== 'hourly' || parallel.kind !== 'hourly') return undefined;
    const timezone = pattern.ref('country')?.text('timezone') ?? 'Europe/Paris';
    const local = replayWeek(week.series, parallel.series.start, parallel.series.length);
    return localToUtc(local, timezone).scale(occurrences);
}
