import { describeSummary, type EfpObject, type ExplainedNode, type Model, type Node, summarize, yearlyFootprint } from '../../engine/index.js';
import { yearlyText } from '../lsp/footprint-text.js';

/**
 * Plain-text tooltips of graph nodes, in the words of the editor's hovers: a calculated value with its
 * formula and its operands' values, an input as written with where it comes from, an object with its
 * footprint.
 */

const GIVEN = { user: 'given in the model', archetype: 'from its archetype', default: 'e-footprint\'s default' } as const;

function owner(object: EfpObject): string {
    return `${object.spec.keyword} "${object.name}"`;
}

export function valueTooltip(node: Node, explained: ExplainedNode): string {
    const value = explained.emptyBecause !== undefined ? `empty: ${explained.emptyBecause}` : describeSummary(explained.value);
    const lines = [`${node.object.id}.${node.attribute} — ${node.label}`, `of ${owner(node.object)}`, '', `= ${value}`, ''];
    if (explained.kind === 'input') {
        if (explained.formula) lines.push(`written: ${explained.formula}`);
        const facts: string[] = [GIVEN[explained.given ?? 'user']];
        if (explained.source) facts.push(`source: ${explained.source.name}${explained.source.link ? ` (${explained.source.link})` : ''}`);
        if (explained.confidence) facts.push(`confidence: ${explained.confidence}`);
        lines.push(facts.join(' · '));
        if (explained.comment) lines.push(`“${explained.comment}”`);
        const spec = node.object.spec.inputs.find(i => i.name === node.attribute);
        if (spec) lines.push('', spec.description);
    } else {
        lines.push(`${node.attribute} = ${explained.formula}`);
    }
    if (node.operands.length > 0) {
        lines.push('', 'where');
        for (const operand of node.operands) {
            lines.push(`  ${operand.object.id}.${operand.attribute} = ${describeSummary(summarize(operand.value, operand.unit))}`);
        }
    }
    if (explained.error) lines.push('', `⚠ ${explained.error}`);
    return lines.join('\n').trim();
}

export function objectTooltip(model: Model, object: EfpObject): string {
    const lines = [`${object.spec.keyword} ${object.id} — "${object.name}" (e-footprint ${object.className})`, '', object.spec.description];
    const yearly = yearlyFootprint(model, object);
    if (yearly?.kind === 'counted') lines.push('', `≈ ${yearlyText(yearly)} on average over the modeling period`);
    else if (yearly) lines.push('', `${yearlyText(yearly)}: its footprint counts in no total`);
    if (object.description.builtin) lines.push('', 'From efp\'s built-in library.');
    return lines.join('\n');
}
