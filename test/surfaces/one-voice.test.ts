import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices, type EfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { summarizeSystem, type SystemFootprintSummary } from '../../src/engine/report/footprint-summary.js';
import { statusBarText } from '../../src/extension/status-bar-text.js';
import { summaryTable } from '../../src/webview/dashboard/summary-table.js';
import type { MassUnitSetting } from '../../src/webview/dashboard/messages.js';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { loadReference } from '../helpers/reference-comparison.js';

/**
 * Issue 18, "one number, one unit": a system's footprint reads the same string wherever it is shown. For
 * each model, its yearly figure in the CodeLens, the inlay hint, the hover, the status bar, the
 * dashboard and `efp eval`, and its figure over the period in the hover, the dashboard, `efp eval` and
 * `efp diff`: the same unit, the same rounding (four significant digits), the same `CO2e/year`.
 */

const ONE_VOICE = 'test/fixtures/models/one-voice';

/** e-footprint 22.2.1's total for its video-streaming reference system, kg over its one year. */
function videoStreamingReference(): number {
    const totals = loadReference('test/fixtures/efootprint/video_streaming.outputs.json.gz').system_totals!;
    const sum = (group: string) => Object.values(totals[group] as Record<string, { value: number }>).reduce((s, q) => s + q.value, 0);
    return sum('total_fabrication_footprint_sum_over_period') + sum('total_energy_footprint_sum_over_period');
}

interface Case {
    readonly name: string;
    readonly file: string;
    /** The files it reads besides itself (copied with it for `efp diff`). */
    readonly data: readonly string[];
    readonly system: string;
    readonly perYear: string;
    readonly period: string;
}

const CASES: readonly Case[] = [
    {
        // emissions.csv: twelve runs of 34.98 kg = 419.76 kg, all in the one year modelled (8,766 hours):
        // 419.76 kg a year, four significant digits 419.8, in kg (at least 1 kg, under 1 t)
        name: 'about 420 kg a year', file: `${ONE_VOICE}/small.efp`, data: ['emissions.csv'], system: 'ci',
        perYear: '419.8 kg CO2e/year', period: '419.8 kg CO2e'
    },
    {
        // emissions.csv: twelve runs of 50,010 kg = 600,120 kg in the one year: 600.12 t, four digits 600.1
        name: 'about 600 t a year', file: `${ONE_VOICE}/large.efp`, data: ['emissions.csv'], system: 'lab',
        perYear: '600.1 t CO2e/year', period: '600.1 t CO2e'
    },
    {
        // e-footprint's video streaming system: 2,156,643.6 kg over its one year (checked below), 2,156.6 t
        name: 'e-footprint\'s video streaming, about 2,000 t a year', file: 'examples/reference/video_streaming.efp', data: [], system: 'streaming_system',
        perYear: '2,156.6 t CO2e/year', period: '2,156.6 t CO2e'
    }
];

/** The language services on the model's real file (its data files read from disk), validated. */
async function open(file: string): Promise<{ Efp: EfpServices; document: LangiumDocument; text: string }> {
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    const text = readFileSync(file, 'utf8');
    const document = factory.fromString(text, URI.file(resolve(file)));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    return { Efp, document, text };
}

