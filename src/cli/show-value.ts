import type { Model } from '../engine/model/model.js';
import { calculusGraph, explainNode } from '../engine/model/explain.js';
import { describeSummary } from '../engine/model/value-format.js';
import { UsageError } from './usage-error.js';
import { didYouMean } from '../engine/model/diagnostics.js';

/** Finds `object.attribute` (a model object first, else a built-in one). */
function findNode(model: Model, path: string) {
    const dot = path.lastIndexOf('.');
    if (dot <= 0) throw new UsageError(`--show takes object.attribute, e.g. web.energy_footprint (got '${path}')`);
    const [id, attribute] = [path.slice(0, dot), path.slice(dot + 1)];
    const object = model.lookup(id);
    if (!object) throw new UsageError(`no object '${id}' in the model`);
    const node = model.findNode(object.key, attribute);
    if (!node) {
        const names = [...object.spec.inputs.map(i => i.name), ...object.spec.calculated.map(c => c.name)];
        const guess = didYouMean(attribute, names);
        throw new UsageError(`${object} has no value '${attribute}'; ${guess ? `did you mean '${guess}'?` : `it has ${names.join(', ')}`}`);
    }
    return node;
}

/** A value with its formula and operands, for `efp eval --show`. */
export function showValue(model: Model, path: string): string {
    const node = findNode(model, path);
    const explained = explainNode(model, node);
    const lines = [`${node.object.id}.${node.attribute} — ${node.label} (${node.object.spec.keyword} "${node.object.name}")`];
    if (explained.kind === 'input') {
        const given = explained.given === 'user' ? 'given' : explained.given === 'archetype' ? 'from its archetype' : 'e-footprint\'s default';
        lines.push(`  ${explained.formula ? `= ${explained.formula}   ` : ''}(${given}${explained.source ? `, source: ${explained.source.name}` : ''}`
            + `${explained.confidence ? `, confidence ${explained.confidence}` : ''})`);
        if (explained.comment) lines.push(`  comment: ${explained.comment}`);
    } else {
        lines.push(`  = ${explained.formula}`);
    }
    lines.push(`  value: ${describeSummary(explained.value)}`);
    if (explained.error) lines.push(`  error: ${explained.error}`);
    if (node.operands.length > 0) {
        lines.push('  operands:');
        const width = Math.max(...node.operands.map(o => `${o.object.id}.${o.attribute}`.length));
        for (const operand of node.operands) {
            lines.push(`    ${`${operand.object.id}.${operand.attribute}`.padEnd(width)}  ${describeSummary(explainNode(model, operand).value)}`);
        }
    }
    return lines.join('\n');
}

/** The whole calculus graph of a value, as JSON (for `efp eval --show … --json`). */
export function showGraphJson(model: Model, path: string): string {
    return JSON.stringify(calculusGraph(model, findNode(model, path)), null, 2);
}
