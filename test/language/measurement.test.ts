import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { analyzeDocument } from '../../src/language/document-analysis.js';
import { writeModelFiles } from '../helpers/cli-run.js';

/**
 * A measurement in the editor: the language server reads its emissions.csv through Langium's file
 * system, relative to the .efp; problems with the file are diagnostics on the `file:` attribute (or on
 * the filter that selects nothing), naming the CSV line and column; hovers cite the file.
 */
const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');

async function open(model: string, files: Record<string, string> = { 'runs/emissions.csv': V33 }) {
    const dir = writeModelFiles({ ...files, 'model.efp': model });
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const document = factory.fromString(model, URI.file(join(dir, 'model.efp')));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    const analysis = analyzeDocument(document, Efp);
    const at = (needle: string) => document.textDocument.positionAt(model.indexOf(needle));
    return { Efp, document, analysis, at, errors: analysis.diagnostics.filter(d => d.severity === 'error') };
}

const measurement = (body: string) => `model { start_date: 2026-01-01  modeling_duration: 1 year }
measurement training "LoRA" {
  ${body}
}
storage disk from ssd {}
server gpu_box { power: training.energy_consumed / training.duration  carbon_footprint_fabrication: 2 t  storage: disk }
system lab { measurements: [training] }
`;

describe('measurement diagnostics', () => {
    it('a good file: no errors, and the values are the runs\'', async () => {
        const { errors, analysis } = await open(measurement('file: "runs/emissions.csv"  project_name: "llm-lora-finetune"'));
        expect(errors).toEqual([]);
        const v = analysis.model!.findNode('training', 'runs_count')!.value;
        expect(v).toMatchObject({ kind: 'quantity', value: 3 });
    });

    it('an unreadable path, on the path', async () => {
        const { errors, at } = await open(measurement('file: "runs/nope.csv"'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ message: 'cannot read runs/nope.csv: no such file', code: 'data-file' });
        expect(errors[0].range.start).toEqual(at('"runs/nope.csv"'));
        expect(errors[0].hint).toMatch(/relative to this \.efp file/);
    });

    it('a non-numeric cell: line and column of the CSV, on the path', async () => {
        const { errors, at } = await open(measurement('file: "runs/emissions.csv"'), { 'runs/emissions.csv': V33.replace('0.10132588420783382', 'high') });
        expect(errors.map(e => e.message)).toEqual(["emissions.csv: line 3, column 'emissions': `high` is not a number"]);
        expect(errors[0].range.start).toEqual(at('"runs/emissions.csv"'));
        expect(errors[0].hint).toMatch(/kg CO2e; correct the cell/);
    });

    it('a missing column, an empty file', async () => {
        const header = V33.split('\n')[0];
        const noEnergy = V33.replace(header, header.replace('energy_consumed', 'energy'));
        expect((await open(measurement('file: "e.csv"'), { 'e.csv': noEnergy })).errors[0].message)
            .toBe("e.csv: the header has no 'energy_consumed' column, so this is not a CodeCarbon emissions.csv");
        expect((await open(measurement('file: "e.csv"'), { 'e.csv': '' })).errors[0].message).toBe('e.csv: the file is empty');
    });

    it('a filter no run passes, on the filter, with the values there are', async () => {
        const { errors, at } = await open(measurement('file: "runs/emissions.csv"  project_name: "llm"'));
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toBe('emissions.csv: no run has project_name "llm"');
        expect(errors[0].hint).toBe('The project_name values in the file are "llm-lora-finetune".');
        expect(errors[0].range.start).toEqual(at('"llm"'));
    });

    it('a run dated in the year 9999: an error on the path with the run\'s line and date, not an allocation of 70 million hours', async () => {
        const { errors, at, analysis } = await open(measurement('file: "runs/emissions.csv"'),
            { 'runs/emissions.csv': V33.replace('2026-03-02T18:22:47', '9999-03-02T18:22:47') });
        expect(errors.map(e => e.message)).toEqual([
            'emissions.csv: line 3: the run ended on 9999-03-02T18:22:47, more than 100 years after the model starts (2026-01-01)'
        ]);
        expect(errors[0].range.start).toEqual(at('"runs/emissions.csv"'));
        expect(errors[0].hint).toBe('Correct the timestamp, or choose the runs to count with run_id, experiment_id or project_name.');
        expect(analysis.model!.findNode('training', 'hourly_emissions')!.error).toBeDefined();
    });

    it('a run dated on a day that does not exist, on the path with its line', async () => {
        const { errors } = await open(measurement('file: "runs/emissions.csv"'),
            { 'runs/emissions.csv': V33.replace('2026-03-02T18:22:47', '2026-02-30T18:22:47') });
        expect(errors.map(e => e.message)).toEqual(["emissions.csv: line 3, column 'timestamp': 2026-02-30T18:22:47 is not a date: February 2026 has 28 days"]);
    });

    it('no file at all, and a BoAmps value BoAmps does not have', async () => {
        const { errors } = await open(measurement('quality: "great"'));
        expect(errors.map(e => e.message)).toEqual([
            '\'quality\' is one of "high", "medium", "low" in BoAmps',
            "measurement training needs 'file' (the emissions.csv CodeCarbon wrote)"
        ]);
    });
});

describe('measurement hover and footprint', () => {
    it('a measured value named in an expression cites the file and its runs', async () => {
        const model = measurement('file: "runs/emissions.csv"  run_id: "6b0d549b-6f03-475a-9600-a35a099950d8"');
        const { Efp, document } = await open(model);
        const offset = model.indexOf('energy_consumed /') + 2;
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
        });
        const text = (hover?.contents as { value: string }).value;
        expect(text).toContain('**training.energy_consumed** — Energy consumed');
        expect(text).toContain('source: CodeCarbon emissions.csv, 1 run (run_id "6b0d549b-6f03-475a-9600-a35a099950d8")');
        expect(text).toContain('0.4293');
    });

    it('the system counts the runs\' emissions under Measurements', async () => {
        const { analysis } = await open(measurement('file: "runs/emissions.csv"'));
        const { summarizeSystem } = await import('../../src/engine/report/footprint-summary.js');
        const model = analysis.model!;
        const summary = summarizeSystem(model, model.objects.get('lab')!);
        const measured = summary.categories.find(c => c.category === 'Measurements')!;
        expect(measured.energy).toBeCloseTo(0.3118221490474003, 6);
        expect(summary.years.find(y => y.year === 2026)!.energy).toBeCloseTo(0.3118221490474003, 6);
    });
});
