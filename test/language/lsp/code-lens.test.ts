import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { loadReference } from '../../helpers/reference-comparison.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const lines = quickstart.split('\n');
const lineOf = (start: string) => lines.findIndex(l => l.startsWith(start));

/** The lenses of `text`, for the VS Code extension (which runs efp's commands) unless told otherwise. */
async function lenses(text: string, runsEfpCommands = true) {
    const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': text });
    Efp.client.Commands.runsEfpCommands = runsEfpCommands;
    const uri = document.uri.toString();
    const all = await Efp.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } }) ?? [];
    return { Efp, uri, all };
}

describe('CodeLens on objects', () => {
    it('above the system: its yearly footprint opening the dashboard, its calculus graph, the object graph and the diff against git HEAD', async () => {
        const { uri, all } = await lenses(quickstart);
        const onSystem = all.filter(l => l.range.start.line === lineOf('system streaming_platform'));
        // e-footprint: 10,966,373 kg over 3 years
        expect(onSystem.map(l => l.command!.title)).toEqual(['Footprint: 3,655.5 t CO2e/year', 'Calculus graph', 'Object graph', 'Compare with git HEAD']);
        expect(onSystem.map(l => [l.command!.command, ...l.command!.arguments!])).toEqual([
            ['efp.showFootprint', uri, 'streaming_platform'], ['efp.showCalculusGraph', uri, 'streaming_platform'], ['efp.showObjectGraph', uri],
            ['efp.compareWithGitHead', uri]
        ]);
    });

    it('above hardware: its yearly footprint and its calculus graph; above other objects: the calculus graph', async () => {
        const { uri, all } = await lenses(quickstart);
        const totals = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz').system_totals!;
        const server = (totals.fabrication_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value
            + (totals.energy_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value;
        const onServer = all.filter(l => l.range.start.line === lineOf('server web'));
        expect(onServer.map(l => l.command!.title)).toEqual([`${(server / 3 / 1000).toPrecision(4)} t CO2e/year · Calculus graph`]);
        expect(onServer[0].command!.arguments).toEqual([uri, 'web']);
        const onJob = all.filter(l => l.range.start.line === lineOf('job streaming'));
        expect(onJob.map(l => l.command!.title)).toEqual(['Calculus graph']);
        // one lens per object, four on the system
        const objects = lines.filter(l => /^(server|storage|network|job|usage_journey_step|usage_journey|usage_pattern|system|device|country)\s/.test(l)).length;
        expect(all).toHaveLength(objects + 3);
    });

    it('above a scenario: its diff against the baseline', async () => {
        const text = `${quickstart}\nscenario double_power "Double power" { web.power: 600 W }\n`;
        const { uri, all } = await lenses(text);
        const line = text.split('\n').findIndex(l => l.startsWith('scenario double_power'));
        expect(all.filter(l => l.range.start.line === line).map(l => [l.command!.title, ...l.command!.arguments!])).toEqual([
            ['Compare with baseline', uri, 'double_power']
        ]);
    });

    it('still offer their actions while the text does not evaluate', async () => {
        const { all } = await lenses(quickstart.replace('power: 300 W', 'power: 300 Wh'));
        expect(all.filter(l => l.range.start.line === lineOf('job streaming')).map(l => l.command!.title)).toEqual(['Calculus graph']);
    });

    it('in another editor: each object\'s yearly footprint, which the server says in a message when run', async () => {
        const { Efp, uri, all } = await lenses(quickstart, false);
        const totals = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz').system_totals!;
        const server = (totals.fabrication_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value
            + (totals.energy_footprint_sum_over_period.Servers as Record<string, { value: number }>).server.value;
        expect(all.every(l => l.command!.command === 'efp.footprintSummary')).toBe(true);
        const onServer = all.filter(l => l.range.start.line === lineOf('server web'));
        expect(onServer.map(l => [l.command!.title, ...l.command!.arguments!])).toEqual([[`Footprint: ${(server / 3 / 1000).toPrecision(4)} t CO2e/year`, uri, 'web']]);
        expect(all.filter(l => l.range.start.line === lineOf('system streaming_platform')).map(l => l.command!.title)).toEqual(['Footprint: 3,655.5 t CO2e/year']);
        // e-footprint: the server's fabrication 54,194.1 kg and energy 170,628.86 kg over the period, in one
        // scale (the larger's: 170.6 t to four significant digits, so one decimal for both)
        const said = await Efp.shared.lsp.ExecuteCommandHandler!.executeCommand('efp.footprintSummary', [uri, 'web']);
        expect(said).toBe(`web: ${(server / 3 / 1000).toPrecision(4)} t CO2e/year; over the modeling period, fabrication 54.2 t CO2e, energy 170.6 t CO2e`);
        expect(await Efp.shared.lsp.ExecuteCommandHandler!.executeCommand('efp.footprintSummary', [uri, 'nothing'])).toBeUndefined();
        expect(await Efp.shared.lsp.ExecuteCommandHandler!.executeCommand('efp.footprintSummary', [42])).toBeUndefined();
    });
});
