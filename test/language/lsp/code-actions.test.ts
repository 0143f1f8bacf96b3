import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import { readFileSync } from 'node:fs';
import { openWorkspace, type OpenWorkspace } from '../../helpers/language-workspace.js';

/** The code of a diagnostic, as efp and Langium put it in its data. */
const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

/** The quick fixes of one diagnostic, as the editor asks for them. */
async function fixesOf({ Efp }: OpenWorkspace, document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

function applied(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit!.changes![document.uri.toString()];
    return TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, document.textDocument.getText()), edits);
}

/** Validates `text`, asks for the fixes of its first diagnostic (of `code`, when given), applies the first fix. */
async function fix(text: string, code?: string): Promise<{ title: string; fixed: string } | undefined> {
    const workspace = await openWorkspace(text);
    const [document] = workspace.documents;
    const diagnostic = document.diagnostics!.find(d => code === undefined || codeOf(d) === code)!;
    const [action] = await fixesOf(workspace, document, diagnostic);
    return action && { title: action.title, fixed: applied(document, action) };
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

    it('replace a misspelt unit', async () => {
        const result = await fix(quickstart.replace('ram: 128 GB', 'ram: 128 GiB'));
        expect(result?.title).toBe("Replace with 'GB'");
        expect(result?.fixed).toBe(quickstart);
    });

    it('replace only the misspelt value of a reference, which the diagnostic covers whole', async () => {
        const written = quickstart.replace('idle_power: 50 W', 'idle_power: web.power / 6');
        const result = await fix(written.replace('web.power / 6', 'web.powr / 6'), 'unknown-attribute');
        expect(result?.title).toBe("Replace with 'power'");
        expect(result?.fixed).toBe(written);
    });

    it('replace a misspelt input of a scenario\'s line', async () => {
        const written = `${quickstart}scenario greener { web.power: 200 W }\n`;
        const result = await fix(written.replace('web.power: 200 W', 'web.powr: 200 W'), 'unknown-attribute');
        expect(result?.title).toBe("Replace with 'power'");
        expect(result?.fixed).toBe(written);
    });

    it('replace a misspelt function and a misspelt parameter', async () => {
        const fn = await fix(quickstart.replace('* daily_fluctuation(', '* daily_fluctuatoin('), 'unknown-function');
        expect(fn?.title).toBe("Replace with 'daily_fluctuation'");
        expect(fn?.fixed).toBe(quickstart);
        const parameter = await fix(quickstart.replace('daily_fluctuation(scale: 0.8', 'daily_fluctuation(scal: 0.8'), 'bad-argument');
        expect(parameter?.title).toBe("Replace with 'scale'");
        expect(parameter?.fixed).toBe(quickstart);
    });

    it('replace a misspelt catalogue name, keeping its quotes', async () => {
        const cloud = quickstart.replace('server web "server" {', 'cloud_server api { provider: aws  instance_type: "m5.large"  storage: ssd }\nserver web "server" {');
        const result = await fix(cloud.replace('"m5.large"', '"m5.lrage"'), 'invalid-value');
        expect(result?.title).toBe("Replace with 'm5.large'");
        expect(result?.fixed).toBe(cloud);
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

    it('remove an input that has no effect, with its line when it is alone on it', async () => {
        // the quickstart's server is autoscaling: e-footprint does not read fixed_nb_of_instances
        const result = await fix(quickstart.replace('  storage: ssd\n}', '  storage: ssd\n  fixed_nb_of_instances: 4   // four racks\n}'), 'ignored-input');
        expect(result?.title).toBe("Remove 'fixed_nb_of_instances' (it has no effect here)");
        expect(result?.fixed).toBe(quickstart);
    });

    it('remove nothing when the input at the diagnostic\'s range is not the one its data names (the text changed since)', async () => {
        const workspace = await openWorkspace(quickstart.replace('  storage: ssd\n}', '  storage: ssd\n  fixed_nb_of_instances: 4\n}'));
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(d => codeOf(d) === 'ignored-input')!;
        const other = { ...diagnostic, data: { ...(diagnostic.data as object), input: 'power' } };
        expect(await fixesOf(workspace, document, other)).toEqual([]);
    });

    it('remove an input that has no effect from a line it shares, and nothing else', async () => {
        const line = 'storage disk from ssd { power: 5 W  lifespan: 4 year }';
        const text = quickstart.replace('network wifi', `${line}\nnetwork wifi`).replace('storage: ssd\n', 'storage: disk\n');
        const result = await fix(text, 'ignored-input');
        expect(result?.fixed).toBe(text.replace(line, 'storage disk from ssd { lifespan: 4 year }'));
        const last = await fix(text.replace(line, 'storage disk from ssd { lifespan: 4 year  power: 5 W }'), 'ignored-input');
        expect(last?.fixed).toBe(text.replace(line, 'storage disk from ssd { lifespan: 4 year  }'));
    });
});

describe('quick fixes read a diagnostic\'s data, never its words', () => {
    /** The diagnostic of `code` in `text`, and the fixes of it as the editor sends it back, changed by `change`. */
    async function fixesAfter(text: string, code: string, change: (d: Diagnostic) => Diagnostic) {
        const workspace = await openWorkspace(text);
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(d => codeOf(d) === code)!;
        const asIs = await fixesOf(workspace, document, diagnostic);
        const changed = await fixesOf(workspace, document, change(diagnostic));
        const shown = (actions: CodeAction[]) => actions.map(a => [a.title, applied(document, a)]);
        return { asIs: shown(asIs), changed: shown(changed) };
    }

    // [what, text, code, how many fixes]: a misspelt object is replaced by the suggestion, or created as a network
    const cases: Array<[string, string, string, number]> = [
        ['a misspelt object name', quickstart.replace('network: wifi', 'network: wfi'), 'linking-error', 2],
        ['a misspelt input name', quickstart.replace('idle_power: 50 W', 'idle_powr: 50 W'), 'unknown-attribute', 1],
        ['a missing input', quickstart.replace('  storage: ssd\n', ''), 'missing-input', 1],
        ['an input with no effect', quickstart.replace('  storage: ssd\n}', '  storage: ssd\n  fixed_nb_of_instances: 4\n}'), 'ignored-input', 1],
        // `300 W (change unit)` and the energy over an hour, a day, a year
        ['a value in a unit of another dimension', quickstart.replace('power: 300 W', 'power: 300 Wh'), 'dimension-mismatch', 4],
        ['a modeling period left to the default', quickstart.replace(/^model [^}]*\}\n/m, ''), 'defaulted-period', 1]
    ];

    for (const [what, text, code, count] of cases) {
        it(`${what}: the same fix under reworded messages`, async () => {
            const { asIs, changed } = await fixesAfter(text, code, d => ({ ...d, message: 'reworded, with no name in quotes' }));
            expect(asIs).toHaveLength(count);
            expect(changed).toEqual(asIs);
        });

        it(`${what}: no fix without the data, whatever the message says`, async () => {
            const { asIs, changed } = await fixesAfter(text, code, d => ({ ...d, data: { code } }));
            expect(asIs).toHaveLength(count);
            expect(changed).toEqual([]);
            const { changed: noData } = await fixesAfter(text, code, d => ({ ...d, data: undefined }));
            expect(noData).toEqual([]);
        });
    }

    it('a diagnostic carries the name as written and the suggestion, or the missing input', async () => {
        const dataOf = async (text: string, code: string) => (await openWorkspace(text)).documents[0].diagnostics!.find(d => codeOf(d) === code)?.data;
        expect(await dataOf(quickstart.replace('network: wifi', 'network: wfi'), 'linking-error')).toEqual({
            code: 'linking-error', containerType: 'Reference', property: 'target', refText: 'wfi',
            kind: 'unknown-object', name: 'wfi', kinds: ['network'], suggestion: 'wifi'
        });
        expect(await dataOf(quickstart.replace('ram: 128 GB', 'ram: 128 GiB'), 'linking-error')).toEqual({
            code: 'linking-error', containerType: 'QuantityLiteral', property: 'unit', refText: 'GiB', kind: 'did-you-mean', name: 'GiB', suggestion: 'GB'
        });
        expect(await dataOf(quickstart.replace('idle_power: 50 W', 'idle_powr: 50 W'), 'unknown-attribute')).toEqual({
            code: 'unknown-attribute', fromEngine: true, kind: 'did-you-mean', name: 'idle_powr', suggestion: 'idle_power'
        });
        expect(await dataOf(quickstart.replace('  storage: ssd\n', ''), 'missing-input')).toEqual({
            code: 'missing-input', fromEngine: true, kind: 'missing-input', input: 'storage'
        });
        expect(await dataOf(quickstart.replace('  storage: ssd\n}', '  storage: ssd\n  fixed_nb_of_instances: 4\n}'), 'ignored-input')).toEqual({
            code: 'ignored-input', fromEngine: true, kind: 'ignored-input', input: 'fixed_nb_of_instances'
        });
        // no close name: the kinds that fit alone
        expect(await dataOf(quickstart.replace('network: wifi', 'network: qqqqqqqqq'), 'linking-error')).toEqual({
            code: 'linking-error', containerType: 'Reference', property: 'target', refText: 'qqqqqqqqq', kind: 'unknown-object', name: 'qqqqqqqqq', kinds: ['network']
        });
        // a name whose place says nothing of its kind (a value of an object, `wfi.power`): Langium's data alone, and no fix
        expect(await dataOf(quickstart.replace('idle_power: 50 W', 'idle_power: qqqqqqqqq.power'), 'linking-error')).toEqual({
            code: 'linking-error', containerType: 'Reference', property: 'target', refText: 'qqqqqqqqq'
        });
        expect(await dataOf(quickstart.replace('power: 300 W', 'power: 300 Wh'), 'dimension-mismatch')).toEqual({
            code: 'dimension-mismatch', fromEngine: true, kind: 'wrong-unit', value: 300, unit: 'Wh', expected: 'W'
        });
        expect(await dataOf(quickstart.replace(/^model [^}]*\}\n/m, ''), 'defaulted-period')).toEqual({
            code: 'defaulted-period', fromEngine: true, kind: 'defaulted-period', start_date: '2025-01-01', modeling_duration: '1 year',
            missing: ['start_date', 'modeling_duration']
        });
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
