import { HourlySeries } from './hourly-series.js';
import { newValues } from './series-memory.js';
import { utcOffsetHours } from './calendar.js';

/**
 * A usage pattern's series is written in the country's local clock. e-footprint converts it by rotating
 * the values circularly by the zone's offset at the start date (daylight-saving changes later in the
 * period are ignored) and keeps the start date.
 */
export function localToUtc(local: HourlySeries, timezone: string): HourlySeries {
    const offset = utcOffsetHours(timezone, local.start) ?? 0;
    const n = local.length;
    if (offset === 0 || n === 0) return local;
    const out = newValues(n, false);
    const v = local.base;
    const shift = ((offset % n) + n) % n;
    // value[i] = local[(i + shift) mod n]: two block copies
    out.set(v.subarray(shift), 0);
    out.set(v.subarray(0, shift), n - shift);
    return new HourlySeries(local.start, out, local.factor);
}
