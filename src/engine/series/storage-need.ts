import { HourlySeries } from './hourly-series.js';
import { newValues } from './series-memory.js';

/**
 * Cumulative storage need when data written in hour h is deleted at h + `retentionHours`: the running
 * sum of `written[h] - written[h - retentionHours]`.
 *
 * e-footprint computes this running sum in float32, in the unit of the result, and its number of disks
 * is the ceiling of it: over thousands of hours the float32 drift moves values across whole numbers.
 * To give the same numbers of disks, the sum is accumulated the same way here: `written` (SI) is
 * expressed in `unitFactor` units and each step rounded to float32; the result is returned in SI.
 */
export function cumulativeWithDeletion(written: HourlySeries, retentionHours: number, unitFactor: number, replication = 1): HourlySeries {
    const n = written.length;
    const x = written.base;
    const out = newValues(n, false);
    const scale = replication * written.factor / unitFactor;
    let total = 0;
    for (let h = 0; h < n; h++) {
        const deleted = h >= retentionHours ? Math.fround(x[h - retentionHours] * scale) : 0;
        total = Math.fround(total + Math.fround(Math.fround(x[h] * scale) - deleted));
        out[h] = total * unitFactor;
    }
    return new HourlySeries(written.start, out);
}
