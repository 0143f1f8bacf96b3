import {
    beforeAfterText, change, describeSummary, type EfpObject, markdownCode, markdownText as text, type Model, type ScenarioResult, scenarioResults, summarize
} from '../../engine/index.js';

/** Hovers on scenarios: Markdown, with every text of the model escaped (src/engine/text/markdown.ts). */

/** A scenario's heading: `scenario llm_chat "Add an LLM chat step", from 2026-01-01` (e-footprint's simulation_date). */
function heading(result: ScenarioResult): string {
    const name = result.name !== result.id ? ` "${text(result.name)}"` : '';
    const when = result.scenario.date ? `from ${text(result.scenario.date)} on (e-footprint's simulation_date)` : 'from the start';
    return `**scenario ${text(result.id)}**${name} — ${when}`;
}

/** Each system's footprint, baseline → scenario, as `efp eval` lists scenarios. */
function effects(result: ScenarioResult): string[] {
    return result.systems.map(s => `- system ${text(s.systemId)}: ${beforeAfterText(change(s.baseline.total, s.scenario.total))}`);
}

export function hoverForScenario(model: Model, id: string): string | undefined {
    const result = scenarioResults(model).find(r => r.id === id);
    if (!result) return undefined;
    const lines = [heading(result), ''];
    if (result.systems.length === 0) lines.push('Not evaluated: the scenario has errors.');
    else {
        lines.push('Footprint (CO2e) over the modeling period, baseline → scenario:', '');
        // one line a system: pushed one by one, not spread into a call
        for (const line of effects(result)) lines.push(line);
    }
    return lines.join('\n');
}

/** What an input says in a model: its value as written (or e-footprint's default), or the objects it links. */
function inputText(model: Model, object: EfpObject | undefined, attribute: string): string {
    if (!object) return 'nothing';
    const node = model.findNode(object.key, attribute);
    const input = object.inputs.get(attribute);
    if (node) {
        const value = describeSummary(summarize(node.value, node.unit));
        const written = input?.text && input.given === 'user' ? input.text : undefined;
        const origin = input?.given === 'default' ? ' (e-footprint\'s default)' : input?.given === 'archetype' ? ' (from its archetype)' : '';
        return written !== undefined && written !== value ? `${markdownCode(written)} = ${text(value)}${origin}` : `${text(value)}${origin}`;
    }
    const ref = object.refs.get(attribute);
    if (ref) return markdownCode(ref.id);
    const list = object.lists.get(attribute);
    if (list) return markdownCode(`[${list.map(o => o.id).join(', ')}]`);
    const weighted = object.weighted.get(attribute);
    if (weighted) return markdownCode(`[${weighted.map(w => (w.weight === 1 ? w.object.id : `${w.object.id} * ${w.weight}`)).join(', ')}]`);
    const written = object.texts.get(attribute);
    return written !== undefined ? markdownCode(written) : input?.text ? markdownCode(input.text) : 'nothing';
}

/** Hover on a scenario's line: the input's value in the baseline → in the scenario, and what that does to the footprint. */
export function hoverForScenarioChange(model: Model, scenarioId: string, objectId: string, attribute: string): string | undefined {
    const result = scenarioResults(model).find(r => r.id === scenarioId);
    if (!result) return undefined;
    const change = result.scenario.changes.find(c => c.object === objectId && c.attribute === attribute);
    const before = model.lookup(objectId, false);
    const after = result.simulation?.model.lookup(objectId, false);
    const lines = [`**${text(`${objectId}.${attribute}`)}** in ${heading(result)}`, ''];
    lines.push(`${inputText(model, before, attribute)} → ${after ? inputText(result.simulation!.model, after, attribute) : markdownCode(change?.input.text ?? '?')}`);
    if (result.systems.length > 0) lines.push('', 'Footprint (CO2e) over the modeling period, baseline → scenario (all its changes):', '', ...effects(result));
    return lines.join('\n');
}
