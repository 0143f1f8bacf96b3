/**
 * A model that gives no modeling period runs over the engine's default one (model/model.ts, readPeriod),
 * which a new model's author has not chosen and may not know of: said as information on its system, with
 * the period as the engine took it, so that the quick fix can write it out (`model { start_date: …
 * modeling_duration: … }`) and the figures stop resting on a default.
 */
import type { DiagnosticData, EngineDiagnostic } from '../model/diagnostics.js';
import type { Model } from '../model/model.js';
import { formatUtcHour } from '../series/calendar.js';

/** `2025-01-01`, or `2025-01-01T10:00` for a start within a day: a date as .efp writes one. */
function efpDate(hour: number): string {
    const [date, time] = formatUtcHour(hour).split(' ');
    return time === '00:00:00' ? date : `${date}T${time.slice(0, 5)}`;
}

/**
 * One information on the model's first system when its settings lack a start_date or a modeling_duration;
 * none for a model without a system (a file of shared objects, whose period is its importer's).
 */
export function defaultedPeriodDiagnostics(model: Model): EngineDiagnostic[] {
    const { start_date, modeling_duration } = model.description.settings;
    const missing: Array<'start_date' | 'modeling_duration'> = [];
    if (!start_date) missing.push('start_date');
    if (!modeling_duration) missing.push('modeling_duration');
    if (missing.length === 0) return [];
    const system = model.description.objects.find(o => o.className === 'System' && !o.builtin && o.origin);
    if (!system) return [];
    const start = efpDate(model.period.start);
    const duration = `${model.period.durationValue} ${model.period.durationUnit}`;
    const data: DiagnosticData = { kind: 'defaulted-period', start_date: start, modeling_duration: duration, missing };
    const what = missing.length === 2 ? 'modeling period' : missing[0];
    const message = `the model gives no ${what}: efp models ${duration} from ${start}`;
    return [{
        severity: 'info', code: 'defaulted-period', message, origin: system.origin, data,
        hint: `Write it in the model's settings to choose it: \`model { start_date: ${start}  modeling_duration: ${duration} }\`.`
    }];
}
