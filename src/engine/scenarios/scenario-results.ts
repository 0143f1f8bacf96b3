import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Origin, ScenarioDescription } from '../model/description.js';
import type { EngineDiagnostic } from '../model/diagnostics.js';
import { systemFootprints, systemsOf, type ObjectFootprint } from '../model/footprint-totals.js';
import { EMPTY, hourly, quantity, type NumericValue } from '../model/values.js';
import { HourlySeries } from '../series/hourly-series.js';
import { summarizeFootprints, summarizeSystem, type SystemFootprintSummary } from '../report/footprint-summary.js';
import { checkScenario } from './scenario-check.js';
import { simulate, type Simulation } from './simulation.js';

/** A system's footprint in the baseline and in the scenario, in the same shape (what `efp eval` prints). */
export interface ScenarioSystemResult {
    readonly systemId: string;
    readonly baseline: SystemFootprintSummary;
    /** The baseline before the scenario's date, the scenario from then on (all of it without a date). */
    readonly scenario: SystemFootprintSummary;
}

/**
 * A scenario evaluated beside its model. For a diff of the two: `baseline` and `simulation.model` have the
 * inputs on both sides (the latter with the changes written in); the footprints to compare are
 * `systems` (with a date, the scenario's figures are the combination, not any one model's).
 */
export interface ScenarioResult {
    readonly scenario: ScenarioDescription;
    readonly id: string;
    readonly name: string;
    /** The simulation_date, in hours since 1970-01-01 UTC; undefined when the changes apply from the start. */
    readonly date?: number;
    readonly baseline: Model;
    /** Undefined when the scenario has errors (then `systems` is empty). */
    readonly simulation?: Simulation;
    readonly systems: readonly ScenarioSystemResult[];
    /** Problems of the scenario, located on its lines. */
    readonly diagnostics: readonly EngineDiagnostic[];
}

/** Evaluates one scenario of the model (the model is its baseline and is left unchanged). */
export function evaluateScenario(baseline: Model, scenario: ScenarioDescription): ScenarioResult {
    const base = { scenario, id: scenario.id, name: scenario.name, baseline };
    const checked = checkScenario(baseline, scenario);
    if (checked.diagnostics.some(d => d.severity === 'error')) return { ...base, systems: [], diagnostics: checked.diagnostics };
    const simulation = simulate(baseline, scenario, checked.date);
    const diagnostics = [...checked.diagnostics, ...scenarioModelFindings(baseline, simulation.model, scenario)];
    if (simulation.model.hasErrors) return { ...base, date: checked.date, systems: [], diagnostics };
    const systems = systemsOf(simulation.model).map(system => {
        const before = baseline.lookup(system.id);
        return {
            systemId: system.id,
            baseline: before ? summarizeSystem(baseline, before) : summarizeFootprints(baseline, system, []),
            scenario: summarizeFootprints(simulation.model, system, scenarioFootprints(baseline, simulation, system))
        };
    });
    return { ...base, date: checked.date, simulation, systems, diagnostics };
}

const cache = new WeakMap<Model, readonly ScenarioResult[]>();

/** Every scenario of the model, evaluated once per model (the editor asks for them on each check and hover). */
export function scenarioResults(model: Model): readonly ScenarioResult[] {
    let results = cache.get(model);
    if (!results) {
        const scenarios = model.description.scenarios ?? [];
        const declared = new Set<string>();
        results = scenarios.map(scenario => {
            const result = evaluateScenario(model, scenario);
            if (!declared.has(scenario.id)) {
                declared.add(scenario.id);
                return result;
            }
            const duplicate: EngineDiagnostic = {
                severity: 'error', code: 'duplicate-name', message: `scenario '${scenario.id}' is declared twice`, origin: scenario.origin,
                hint: 'Give each scenario its own name.'
            };
            return { ...result, diagnostics: [duplicate, ...result.diagnostics] };
        });
        cache.set(model, results);
    }
    return results;
}

export function scenarioDiagnostics(model: Model): EngineDiagnostic[] {
    return model.description.scenarios?.length ? scenarioResults(model).flatMap(r => r.diagnostics) : [];
}

/**
 * The system's footprint rows in the scenario: each object's hours before the date from the baseline,
 * from the date on from the scenario's model (objects the scenario adds count from the date, those it
 * takes away until then). Without a date, the scenario model's own rows.
 */
