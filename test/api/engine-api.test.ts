import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    compareModels, loadModel, loadModelText, ModelNotEvaluatedError, SourceUnavailableError, ValuePathError
} from '../../src/api/index.js';
import { compareDumps, loadReference, type DumpLike } from '../helpers/reference-comparison.js';
import { modelFolders } from '../helpers/cli-run.js';

/** The engine API (src/api): what scripts and notebooks get from `@efp-lang/efp`, checked against e-footprint 22.2.1. */
const reference = loadReference('test/fixtures/efootprint/simple_system.outputs.json.gz');
const referenceTotals = reference.system_totals as Record<string, Record<string, { value: number }>>;
const sumOf = (phase: string) => Object.values(referenceTotals[phase]).reduce((s, v) => s + v.value, 0);
const folder = modelFolders();

describe('the engine API', () => {
    it('loads a file and gives every value of e-footprint\'s reference, and its totals', async () => {
        const model = await loadModel('examples/reference/simple_system.efp');
        expect(model.errors).toEqual([]);
        expect(model.evaluated).toBe(true);
        const parity = compareDumps(reference, model.toJson() as unknown as DumpLike);
        expect(parity.mismatches).toEqual([]);
        expect(parity.compared).toBeGreaterThan(100);

        const [system] = model.systems();
        const fabrication = sumOf('total_fabrication_footprint_sum_over_period');
        const energy = sumOf('total_energy_footprint_sum_over_period');
        expect(system.fabrication).toBeCloseTo(fabrication, 0);
        expect(system.energy).toBeCloseTo(energy, 0);
        expect(system.total).toBeCloseTo(fabrication + energy, 0);
        expect(system.objects.reduce((s, o) => s + o.fabrication + o.energy, 0)).toBeCloseTo(system.total, 3);
        model.dispose();
    });

    it('loads a text as the file it stands for, with that file\'s imports', async () => {
        const dir = folder({ 'base.efp': readFileSync('examples/reference/simple_system.efp', 'utf8') });
        const model = await loadModelText('import "base.efp"\n', { path: join(dir, 'main.efp') });
        expect(model.errors).toEqual([]);
        expect(compareDumps(reference, model.toJson() as unknown as DumpLike).mismatches).toEqual([]);
    });

    it('explains a value by its e-footprint name: formula, operands, value and where the input was written', async () => {
        const text = readFileSync('examples/quickstart.efp', 'utf8');
        const model = await loadModelText(text);
        const power = model.explain('web.power');
        expect(power).toMatchObject({ kind: 'input', given: 'user', formula: '300 W', value: { kind: 'quantity', unit: 'W', value: 300 } });
        expect(power.origin?.range.start.line).toBe(text.split('\n').findIndex(l => /^\s*power: 300 W/.test(l)));
        const energy = model.explain('web.energy_footprint');
        expect(energy.kind).toBe('calculated');
        expect(energy.operands.length).toBeGreaterThan(1);
        const graph = model.calculusGraph('web.energy_footprint');
        expect(graph.nodes.map(n => n.key)).toContain(power.key);
        expect(() => model.explain('web.pwer')).toThrow(ValuePathError);
        expect(() => model.explain('web.pwer')).toThrow("server web has no value 'pwer'; did you mean 'power'?");
    });

    it('compares two models: the input that changed and what it does to the footprint', async () => {
        const text = readFileSync('examples/quickstart.efp', 'utf8');
        const before = await loadModelText(text);
        const after = await loadModelText(text.replace('power: 300 W', 'power: 600 W'));
        const diff = compareModels(before, after);
        expect(diff.summary.objects).toEqual({ added: 0, removed: 0, renamed: 0, moved: 0, changed: 1 });
        expect(diff.inputs.objects[0].attributes.map(a => [a.attribute, a.old?.text, a.new?.text])).toEqual([['power', '300 W', '600 W']]);
        const [server] = before.systems()[0].objects.filter(o => o.id === 'web');
        const [serverAfter] = after.systems()[0].objects.filter(o => o.id === 'web');
        expect(diff.summary.total.change).toBeCloseTo(serverAfter.energy - server.energy, 3);
        // the figure `efp diff` prints for this change (test/ci/github-action.test.ts): +170.5 t, energy only
        expect(diff.summary.total.change / 1000).toBeCloseTo(170.5, 1);
        expect(serverAfter.fabrication).toBe(server.fabrication);
    });

    it('says what is wrong with a model as diagnostics, 1-based, and refuses figures', async () => {
        const model = await loadModelText('server s { power: 3 }\n', { path: join(folder({}), 'bad.efp') });
        expect(model.evaluated).toBe(false);
        expect(model.errors).toContainEqual(expect.objectContaining({
            file: expect.stringMatching(/bad\.efp$/), line: 1, column: 19, severity: 'error', code: 'dimension-mismatch',
            message: "'power' expects a power (W); `3` is a pure number", hint: 'Write it in W or a unit of the same kind.'
        }));
        expect(() => model.systems()).toThrow(ModelNotEvaluatedError);
        // a server alone is no model either: no system to total, said first, on its first line
        expect(() => model.systems()).toThrow(/bad\.efp has 3 errors, so no figures: .*bad\.efp:1:1: this model declares no system/);
        expect(model.errors.map(e => e.code)).toEqual(['no-system', 'missing-input', 'dimension-mismatch']);
    });

    it('rejects a file it cannot read, with the reason and a hint', async () => {
        await expect(loadModel(join(folder({}), 'missing.efp'))).rejects.toThrow(SourceUnavailableError);
        await expect(loadModel('README.md')).rejects.toThrow('README.md is not an efp model: efp reads models from .efp files');
    });

    it('reads nothing outside the model\'s folders unless allowed', async () => {
        const outside = folder({ 'secret.efp': readFileSync('examples/reference/simple_system.efp', 'utf8') });
        const inside = folder({});
        const text = `import "${join(outside, 'secret.efp')}"\n`;
        const refused = await loadModelText(text, { path: join(inside, 'main.efp') });
        expect(refused.errors.map(e => e.message)).toEqual([expect.stringContaining('outside the workspace')]);
        const allowed = await loadModelText(text, { path: join(inside, 'main.efp'), allowOutside: true });
        expect(allowed.errors).toEqual([]);
    });
});
