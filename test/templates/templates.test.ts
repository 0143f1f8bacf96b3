import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../src/api/index.js';
import { MODEL_TEMPLATES } from '../../src/templates/catalogue.js';
import { efp } from '../helpers/cli-run.js';

/**
 * Every template as `efp init` writes it: a model that `efp check` finds nothing wrong with and `efp eval`
 * evaluates, with figures worked out by hand for two of them.
 */
const work = mkdtempSync(join(tmpdir(), 'efp-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function initialized(folderName: string, template = folderName): Promise<string> {
    const folder = join(work, folderName);
    const init = await efp('init', folder, '--template', template);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    return folder;
}

describe('the templates', () => {
    it('are the folders of templates/, each holding the files the catalogue lists and nothing else', () => {
        expect(readdirSync('templates').sort()).toEqual(MODEL_TEMPLATES.map(t => t.name).sort());
        for (const template of MODEL_TEMPLATES) expect(readdirSync(join('templates', template.name)).sort(), template.name).toEqual([...template.files].sort());
    });

    for (const template of MODEL_TEMPLATES) {
        it(`${template.name}: efp check finds no problem, efp eval gives a footprint`, async () => {
            const folder = await initialized(template.name);
            const model = join(folder, 'model.efp');
            const check = await efp('check', model);
            expect(check).toEqual({ code: 0, stdout: `${model}: no problems found\n`, stderr: '' });
            const evaluation = await efp('eval', model);
            expect(evaluation.stderr).toBe('');
            expect(evaluation.code).toBe(0);
            expect(evaluation.stdout).toMatch(/^Total footprint: [\d,.]+ (g|kg|t|kt) CO2e over the period/m);
            const loaded = await loadModel(model);
            expect(loaded.errors).toEqual([]);
            const systems = loaded.systems();
            expect(systems.length).toBe(1);
            expect(systems[0].total).toBeGreaterThan(0);
            loaded.dispose();
        });
    }

    it('edge-fleet: the cameras\' and gateways\' figures, worked out by hand', async () => {
        const model = await loadModel(join(await initialized('edge-fleet-by-hand', 'edge-fleet'), 'model.efp'));
        const objects = new Map(model.systems()[0].objects.map(o => [o.name, o]));
        // 40 stores deployed in the first hour, 8 cameras each, in use for usage_span 6 years = lifespan 6 years:
        // 40 × 8 × 30 kg × (6 year / 6 year) = 9,600 kg
        expect(objects.get('Smart camera')!.fabrication).toBeCloseTo(9600, 6);
        // each camera draws idle_power + recurrent_workload × (power − idle_power) = 3 W + 0.4 × 5 W = 5 W, every
        // hour of the 6-year period (6 × 8,766 h = 52,596 h): 320 × 5 W × 52,596 h = 84,153.6 kWh, at France's
        // 44 g/kWh (e-footprint's country table, truncated to an integer): 3,702.758 kg
        expect(objects.get('Smart camera')!.energy).toBeCloseTo(84_153.6 * 0.044, 3);
        // a gateway: 60 kg, and its 1 TB disk at 160 kg/TB; one a store: 40 × 220 kg = 8,800 kg
        expect(objects.get('Store gateway')!.fabrication).toBeCloseTo(8800, 6);
        model.dispose();
    });

    it('ml-training-codecarbon: the training counts the emissions of the sample runs', async () => {
        const model = await loadModel(join(await initialized('ml-by-hand', 'ml-training-codecarbon'), 'model.efp'));
        // emissions.csv's three runs draw 40 W (CPU) + 250 W (GPU) + 30 W (RAM) for 2 h, 1 h and 3 h: 0.64 + 0.32
        // + 0.96 = 1.92 kWh, at 0.236 kg/kWh: 0.15104 + 0.07552 + 0.22656 = 0.45312 kg
        expect(model.explain('training.energy_consumed').value).toMatchObject({ kind: 'quantity', value: 1.92, unit: 'kWh' });
        const training = model.systems()[0].objects.find(o => o.name === 'Training runs')!;
        expect(training.energy).toBeCloseTo(0.45312, 9);
        expect(training.fabrication).toBe(0);
        // the GPU's draw while training sets the inference server's: 1.5 kWh of GPU energy over 21,600 s = 250 W
        expect(model.explain('inference_server.gpu_power').value.value).toBeCloseTo(250, 9);
        model.dispose();
    });
});
