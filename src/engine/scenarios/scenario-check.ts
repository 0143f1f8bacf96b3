import type { Model } from '../model/model.js';
import type { ScenarioDescription } from '../model/description.js';
import { didYouMean, didYouMeanHint, suggestionData, type EngineDiagnostic } from '../model/diagnostics.js';
import { classSpec } from '../classes/registry.js';
import { formatUtcHour, utcHourOf } from '../series/calendar.js';
import { changedObject } from './apply-changes.js';

/**
 * What can be wrong with a scenario before it is evaluated: an object or an input that does not exist,
 * an input changed twice, a date that is not one or falls outside the modeling period (e-footprint
 * refuses a simulation_date outside it). The new values themselves (their dimension, the kind of object
 * a link names) are checked by the model the scenario builds, as the model's own inputs are.
 * Returns the problems and the date, in hours since 1970-01-01 UTC.
 */
export function checkScenario(baseline: Model, scenario: ScenarioDescription): { diagnostics: EngineDiagnostic[]; date?: number } {
    const diagnostics: EngineDiagnostic[] = [];
    const error = (code: EngineDiagnostic['code'], message: string, origin: EngineDiagnostic['origin'], hint?: string, data?: EngineDiagnostic['data']) =>
        diagnostics.push({ severity: 'error', code, message, origin, hint, data });
    const seen = new Set<string>();
    for (const change of scenario.changes) {
        const where = change.input.nameOrigin ?? change.input.origin;
        const object = changedObject(baseline.description, change.object);
        if (!object) {
            const guess = didYouMean(change.object, [...baseline.objects.keys(), ...baseline.builtins.keys()]);
            error('unknown-object', `unknown object '${change.object}'`, change.objectOrigin ?? where, guess ? didYouMeanHint(guess) : undefined, suggestionData(change.object, guess));
            continue;
        }
        const spec = classSpec(object.className);
        if (!spec) continue;
        if (!spec.inputs.some(i => i.name === change.attribute)) {
            const calculated = spec.calculated.some(c => c.name === change.attribute);
            const guess = calculated ? undefined : didYouMean(change.attribute, spec.inputs.map(i => i.name));
            error('unknown-attribute', calculated
                ? `'${change.attribute}' of ${spec.article} is calculated; a scenario changes inputs`
                : `${spec.article} has no input '${change.attribute}'`, where,
            guess ? didYouMeanHint(guess) : calculated ? 'Change the inputs it is calculated from.' : `Inputs of ${spec.keyword}: ${spec.inputs.map(i => i.name).join(', ')}.`,
            suggestionData(change.attribute, guess));
            continue;
        }
        const key = `${change.object}.${change.attribute}`;
        if (seen.has(key)) error('invalid-value', `'${key}' is changed twice in scenario ${scenario.id}`, where, 'Keep one of the two lines.');
        seen.add(key);
    }
    let date: number | undefined;
    if (scenario.date !== undefined) {
        try {
            date = utcHourOf(scenario.date);
        } catch (e) {
            error('invalid-value', (e as Error).message, scenario.dateOrigin ?? scenario.origin);
        }
        const { start, length } = baseline.period;
        if (date !== undefined && (date < start || date > start + length - 1)) {
            const day = (hour: number) => formatUtcHour(hour).slice(0, 10);
            error('out-of-range', `scenario ${scenario.id} starts on ${scenario.date}, outside the modeling period (${day(start)} to ${day(start + length - 1)})`,
                scenario.dateOrigin ?? scenario.origin, 'e-footprint simulates changes from a date within the modeling period; move the date, or remove `at` to apply the changes from the start.');
            date = undefined;
        }
    }
    return { diagnostics, date };
}
