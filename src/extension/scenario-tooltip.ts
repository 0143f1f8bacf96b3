import type { ScenarioItem } from '../language/protocol.js';
import { markdownCode, markdownText } from '../engine/presentation.js';

/**
 * The Markdown tooltip of a scenario in the Scenarios view: its label, name and date escaped
 * (src/engine/text/markdown.ts), so that a scenario's label in someone else's model shows as text.
 */
export function scenarioTooltip(s: ScenarioItem, change: string | undefined): string {
    return [
        `**${markdownText(s.name)}** (${markdownCode(`scenario ${s.id}`)})`,
        s.date ? `Changes take effect on ${markdownText(s.date)} (e-footprint's simulation_date).` : 'Changes apply from the start of the modeling period.',
        change ? `Total change against the baseline: ${markdownText(change)}.` : markdownText(s.error ?? ''),
        'Click to open its emission diff against the baseline.'
    ].filter(Boolean).join('\n\n');
}
