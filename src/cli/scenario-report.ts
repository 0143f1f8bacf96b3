import { beforeAfterText, change, didYouMean, formatMass, massScaleOf, type Model, type ScenarioResult, scenarioResults, signedMass, percent } from '../engine/index.js';
import { footprintReport } from './footprint-report.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';

function when(result: ScenarioResult): string {
    return result.scenario.date ? `from ${terminalText(result.scenario.date)}` : 'from the start';
}

function title(result: ScenarioResult): string {
    return terminalText(`${result.id}${result.name !== result.id ? ` "${result.name}"` : ''}`);
}

/**
 * The model's scenarios, one line each: the footprint of all systems over the modeling period in the
 * baseline and in the scenario, and the change (`efp eval`, after the model's own footprint).
 */
export function scenarioList(model: Model): string | undefined {
    const results = scenarioResults(model);
    if (results.length === 0) return undefined;
    const total = (r: ScenarioResult, side: 'baseline' | 'scenario') => r.systems.reduce((t, s) => t + s[side].total, 0);
    const width = results.reduce((w, r) => Math.max(w, title(r).length + when(r).length + 3), -Infinity);
    const lines = ['Scenarios (efp eval --scenario NAME for one; CO2e over the modeling period, baseline → scenario)'];
    for (const r of results) {
        const head = `  ${`${title(r)}, ${when(r)}:`.padEnd(width + 1)}`;
        if (r.systems.length === 0) {
            lines.push(`${head} not evaluated (errors)`);
            continue;
        }
        lines.push(`${head} ${beforeAfterText(change(total(r, 'baseline'), total(r, 'scenario')))}`);
    }
    return lines.join('\n');
}

/** `efp eval --scenario NAME`: the scenario's footprint, system by system, in `efp eval`'s table. */
export function scenarioReport(model: Model, name: string, json: boolean): string {
    const results = scenarioResults(model);
    const result = results.find(r => r.id === name);
    if (!result) {
        const guess = didYouMean(name, results.map(r => r.id));
        const known = results.length > 0 ? ` (scenarios: ${results.map(r => r.id).join(', ')})` : ' (it declares none)';
        throw new UsageError(terminalText(`the model has no scenario '${name}'${guess ? `; did you mean '${guess}'?` : known}`));
    }
    if (json) {
        return JSON.stringify({
            scenario: result.id, name: result.name, date: result.scenario.date ?? null,
            systems: result.systems.map(s => ({ system: s.systemId, baseline: s.baseline, scenario: s.scenario }))
        });
    }
    const heading = [`Scenario ${title(result)}, ${when(result)}${result.scenario.date ? ' (e-footprint\'s simulation_date)' : ''}: `
        + (result.scenario.date ? 'the baseline before the date, the changes from then on' : 'the changes from the start')];
    for (const c of result.scenario.changes) heading.push(`  ${terminalText(`${c.object}.${c.attribute}: ${c.input.text ?? ''}`)}`);
    const simulated = result.simulation!.model;
    const systems = result.systems.map(s => {
        const c = change(s.baseline.total, s.scenario.total);
        // the two sides in one scale, the change in its own (as in the list of scenarios)
        const sides = massScaleOf([c.old, c.new]);
        const delta = `Baseline: ${formatMass(c.old, sides)} CO2e; scenario: ${formatMass(c.new, sides)} CO2e (${signedMass(c.change)}, ${percent(c)})`;
        return `${footprintReport(simulated, simulated.lookup(s.systemId)!, s.scenario)}\n\n${delta}`;
    });
    return [heading.join('\n'), ...systems].join('\n\n');
}
