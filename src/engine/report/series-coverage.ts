/**
 * Whether each usage pattern's hourly series covers the modeling period, and what efp does where it
 * does not. A series read from a file, or given a start date, easily starts late or stops early; the
 * figures then quietly miss hours (or count hours outside the period), so each pattern whose series does
 * not match the period gets a warning on the series, saying what was assumed:
 * - an hour the series has no value for counts as 0 journeys: e-footprint takes the sum of series over
 *   the union of their hours, missing hours counting as 0, and efp does the same (series/hourly-series.ts);
 * - an hour of the series outside the period still counts in the footprint: e-footprint sums every hour
 *   of a series (its period is the span of its usage patterns' series), and so do efp's totals, though
 *   the timeline of the period (the dashboard's, `efp eval`'s years) shows only the period's hours.
 * A series ending where e-footprint's own forms end it is not reported: they count a `3 year` period as
 * 3 × 365 days, efp as 3 × 365.25 (volume_growth's default duration ends up to a day a year earlier).
 */
import type { EngineDiagnostic } from '../model/diagnostics.js';
import type { Model } from '../model/model.js';
import { formatUtcHour } from '../series/calendar.js';
import { DAYS_IN_FORM_TIMESPAN, type FormTimespan } from '../series/builders.js';
import { formatNumber } from '../model/value-format.js';

/**
 * The hourly series of each kind of pattern, and what one of its values counts. An edge pattern's
 * journey starts are deployments: a fleet set up in its first hours and none after is the ordinary
 * shape (e-footprint's own edge example gives 9 hours), so only its hours outside the period are said.
 */
const PATTERN_SERIES: Readonly<Record<string, { input: string; counts: string; earlyEnd: boolean }>> = {
    UsagePattern: { input: 'hourly_usage_journey_starts', counts: 'usage journey starts', earlyEnd: true },
    EdgeUsagePattern: { input: 'hourly_edge_usage_journey_starts', counts: 'edge usage journey starts', earlyEnd: false }
};

/** `2025-01-01 00:00` */
function hourText(hour: number): string {
    return formatUtcHour(hour).slice(0, 16);
}

function hoursText(hours: number): string {
    return hours % 24 === 0 ? `${formatNumber(hours / 24, 0)} day${hours === 24 ? '' : 's'}` : `${formatNumber(hours, 0)} hour${hours === 1 ? '' : 's'}`;
}

/** Where e-footprint's forms end the model's period (365-day years, 30-day months), when its unit is one of theirs. */
function formEnd(model: Model): number | undefined {
    const { start, durationValue, durationUnit } = model.period;
    const unit = durationUnit.replace(/s$/, '');
    if (!(unit in DAYS_IN_FORM_TIMESPAN)) return undefined;
    return start + Math.trunc(durationValue * DAYS_IN_FORM_TIMESPAN[unit as FormTimespan]) * 24;
}

export function seriesCoverageDiagnostics(model: Model): EngineDiagnostic[] {
    const out: EngineDiagnostic[] = [];
    const start = model.period.start;
    const end = start + model.period.length;
    const formsEnd = formEnd(model);
    for (const object of model.instances) {
        const pattern = PATTERN_SERIES[object.className];
        if (!pattern || object.description.builtin) continue;
        const node = model.findNode(object.key, pattern.input);
        const value = node?.error === undefined ? node?.value : undefined;
        if (value?.kind !== 'hourly') continue;
        const series = value.series;
        const findings: string[] = [];
        const startsLate = series.start > start;
        const endsEarly = pattern.earlyEnd && series.end < end && series.end !== formsEnd;
        if (startsLate || series.start < start) {
            findings.push(`it starts ${hourText(series.start)}, ${hoursText(Math.abs(series.start - start))} ${startsLate ? 'after' : 'before'} `
                + `the model's start (${hourText(start)})`);
        }
        if (endsEarly || series.end > end) {
            findings.push(`it ends ${hourText(series.end)}, ${hoursText(Math.abs(end - series.end))} ${endsEarly ? 'before' : 'after'} the model's end (${hourText(end)})`);
        }
        if (findings.length === 0) continue;
        const assumptions = [
            startsLate || endsEarly ? `no ${pattern.counts} are counted in the period's hours the series has no value for (e-footprint counts them 0)` : '',
            series.start < start || series.end > end
                ? 'the series\' hours outside the period still count in the footprint (e-footprint sums every hour of a series), though the timeline shows only the period'
                : ''
        ].filter(a => a !== '');
        const input = object.inputs.get(pattern.input);
        out.push({
            severity: 'warning', code: 'series-coverage', origin: input?.expr.origin ?? input?.origin ?? object.origin,
            message: `${object}: ${pattern.input} does not match the modeling period: ${findings.join('; ')}. Assumed: ${assumptions.join('; ')}`,
            hint: 'Make the series cover the model\'s period, or set start_date and modeling_duration to the series\' dates.'
        });
    }
    return out;
}
