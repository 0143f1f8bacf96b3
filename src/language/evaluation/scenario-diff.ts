import { diffInputs, diffSystemSummaries, type ModelDiff, modelDiffOf, type ScenarioResult } from '../../engine/index.js';

/**
 * A scenario against its baseline as a ModelDiff: the inputs from the two models (the scenario's with
 * its changes written in), the footprints from the scenario's own figures. With a simulation_date those
 * are the baseline's before the date and the recomputed values after it, which no single model has, so
 * the systems are compared by their summaries.
 */
export function scenarioDiff(result: ScenarioResult): ModelDiff | undefined {
    const scenarioModel = result.simulation?.model;
    if (!scenarioModel) return undefined;
    const { matching: _matching, ...inputs } = diffInputs(result.baseline, scenarioModel);
    return modelDiffOf(inputs, result.systems.map(s => diffSystemSummaries(s.baseline, s.scenario)));
}
