import type { EngineDiagnostic } from './model/diagnostics.js';
import type { Model } from './model/model.js';
import { budgetDiagnostics } from './budgets/budget-diagnostics.js';
import { scenarioDiagnostics } from './scenarios/scenario-results.js';
import { seriesCoverageDiagnostics } from './report/series-coverage.js';

/**
 * What the editor and `efp check` report about an evaluated model: the problems found while building
 * and evaluating it, usage patterns whose series do not cover the modeling period, what its evaluated
 * values break (budgets) and what is wrong with its scenarios. The
 * budgets are worked out on each call, so they follow the model's current values.
 */
export function modelFindings(model: Model): EngineDiagnostic[] {
    return [...model.diagnostics, ...seriesCoverageDiagnostics(model), ...budgetDiagnostics(model), ...scenarioDiagnostics(model)];
}
