/**
 * How a day's total is spread over its 24 hours, for series read from rows of days or months: `flat`
 * (each hour a 24th) or 24 weights, one per hour from 00:00 on the series' clock, scaled to sum to 1
 * (`[1, 1, …, 2, …]` gives the hours weighted 2 twice the share of the others).
 */
export const HOURS_IN_DAY = 24;

export const FLAT_PROFILE: Float64Array = new Float64Array(HOURS_IN_DAY).fill(1 / HOURS_IN_DAY);

export type DayProfileReading = { readonly ok: true; readonly shares: Float64Array } | { readonly ok: false; readonly problem: string };

/** The shares of 24 weights: each finite and not negative, at least one positive. */
export function dayProfile(weights: readonly number[]): DayProfileReading {
    if (weights.length !== HOURS_IN_DAY) {
        return { ok: false, problem: `a profile has ${HOURS_IN_DAY} weights, one per hour from 00:00; this one has ${weights.length}` };
    }
    let total = 0;
    for (let h = 0; h < HOURS_IN_DAY; h++) {
        const w = weights[h];
        if (!Number.isFinite(w) || w < 0) return { ok: false, problem: `the weight of hour ${h} is ${w}; weights are numbers of 0 or more` };
        total += w;
    }
    if (!(total > 0) || !Number.isFinite(total)) return { ok: false, problem: 'the weights add up to 0: no hour would get any of the day' };
    return { ok: true, shares: Float64Array.from(weights, w => w / total) };
}