/** Every surface's text for the system of `file`, with `efp.display.massUnit` set to `massUnit`. */
async function surfaces(c: Case, massUnit = 'auto') {
    const { Efp, document, text } = await open(c.file);
    Efp.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { efp: { display: { massUnit } } } });
    const uri = document.uri.toString();
    const line = text.split('\n').findIndex(l => l.startsWith(`system ${c.system}`));
    expect(line).toBeGreaterThanOrEqual(0);
    const end = document.textDocument.positionAt(text.length);

    Efp.client.Commands.runsEfpCommands = true;
    const lenses = await Efp.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } }) ?? [];
    const hints = await Efp.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } }) ?? [];
    const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri }, position: { line, character: `system ${c.system}`.length - 1 }
    });
    const model = Efp.evaluation.DocumentModels.resultsFor(document)!.model;
    // the dashboard receives the summary through JSON
    const summary = JSON.parse(JSON.stringify(summarizeSystem(model, model.lookup(c.system)!))) as SystemFootprintSummary;
    return {
        codeLens: lenses.filter(l => l.range.start.line === line).map(l => l.command!.title)[0],
        inlayHint: hints.filter(h => h.position.line === line).map(h => String(h.label))[0],
        hover: (hover?.contents as { value: string } | undefined)?.value ?? '',
        statusBar: statusBarText(Efp.evaluation.EvaluationPublisher.resultsOf(document), massUnit).text,
        // the panel passes the setting on as VS Code gives it
        dashboard: summaryTable(summary, massUnit as MassUnitSetting)
    };
}

const folders: string[] = [];
afterAll(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }); });

describe('one number, one unit: a system\'s footprint reads the same on every surface', () => {
    it('the video streaming figure is e-footprint\'s, to four significant digits', () => {
        expect((videoStreamingReference() / 1e6).toFixed(3)).toBe('2.157');
    });

    for (const c of CASES) {
        it(`${c.name}: ${c.perYear}, ${c.period} over the period`, async () => {
            const shown = await surfaces(c);
            expect(shown.codeLens).toBe(`Footprint: ${c.perYear}`);
            expect(shown.inlayHint).toBe(`≈ ${c.perYear}`);
            expect(shown.hover).toContain(`**Footprint: ${c.perYear}** on average`);
            expect(shown.hover).toContain(`Over the modeling period: ${c.period}`);
            expect(shown.statusBar).toBe(`$(pulse) ${c.perYear}`);
            expect(`${shown.dashboard.perYear} CO2e/year`).toBe(c.perYear);
            expect(`${shown.dashboard.total} CO2e`).toBe(c.period);

            const evaluated = await efp('eval', c.file);
            expect(evaluated.stderr).toBe('');
            expect(evaluated.stdout).toContain(`Total footprint: ${c.period} over the period, ${c.perYear} on average`);

            // the model against itself with a comment more: no change, its total as `efp eval` writes it
            const text = readFileSync(c.file, 'utf8');
            const data = Object.fromEntries(c.data.map(name => [name, readFileSync(join(ONE_VOICE, name), 'utf8')]));
            const dir = writeModelFiles({ ...data, 'old.efp': text, 'new.efp': `${text}\n// reviewed\n` });
            folders.push(dir);
            const diff = await efp('diff', join(dir, 'old.efp'), join(dir, 'new.efp'));
            expect(diff.stderr).toBe('');
            const mass = c.period.replace(/ CO2e$/, '');
            expect(diff.stdout).toContain(`Total footprint: ${mass} → ${mass} CO2e, no change (${c.period})`);
        });
    }

    it('in the unit efp.display.massUnit names, the editor\'s surfaces still agree', async () => {
        // 419.76 kg in tonnes keeps four significant digits: 0.4198 t
        const shown = await surfaces(CASES[0], 't');
        expect(shown.codeLens).toBe('Footprint: 0.4198 t CO2e/year');
        expect(shown.inlayHint).toBe('≈ 0.4198 t CO2e/year');
        expect(shown.hover).toContain('**Footprint: 0.4198 t CO2e/year** on average');
        expect(shown.statusBar).toBe('$(pulse) 0.4198 t CO2e/year');
        expect(`${shown.dashboard.perYear} CO2e/year`).toBe('0.4198 t CO2e/year');
    });

    it('a setting that names no unit (a hand-edited settings.json) is auto', async () => {
        const shown = await surfaces(CASES[0], '<img src=x onerror=alert(1)>');
        expect(shown.codeLens).toBe(`Footprint: ${CASES[0].perYear}`);
        expect(shown.statusBar).toBe(`$(pulse) ${CASES[0].perYear}`);
    });
});