export function scenarioFootprints(baseline: Model, simulation: Simulation, system: EfpObject): ObjectFootprint[] {
    const after = systemFootprints(simulation.model, system);
    const date = simulation.date;
    if (date === undefined) return after;
    const beforeSystem = baseline.lookup(system.id);
    const before = beforeSystem ? systemFootprints(baseline, beforeSystem) : [];
    const key = (row: ObjectFootprint) => `${row.object.className}|${row.object.key}`;
    const beforeByKey = new Map(before.map(r => [key(r), r]));
    const afterKeys = new Set(after.map(key));
    const { start, length } = baseline.period;
    const rows = [...after, ...before.filter(r => !afterKeys.has(key(r)))];
    return rows.map(row => {
        const old = beforeByKey.get(key(row));
        const now = afterKeys.has(key(row)) ? row : undefined;
        return {
            object: row.object,
            category: row.category,
            fabrication: combineAt(old?.fabrication ?? EMPTY, now?.fabrication ?? EMPTY, date, start, length),
            energy: combineAt(old?.energy ?? EMPTY, now?.energy ?? EMPTY, date, start, length)
        };
    });
}

/**
 * `before` for the hours before `date`, `after` from it on. A scalar footprint (spread evenly over the
 * period, as the dashboard draws it) counts for the share of the period on its side of the date.
 */
export function combineAt(before: NumericValue, after: NumericValue, date: number, periodStart: number, periodLength: number): NumericValue {
    if (before.kind === 'empty' && after.kind === 'empty') return EMPTY;
    const dimension = before.kind !== 'empty' ? before.dimension : (after as Exclude<NumericValue, { kind: 'empty' }>).dimension;
    const perHour = (v: NumericValue) => (v.kind === 'quantity' && periodLength > 0 ? v.value / periodLength : 0);
    if (before.kind !== 'hourly' && after.kind !== 'hourly') {
        const split = Math.min(Math.max(date - periodStart, 0), periodLength);
        return quantity(perHour(before) * split + perHour(after) * (periodLength - split), dimension);
    }
    const spans = [before, after].map(v => (v.kind === 'hourly' ? [v.series.start, v.series.end] : [periodStart, periodStart + periodLength]));
    const from = Math.min(spans[0][0], spans[1][0]), to = Math.max(spans[0][1], spans[1][1]);
    const values = new Float64Array(to - from);
    const fill = (v: NumericValue, lo: number, hi: number) => {
        if (v.kind === 'hourly') {
            const { start, base, factor } = v.series;
            for (let h = Math.max(lo, start); h < Math.min(hi, start + base.length); h++) values[h - from] = base[h - start] * factor;
        } else if (v.kind === 'quantity') {
            const each = perHour(v);
            for (let h = Math.max(lo, periodStart); h < Math.min(hi, periodStart + periodLength); h++) values[h - from] = each;
        }
    };
    fill(before, from, date);
    fill(after, date, to);
    return hourly(new HourlySeries(from, values), dimension);
}

/**
 * What the scenario's model reports that the baseline does not: problems on the scenario's own lines
 * (a new value of the wrong dimension, a link to the wrong kind of object) as they are, others (a server
 * the scenario overloads) on the scenario's name.
 */
function scenarioModelFindings(baseline: Model, model: Model, scenario: ScenarioDescription): EngineDiagnostic[] {
    const key = (d: EngineDiagnostic) => `${d.code}|${d.message}|${d.origin?.uri}|${d.origin?.range.start.line}|${d.origin?.range.start.character}`;
    const known = new Set(baseline.diagnostics.map(key));
    const lines = scenario.changes.map(c => c.input.origin).filter((o): o is Origin => o !== undefined);
    const result: EngineDiagnostic[] = [];
    for (const d of model.diagnostics) {
        if (d.severity === 'hint' || d.severity === 'info') continue;
        if (d.origin && lines.some(line => within(d.origin!, line))) result.push(d);
        // moved onto the scenario's name, it no longer covers what its data names: no quick fix there
        else if (!known.has(key(d))) result.push({ ...d, message: `in scenario ${scenario.id}: ${d.message}`, origin: scenario.origin ?? d.origin, data: undefined });
    }
    return result;
}

function within(inner: Origin, outer: Origin): boolean {
    const before = (a: Origin['range']['start'], b: Origin['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return inner.uri === outer.uri && before(outer.range.start, inner.range.start) && before(inner.range.end, outer.range.end);
}
