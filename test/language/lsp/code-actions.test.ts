import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../helpers/language-workspace.js';

/** Validates `text`, asks for the fixes of its first diagnostic, applies the first fix. */
async function fix(text: string): Promise<{ title: string; fixed: string } | undefined> {
    const { Efp, documents: [document] } = await openWorkspace(text);
    const diagnostic = document.diagnostics![0];
    const actions = await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    const action = actions?.[0];
    if (!action) return undefined;
    const edits = action.edit!.changes![document.uri.toString()];
    return { title: action.title, fixed: TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text), edits) };
}

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

describe('quick fixes', () => {
    it('replace a misspelt object name with the suggestion', async () => {
        const result = await fix(quickstart.replace('network: wifi', 'network: wfi'));
        expect(result?.title).toBe("Replace with 'wifi'");
        expect(result?.fixed).toBe(quickstart);
    });

    it('replace a misspelt input name', async () => {
        const result = await fix(quickstart.replace('idle_power: 50 W', 'idle_powr: 50 W'));
        expect(result?.title).toBe("Replace with 'idle_power'");
        expect(result?.fixed).toBe(quickstart);
    });

    it('add a missing reference, naming an object of the right kind', async () => {
        const result = await fix(quickstart.replace('  storage: ssd\n', ''));
        expect(result?.title).toBe("Add 'storage: ssd'");
        expect(result?.fixed).toContain('  base_compute_consumption: 2 cpu_core\n  storage: ssd\n}');
    });

    it('add a usage pattern\'s missing journey starts as a visible placeholder that evaluates', async () => {
        const starts = quickstart.slice(quickstart.indexOf('  hourly_usage_journey_starts:'), quickstart.indexOf('}', quickstart.indexOf('daily_fluctuation')));
        const result = await fix(quickstart.replace(starts, ''));
        expect(result?.title).toBe("Add 'hourly_usage_journey_starts' with a placeholder of 1,000 journeys an hour");
        expect(result?.fixed).toContain('  hourly_usage_journey_starts: constant(1000)  confidence low  comment "placeholder: usage journeys started each hour; replace with your traffic"\n}');
        const { Efp, documents: [document] } = await openWorkspace(result!.fixed);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const model = Efp.evaluation.DocumentModels.modelFor(document)!;
        const value = model.findNode('french_households', 'hourly_usage_journey_starts')!.value!;
        expect(value.kind === 'hourly' && value.series.sum()).toBe(1000 * 26_298);
    });
});

describe('the panels as code actions', () => {
    /** The code actions at `needle` (plus `offset`) in the quickstart, with no diagnostic under the cursor. */
    async function actionsAt(needle: string, offset: number, runsEfpCommands: boolean) {
        const { Efp, documents: [document] } = await openWorkspace(quickstart);
        Efp.client.Commands.runsEfpCommands = runsEfpCommands;
        const position = document.textDocument.positionAt(quickstart.indexOf(needle) + offset);
        const actions = await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: position, end: position }, context: { diagnostics: [] }
        }) as CodeAction[];
        return { uri: document.uri.toString(), actions: actions.map(a => [a.title, a.command?.command, a.command?.arguments]) };
    }

    it('on a value: its calculus graph, its object\'s, and the dashboard, for the client that runs them', async () => {
        const { uri, actions } = await actionsAt('idle_power: 50 W', 2, true);
        expect(actions).toEqual([
            ['Show the calculus graph of web.idle_power', 'efp.showCalculusGraph', [uri, 'web', 'idle_power']],
            ['Show the calculus graph of web', 'efp.showCalculusGraph', [uri, 'web']],
            ['Show the footprint dashboard', 'efp.showFootprint', [uri]]
        ]);
        const onName = await actionsAt('server web "server"', 'server '.length + 1, true);
        expect(onName.actions.map(a => a[0])).toEqual(['Show the calculus graph of web', 'Show the footprint dashboard']);
    });

    it('none outside an object, and none for a client that does not run efp\'s commands', async () => {
        expect((await actionsAt('model "', 0, true)).actions).toEqual([]);
        expect((await actionsAt('idle_power: 50 W', 2, false)).actions).toEqual([]);
    });
});
