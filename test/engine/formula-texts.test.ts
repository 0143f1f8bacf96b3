import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/api/load-model.js';
import { loadedModelOf } from '../../src/api/efp-model.js';
import { buildModel } from '../../src/engine/build-model.js';
import { CLASS_SPECS } from '../../src/engine/classes/registry.js';
import { importEfootprintJson } from '../../src/engine/import/efootprint-json-import.js';
import { operandList } from '../../src/engine/model/class-spec.js';
import type { Model } from '../../src/engine/model/model.js';

/**
 * The formula a hover or the calculus graph shows says exactly what the code reads: for every calculated
 * value of the examples and of the e-footprint systems the parity tests compare against, the names of
 * its operands (the keys of its FormulaOperands) are the attribute names its text mentions. A name is
 * any word that is an input with a value or a calculated attribute of some class: prose that happens to
 * be such a word (`power`, `period`) must then be what the formula reads, or be reworded.
 */
const NAMES = new Set(CLASS_SPECS.flatMap(spec => [
    ...spec.inputs.filter(i => i.type === 'quantity' || i.type === 'hourly').map(i => i.name),
    ...spec.calculated.map(c => c.name)
]));

function namesIn(text: string): Set<string> {
    return new Set((text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter(word => NAMES.has(word)));
}

/** Each formula whose text and operands differ, once per class, attribute and text. */
function drifts(model: Model): string[] {
    const found = new Set<string>();
    for (const node of model.nodes.values()) {
        if (node.kind !== 'calculated') continue;
        const spec = node.object.spec.calculated.find(c => c.name === node.attribute)!;
        const definition = spec.define(node.object, model);
        // the node keeps the operands named, in their given order or else name after name
        const named = operandList(definition.operands).map(o => o.key);
        expect(node.operands.map(o => o.key), node.key).toEqual(definition.operandOrder?.map(o => o.key) ?? named);
        expect([...node.operands.map(o => o.key)].sort(), node.key).toEqual([...named].sort());
        const read = new Set(Object.keys(definition.operands));
        const written = namesIn(definition.formula);
        const unnamed = [...read].filter(n => !written.has(n));
        const unread = [...written].filter(n => !read.has(n));
        if (unnamed.length > 0 || unread.length > 0) {
            found.add(`${node.object.className}.${node.attribute}: reads but does not name [${unnamed.join(', ')}], names but does not read [${unread.join(', ')}]: "${definition.formula}"`);
        }
    }
    return [...found];
}

const EXAMPLES = [
    ...readdirSync('examples').filter(f => f.endsWith('.efp')).map(f => join('examples', f)),
    ...readdirSync('examples/reference').filter(f => f.endsWith('.efp')).map(f => join('examples/reference', f))
];
const EFOOTPRINT_SYSTEMS = readdirSync('test/fixtures/efootprint').filter(f => f.endsWith('.efootprint.json')).map(f => join('test/fixtures/efootprint', f));

describe('formula texts name exactly the operands they read', () => {
    it('covers the examples and the reference systems', () => {
        expect(EXAMPLES.length).toBeGreaterThanOrEqual(9);
        expect(EFOOTPRINT_SYSTEMS.length).toBeGreaterThanOrEqual(6);
    });

    for (const file of EXAMPLES) {
        it(file, async () => {
            const loaded = loadedModelOf(await loadModel(file));
            expect(loaded.model, file).toBeDefined();
            expect(drifts(loaded.model!)).toEqual([]);
        });
    }

    it('a system of CodeCarbon runs (a measurement, which no example has)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-formula-texts-'));
        copyFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', join(dir, 'emissions.csv'));
        writeFileSync(join(dir, 'model.efp'), 'measurement training { file: "emissions.csv" }\nsystem lab { measurements: [training] }\n');
        const loaded = loadedModelOf(await loadModel(join(dir, 'model.efp')));
        expect(loaded.model?.findNode('training', 'energy_footprint')).toBeDefined();
        expect(drifts(loaded.model!)).toEqual([]);
    });

    for (const file of EFOOTPRINT_SYSTEMS) {
        it(file, () => {
            const model = buildModel(importEfootprintJson(readFileSync(file, 'utf8')).description);
            expect(drifts(model)).toEqual([]);
        });
    }
});
