import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { codeOf, fixesIn, fixesOf } from '../../helpers/quick-fixes.js';
import { efp, modelFolders } from '../../helpers/cli-run.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const SETTINGS = 'model "Video streaming in France" {\n  start_date: 2025-01-01\n  modeling_duration: 3 year\n}\n';
const withoutSettings = quickstart.replace(SETTINGS, '');
const defaulted = (d: Diagnostic) => codeOf(d) === 'defaulted-period';
const folder = modelFolders();

/** Hours of the model's period, as the engine evaluates it. */
async function periodOf(text: string) {
    const { Efp, documents: [document] } = await openWorkspace(text);
    const period = Efp.evaluation.DocumentModels.modelFor(document)!.period;
    return { start: new Date(period.start * 3_600_000).toISOString(), hours: period.length };
}

describe('the modeling period efp assumes, said and written out', () => {
    it('a model with no settings: information on its system, with the engine\'s default period', async () => {
        expect(withoutSettings).not.toBe(quickstart);
        const { documents: [document] } = await openWorkspace(withoutSettings);
        const said = document.diagnostics!.filter(defaulted);
        expect(said.map(d => [d.severity, d.message])).toEqual([[DiagnosticSeverity.Information,
            "the model gives no modeling period: efp models 1 year from 2025-01-01. Write it in the model's settings to choose it: "
            + '`model { start_date: 2025-01-01  modeling_duration: 1 year }`.']]);
        // on the system's name
        expect(document.textDocument.getText(said[0].range)).toBe('streaming_platform');
        // what the engine evaluates: from 2025-01-01 for a year of 365.25 days, 8,766 hours
        expect(await periodOf(withoutSettings)).toEqual({ start: '2025-01-01T00:00:00.000Z', hours: 8766 });
    });

    it('the fix writes the settings before the first declaration, below the file\'s header: the same period, said no more', async () => {
        const [fix] = await fixesIn(withoutSettings, defaulted);
        expect(fix.title).toBe("Add 'model { start_date: 2025-01-01  modeling_duration: 1 year }'");
        expect(fix.fixed).toBe(withoutSettings.replace('\nstorage ssd "SSD storage"',
            '\nmodel {\n  start_date: 2025-01-01\n  modeling_duration: 1 year\n}\n\nstorage ssd "SSD storage"'));
        const { documents: [document] } = await openWorkspace(fix.fixed);
        expect(document.diagnostics!.filter(d => defaulted(d) || d.severity === DiagnosticSeverity.Error)).toEqual([]);
        expect(await periodOf(fix.fixed)).toEqual({ start: '2025-01-01T00:00:00.000Z', hours: 8766 });
    });

    it('settings with half a period: the missing one added to them, in their style', async () => {
        const noDuration = quickstart.replace('  modeling_duration: 3 year\n', '');
        const [duration] = await fixesIn(noDuration, defaulted);
        expect(duration.title).toBe("Add 'modeling_duration: 1 year' to the model's settings");
        expect(duration.fixed).toBe(quickstart.replace('3 year', '1 year'));
        const noStart = quickstart.replace('  start_date: 2025-01-01\n', '');
        const [start] = await fixesIn(noStart, defaulted);
        expect(start.fixed).toBe(noStart.replace('  modeling_duration: 3 year\n', '  modeling_duration: 3 year\n  start_date: 2025-01-01\n'));
        // on one line: on that line
        const oneLine = quickstart.replace(SETTINGS, 'model { start_date: 2024-03-01 }\n');
        const [inline] = await fixesIn(oneLine, defaulted);
        expect(inline.fixed).toBe(quickstart.replace(SETTINGS, 'model { start_date: 2024-03-01  modeling_duration: 1 year }\n'));
        const empty = quickstart.replace(SETTINGS, 'model "Streaming" {}\n');
        const [both] = await fixesIn(empty, defaulted);
        expect(both.fixed).toBe(quickstart.replace(SETTINGS, 'model "Streaming" { start_date: 2025-01-01  modeling_duration: 1 year }\n'));
    });

    it('after the imports of a file that has them', async () => {
        const text = `import "infra.efp"\n${withoutSettings}`;
        const { Efp, documents: [document] } = await openWorkspace({ 'main.efp': text, 'infra.efp': '// shared objects\n' });
        const fixes = await fixesOf({ Efp, shared: Efp.shared, documents: [document] }, document, document.diagnostics!.find(defaulted)!);
        const edit = fixes[0].edit!.changes![document.uri.toString()][0];
        expect(edit.range.start).toEqual({ line: 0, character: 'import "infra.efp"'.length });
        expect(edit.newText).toBe('\n\nmodel {\n  start_date: 2025-01-01\n  modeling_duration: 1 year\n}');
    });

    it('nothing said of a file with no system (shared objects, whose period is their importer\'s), nor of one whose import gives the period', async () => {
        const { documents: [alone] } = await openWorkspace('server api { storage: ssd }\n');
        expect(alone.diagnostics!.filter(defaulted)).toEqual([]);
        const { documents: [main] } = await openWorkspace({ 'main.efp': `import "settings.efp"\n${withoutSettings}`, 'settings.efp': SETTINGS });
        expect(main.diagnostics!.filter(defaulted)).toEqual([]);
    });

    it('writes no text but a date and a duration, whatever the data says', async () => {
        const workspace = await openWorkspace(withoutSettings);
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(defaulted)!;
        const withData = (data: object) => fixesOf(workspace, document, { ...diagnostic, data: { ...(diagnostic.data as object), ...data } });
        for (const start_date of ['2025-01-01\n}\nserver evil {', '2025-01-01 }', '<b>2025</b>', 'today']) {
            expect(await withData({ start_date }), start_date).toEqual([]);
        }
        for (const modeling_duration of ['1 year\n}\nserver evil {', '1 year // ', '"1 year"', 'year']) {
            expect(await withData({ modeling_duration }), modeling_duration).toEqual([]);
        }
        expect(await withData({ missing: ['start_date', 'power'] })).toEqual([]);
    });

    it('efp check says it as information, counts no problem and exits 0', async () => {
        const dir = folder({ 'model.efp': withoutSettings });
        const result = await efp('check', join(dir, 'model.efp'));
        expect(result.code).toBe(0);
        const line = withoutSettings.split('\n').findIndex(l => l.startsWith('system streaming_platform')) + 1;
        expect(result.stdout).toContain(`${join(dir, 'model.efp')}:${line}:8: info: the model gives no modeling period: efp models 1 year from 2025-01-01 [defaulted-period]\n`);
        expect(result.stdout).toContain(': no problems found');
    });
});
