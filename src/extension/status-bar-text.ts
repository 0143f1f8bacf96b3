import type { EvaluatedParams } from '../language/protocol.js';
import { formatYearlyMass } from '../engine/presentation.js';

/**
 * What the status bar says of a document's evaluation: its first system's yearly footprint, as `efp eval`,
 * the CodeLens, the inlay hint and the dashboard write it (mass-format.ts: `3,655.5 t CO2e/year`, in the
 * unit of `efp.display.massUnit` when it names one), with a warning sign when the figures are the last
 * good text's. Plain code, no VS Code: status-bar.ts shows it, the tests read it.
 */
export function statusBarText(params: EvaluatedParams | undefined, massUnit: string): { readonly text: string; readonly tooltip: string } {
    if (!params) return { text: '$(loading~spin) efp', tooltip: 'efp: evaluating the model…' };
    if (params.systems.length === 0) return { text: '$(circle-slash) efp', tooltip: params.message ?? 'efp: nothing to show' };
    const first = params.systems[0];
    const more = params.systems.length > 1 ? ` (+${params.systems.length - 1})` : '';
    const lines = params.systems.map(s => `${s.name}: ${formatYearlyMass(s.perYear, massUnit)} on average`);
    if (params.stale) lines.push('', `Last results that evaluated: the file now has ${params.errors} error${params.errors === 1 ? '' : 's'}.`);
    lines.push('', 'Click to open the footprint dashboard.');
    return { text: `${params.stale ? '$(warning)' : '$(pulse)'} ${formatYearlyMass(first.perYear, massUnit)}${more}`, tooltip: lines.join('\n') };
}
