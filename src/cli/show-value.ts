import { calculusGraph, describeSummary, explainNode, type Model, valueAt, ValuePathError } from '../engine/index.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';

/** `object.attribute` for --show: a path that names no value is a usage error, in the terminal's words. */
function findNode(model: Model, path: string) {
    try {
        return valueAt(model, path);
    } catch (e) {
        if (e instanceof ValuePathError) throw new UsageError(terminalText(e.message));
        throw e;
    }
}

/** A value with its formula and operands, for `efp eval --show`. */
export function showValue(model: Model, path: string): string {
    const node = findNode(model, path);
    const explained = explainNode(model, node);
    // every text from the model (names, sources, comments, formulas as written, messages) as the terminal shows it
    const t = terminalText;
    const lines = [`${t(node.object.id)}.${node.attribute} — ${node.label} (${node.object.spec.keyword} "${t(node.object.name)}")`];
    if (explained.kind === 'input') {
        const given = explained.given === 'user' ? 'given' : explained.given === 'archetype' ? 'from its archetype' : 'e-footprint\'s default';
        lines.push(`  ${explained.formula ? `= ${t(explained.formula)}   ` : ''}(${given}${explained.source ? `, source: ${t(explained.source.name)}` : ''}`
            + `${explained.confidence ? `, confidence ${t(explained.confidence)}` : ''})`);
        if (explained.comment) lines.push(`  comment: ${t(explained.comment)}`);
    } else {
        lines.push(`  = ${t(explained.formula)}`);
    }
    lines.push(`  value: ${t(explained.emptyBecause !== undefined ? `empty: ${explained.emptyBecause}` : describeSummary(explained.value))}`);
    if (explained.error) lines.push(`  error: ${t(explained.error)}`);
    if (node.operands.length > 0) {
        lines.push('  operands:');
        const names = node.operands.map(o => t(`${o.object.id}.${o.attribute}`));
        const width = names.reduce((w, n) => Math.max(w, n.length), 0);
        for (const [i, operand] of node.operands.entries()) {
            lines.push(`    ${names[i].padEnd(width)}  ${t(describeSummary(explainNode(model, operand).value))}`);
        }
    }
    return lines.join('\n');
}

/** The whole calculus graph of a value, as JSON (for `efp eval --show … --json`). */
export function showGraphJson(model: Model, path: string): string {
    return JSON.stringify(calculusGraph(model, findNode(model, path)), null, 2);
}
