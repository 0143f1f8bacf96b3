import type { EngineDiagnostic } from './model/diagnostics.js';
import type { Model } from './model/model.js';
import { budgetDiagnostics } from './budgets/budget-diagnostics.js';
import { scenarioDiagnostics } from './scenarios/scenario-results.js';
import { checkScenario } from './scenarios/scenario-check.js';
import { seriesCoverageDiagnostics } from './report/series-coverage.js';
import { defaultedPeriodDiagnostics } from './report/defaulted-period.js';

/**
 * What the editor and `efp check` report about an evaluated model: the problems found while building
 * and evaluating it, the modeling period when the engine's default stands in for it, usage patterns whose series do not cover the modeling period, what its evaluated
 * values break (budgets) and what is wrong with its scenarios. The
 * budgets are worked out on each call, so they follow the model's current values.
 *
 * A model whose text names something unknown (said by the front end) has no figures of its own: its
 * budgets and scenario results would be those of a model missing a link, so only what its text shows
 * is found (its scenarios' changes checked, not evaluated). The rest follows once the names resolve.
 */
export function modelFindings(model: Model): EngineDiagnostic[] {
    if (model.hasUnresolvedNames) {
        const scenarios = model.description.scenarios ?? [];
        return [...model.diagnostics, ...seriesCoverageDiagnostics(model), ...scenarios.flatMap(s => checkScenario(model, s).diagnostics)];
    }
    return [...model.diagnostics, ...defaultedPeriodDiagnostics(model), ...seriesCoverageDiagnostics(model), ...budgetDiagnostics(model), ...scenarioDiagnostics(model)];
}
