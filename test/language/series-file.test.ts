import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { analyzeDocument } from '../../src/language/document-analysis.js';
import { dataFilesRead } from '../../src/language/data-files.js';
import { describeModel } from '../../src/language/model-description.js';
import { modelFolders } from '../helpers/cli-run.js';
import { utcHourOf } from '../../src/engine/series/calendar.js';

/**
 * `hourly_values(file: …)` in the editor: the CSV is read relative to the .efp through Langium's file
 * system, under the data-file policy (inside the workspace); its problems are diagnostics on the `file:`
 * argument (or the argument that does not fit the file) naming the CSV line.
 */
const folder = modelFolders();

async function open(pattern: string, files: Record<string, string>, extra = '') {
    const model = `model { start_date: 2025-01-01  modeling_duration: 2 day }
storage disk from ssd {}
server api { storage: disk }
job call on api { data_transferred: 1 MB }
usage_journey_step step { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [step] }
usage_pattern users {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: ${pattern}
}
system service { usage_patterns: [users] }
${extra}`;
    const dir = folder({ ...files, 'ws/model.efp': model });
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const document = factory.fromString(model, URI.file(join(dir, 'ws/model.efp')));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    const analysis = analyzeDocument(document, Efp);
    const at = (needle: string) => document.textDocument.positionAt(model.indexOf(needle));
    return { dir, document, shared, analysis, at, errors: analysis.diagnostics.filter(d => d.severity === 'error') };
}

const HOURS_48 = ['time,visits', ...Array.from({ length: 48 }, (_, h) => `${new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 19)}Z,${h}`)].join('\n');

describe('hourly_values(file: …)', () => {
    it('an hourly file, as an importer writes it: the values, from their hour, no finding', async () => {
        const { analysis } = await open('hourly_values(file: "data/traffic.csv", column: "visits")', { 'ws/data/traffic.csv': HOURS_48 });
        expect(analysis.diagnostics).toEqual([]);
        const v = analysis.model!.findNode('users', 'hourly_usage_journey_starts')!.value!;
        if (v.kind !== 'hourly') throw new Error(v.kind);
        expect(v.series.start).toBe(utcHourOf('2025-01-01'));
        // 0 + 1 + … + 47 = 47 × 48 / 2
        expect([...v.series.values]).toEqual(Array.from({ length: 48 }, (_, h) => h));
        expect(v.series.sum()).toBe(1128);
    });

    it('a daily file with a 24-weight profile', async () => {
        // weights 1 for 00:00-11:00 and 3 for 12:00-23:00 sum to 48: 960 a day is 20 an hour, then 60
        const profile = `[${[...new Array(12).fill(1), ...new Array(12).fill(3)].join(', ')}]`;
        const { analysis, errors } = await open(`hourly_values(file: "daily.csv", profile: ${profile})`, { 'ws/daily.csv': 'date,visits\n2025-01-01,960\n2025-01-02,480\n' });
        expect(errors).toEqual([]);
        const v = analysis.model!.findNode('users', 'hourly_usage_journey_starts')!.value!;
        if (v.kind !== 'hourly') throw new Error(v.kind);
        expect([...v.series.values]).toEqual([...new Array(12).fill(20), ...new Array(12).fill(60), ...new Array(12).fill(10), ...new Array(12).fill(30)]);
    });

    it('a problem in the file: the CSV line in the message, the diagnostic on the `file:` path', async () => {
        const { errors, at } = await open('hourly_values(file: "traffic.csv")', { 'ws/traffic.csv': HOURS_48.replace('2025-01-01T05:00:00Z,5\n', '') });
        expect(errors.map(e => e.message)).toEqual(['traffic.csv:7: 1 hour missing before 2025-01-01T06:00: line 6 is 2025-01-01T04:00']);
        expect(errors[0]).toMatchObject({ code: 'data-file', hint: 'Add a row for each missing hour (0 when nothing happened): efp does not guess the values of a gap.' });
        expect(errors[0].range.start).toEqual(at('"traffic.csv"'));
    });

    it('an unknown column: on the `column:` argument, with the closest name', async () => {
        const { errors, at, analysis } = await open('hourly_values(file: "traffic.csv", column: "visit")', { 'ws/traffic.csv': HOURS_48 });
        expect(errors.map(e => [e.message, e.hint])).toEqual([['traffic.csv:1: the header has no column `visit`', 'Did you mean \'visits\'?']]);
        expect(errors[0].range.start).toEqual(at('"visit"'));
        // what the quick fix replaces, and with what
        expect(analysis.model!.diagnostics.find(d => d.code === 'data-file')!.data).toEqual({ kind: 'did-you-mean', name: 'visit', suggestion: 'visits' });
    });

    it('arguments that do not go together, on the argument', async () => {
        const both = await open('hourly_values(values: [1, 2], file: "traffic.csv")', { 'ws/traffic.csv': HOURS_48 });
        expect(both.errors.map(e => e.message)).toEqual(['hourly_values takes its values from a list or from a file, not both']);
        const start = await open('hourly_values(file: "traffic.csv", start_date: 2025-01-01)', { 'ws/traffic.csv': HOURS_48 });
        expect(start.errors.map(e => e.message)).toEqual(['hourly_values: the file\'s rows give the times; start_date goes with values']);
        expect(start.errors[0].range.start).toEqual(start.at('start_date: 2025-01-01)'));
        const column = await open('hourly_values(values: [1, 2], column: "visits")', {});
        expect(column.errors.map(e => e.message)).toEqual(['hourly_values: \'column\' goes with file']);
    });

    it('a missing file, and a file outside the workspace: not read, said on the path', async () => {
        const missing = await open('hourly_values(file: "nope.csv")', {});
        expect(missing.errors.map(e => e.message)).toEqual(['cannot read nope.csv: no such file']);
        const outside = await open('hourly_values(file: "../secret.csv")', { 'secret.csv': HOURS_48 });
        expect(outside.errors.map(e => [e.message, e.range.start])).toEqual([['cannot read ../secret.csv: it is outside the workspace', outside.at('"../secret.csv"')]]);
        expect(outside.errors[0].hint).toMatch(/allowOutsideWorkspace/);
    });

    it('the files a model names include the series\' files, in objects and in scenarios, for the server to watch', async () => {
        const scenario = 'scenario busier { users.hourly_usage_journey_starts: hourly_values(file: "busier.csv") * 2 }';
        const { document, shared, dir } = await open('hourly_values(file: "data/traffic.csv")', { 'ws/data/traffic.csv': HOURS_48, 'ws/busier.csv': HOURS_48 }, scenario);
        const description = describeModel(document, shared.workspace.LangiumDocuments);
        const named = dataFilesRead(description.files).map(u => u.fsPath).sort();
        expect(named).toEqual([join(dir, 'ws/busier.csv'), join(dir, 'ws/data/traffic.csv')].sort());
        // and the file changes on disk: the next description reads the new text
        writeFileSync(join(dirname(document.uri.fsPath), 'data/traffic.csv'), 'time,visits\n2025-01-01T00:00:00Z,7\n');
        const reread = describeModel(document, shared.workspace.LangiumDocuments, uri => shared.workspace.FileSystemProvider.readFileSync(uri));
        expect(Object.values(reread.files ?? {})).toContainEqual({ text: 'time,visits\n2025-01-01T00:00:00Z,7\n' });
    });
});
