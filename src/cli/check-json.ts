import type { FileDiagnostic } from '../language/document-analysis.js';
import { EFP_VERSION } from '../version.js';
import { diagnosticOf } from '../api/diagnostic.js';
import { problemCounts, reportPath, type CheckedModel } from './checked-model.js';

/** A diagnostic in the JSON report: the engine API's, with the file as `efp check` names it. */
function jsonDiagnostic(d: FileDiagnostic) {
    return { ...diagnosticOf(d), file: reportPath(d.uri) };
}

/**
 * `efp check --format json`: each model's diagnostics (as the engine API's Diagnostic, docs/api.md), its
 * counts and its systems' footprints (kg CO2e over the period), then the counts of the whole run. Strings
 * stay as the model wrote them: JSON.stringify escapes what JSON needs, and a reader escapes for its output.
 */
export function checkJson(models: readonly CheckedModel[]): string {
    const files = models.map(m => ({
        file: m.file,
        ...problemCounts(m.diagnostics),
        ...(m.baseline === undefined ? {} : { baseline: m.baseline }),
        diagnostics: m.diagnostics.map(jsonDiagnostic),
        systems: m.systems.map(s => ({
            id: s.systemId, name: s.system, total: s.total, fabrication: s.fabrication, energy: s.energy, perYear: s.perYear,
            periodStart: new Date(s.periodStart * 3_600_000).toISOString(), hours: s.hours
        }))
    }));
    const errors = files.reduce((n, f) => n + f.errors, 0), warnings = files.reduce((n, f) => n + f.warnings, 0);
    return JSON.stringify({ efp_version: EFP_VERSION, errors, warnings, files }, null, 2);
}
