import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

const V33 = 'test/fixtures/codecarbon/example_emissions_v3.3.csv';
const V28 = 'test/fixtures/codecarbon/example_emissions_v2.8.csv';
const SCHEMAS = ['algorithm', 'dataset', 'hardware', 'measure', 'report'];

/** BoAmps 1.1's report schema (draft-04) with the schemas it refers to by URL. */
function boampsValidator() {
    // not strict: the schema puts `required` on an array (report_schema.json, measures), which draft-04 ignores
    // CommonJS modules seen from an ES module: their default export is `.default`
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv as never);
    for (const name of SCHEMAS.slice(0, 4)) ajv.addSchema(JSON.parse(readFileSync(`test/fixtures/boamps/schema_v1.1/${name}_schema.json`, 'utf8')) as object);
    return ajv.compile(JSON.parse(readFileSync('test/fixtures/boamps/schema_v1.1/report_schema.json', 'utf8')) as object);
}

describe('efp import codecarbon', () => {
    it('writes a measurement per project that reads the CSV, and the .efp evaluates to the file\'s emissions', async () => {
        const dir = writeModelFiles({});
        copyFileSync(V33, join(dir, 'emissions.csv'));
        const out = join(dir, 'measured.efp');
        const result = await efp('import', 'codecarbon', join(dir, 'emissions.csv'), '-o', out);
        expect(result.code).toBe(0);
        const text = readFileSync(out, 'utf8');
        expect(text).toContain('measurement llm_lora_finetune "llm-lora-finetune" {');
        expect(text).toContain('  file: "emissions.csv"');
        expect(text).toContain('  project_name: "llm-lora-finetune"');
        expect(text).toContain('system measured_runs { measurements: [llm_lora_finetune] }');
        expect(text).toContain('CodeCarbon v3.2+ layout, 3 runs');
        const evaluated = await efp('eval', out, '--show', 'llm_lora_finetune.emissions');
        expect(evaluated.code).toBe(0);
        expect(evaluated.stdout).toContain('source: CodeCarbon emissions.csv, 3 runs (project_name "llm-lora-finetune")');
        const total = await efp('eval', out);
        expect(total.stdout).toContain('Measurements');
        expect(total.stdout).toContain('311.8 g CO2e over the period');
    });

    it('names the CSV relative to the .efp it writes (v2.8 layout)', async () => {
        const dir = writeModelFiles({ 'models/.keep': '' });
        copyFileSync(V28, join(dir, 'emissions.csv'));
        const out = join(dir, 'models', 'm.efp');
        expect((await efp('import', 'codecarbon', join(dir, 'emissions.csv'), '-o', out)).code).toBe(0);
        expect(readFileSync(out, 'utf8')).toContain('file: "../emissions.csv"');
        // the CSV lies above the model's folder, in no git repository: reading it is the user's choice
        const shown = await efp('eval', '--allow-outside', out, '--show', 'sentiment_finetune.energy_consumed');
        expect(shown.stdout).toContain('= 0.0370572 kWh');
    });

    it('a bad file: the line and column, exit 1; a missing file: exit 2', async () => {
        const dir = writeModelFiles({ 'bad.csv': readFileSync(V33, 'utf8').replace('0.4293469669823467', 'lots') });
        const bad = await efp('import', 'codecarbon', join(dir, 'bad.csv'));
        expect(bad.code).toBe(1);
        expect(bad.stderr).toContain(`${join(dir, 'bad.csv')}:3: error: line 3, column 'energy_consumed': \`lots\` is not a number`);
        expect((await efp('import', 'codecarbon', join(dir, 'none.csv'))).code).toBe(2);
        expect((await efp('import', 'zipfile', join(dir, 'bad.csv'))).code).toBe(2);
    });
});

describe('efp export --boamps', () => {
    const example = JSON.parse(readFileSync('test/fixtures/boamps/example_report_from_codecarbon_v3.3.json', 'utf8')) as Record<string, unknown>;

    it('writes the report CodeCarbon 3.3 writes for the run, valid against BoAmps 1.1', async () => {
        const result = await efp('export', '--boamps', 'test/fixtures/boamps/lora-finetune.efp');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as Record<string, any>;
        const validate = boampsValidator();
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
        // the validator does reject what CodeCarbon warns about: a report without its task
        expect(validate({ ...report, task: undefined })).toBe(false);
        // CodeCarbon's mapping, field by field
        expect(report.header).toEqual(example.header);
        expect(report.measures).toEqual(example.measures);
        expect(report.system).toEqual(example.system);
        expect(report.software).toEqual(example.software);
        expect(report.infrastructure).toEqual(example.infrastructure);
        expect(report.environment).toEqual(example.environment);
        // the task, from the model
        expect(report.task).toEqual(example.task);
        expect(report).toEqual(example);
        expect(report.measures[0].powerConsumption).toBe(0.8376517711362222);
        expect(report.infrastructure.components[0].nbComponent).toBe(6);
    });

    it('several runs: one measure each, still valid; the v2.8 layout without GPU or utilisation', async () => {
        const dir = writeModelFiles({
            'm.efp': `measurement sentiment { file: "emissions.csv"  task_stage: "training"  task_family: "text classification"  data_usage: "input"  data_type: "text" }
system s { measurements: [sentiment] }`
        });
        copyFileSync(V28, join(dir, 'emissions.csv'));
        const result = await efp('export', '--boamps', join(dir, 'm.efp'));
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as Record<string, any>;
        const validate = boampsValidator();
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
        expect(report.measures.map((m: { powerConsumption: number }) => m.powerConsumption))
            .toEqual([0.013147646782784744, 0.020505037702224154, 0.0034045543742789158]);
        expect(report.measures[0]).toEqual({
            measurementMethod: 'codecarbon', version: '2.8.3', powerConsumption: 0.013147646782784744,
            measurementDuration: 1843.2177741527557, measurementDateTime: '2025-01-14 09:12:41'
        });
        expect(report.header).toMatchObject({ reportId: '6513270e-269e-4d37-b2a7-4de452e6b438', reportDatetime: '2025-01-15 16:47:30' });
        expect(report.infrastructure).toEqual({
            infraType: 'onPremise',
            components: [
                { componentName: '11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz', componentType: 'cpu', nbComponent: 4 },
                { componentType: 'ram', nbComponent: 1, memorySize: 15.49 }
            ]
        });
        expect(report.environment).toMatchObject({ country: 'France', latitude: 48.8582, longitude: 2.3387, location: 'île-de-france' });
    });

    it('without the task: says which inputs BoAmps requires (exit 1)', async () => {
        const dir = writeModelFiles({ 'm.efp': 'measurement m { file: "e.csv" }\nsystem s { usage_patterns: []  measurements: [m] }' });
        copyFileSync(V33, join(dir, 'e.csv'));
        const result = await efp('export', '--boamps', join(dir, 'm.efp'));
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("measurement m lacks 'task_stage', 'task_family', 'data_usage', 'data_type', which a BoAmps report requires");
    });
});
