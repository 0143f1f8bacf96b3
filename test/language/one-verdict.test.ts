import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { openWorkspace } from '../helpers/language-workspace.js';
import { startInProcessSession, type InProcessSession } from '../helpers/in-process-server.js';
import { analyzeDocument } from '../../src/language/document-analysis.js';

/**
 * What the editor says of a model is what `efp check` and `efp eval` go by (test/cli/one-verdict.test.ts):
 * every independent error in one pass, none caused by another, and a model without a system is an error.
 * Each case is the whole file as a new user writes it, and every diagnostic the language server gives.
 */

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const SYSTEM_LINE = 'system streaming_platform "System" { usage_patterns: [french_households] }\n';

/** A diagnostic as asserted: severity (1 error, 2 warning, 4 hint), code, 0-based line and column, message. */
type Seen = [number, string | undefined, number, number, string];

function seen(d: Diagnostic): Seen {
    const data = d.data as { code?: string } | undefined;
    return [d.severity!, data?.code ?? d.code?.toString(), d.range.start.line, d.range.start.character, typeof d.message === 'string' ? d.message : ''];
}

async function diagnosticsOf(text: string): Promise<Seen[]> {
    const { documents: [document] } = await openWorkspace(text);
    return document.diagnostics!.map(seen);
}

/** The 0-based line and column of `needle` in `text`. */
function at(text: string, needle: string): [number, number] {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    expect(text.includes(needle), needle).toBe(true);
    return [before.length - 1, before[before.length - 1].length];
}

describe('one verdict in the editor', () => {
    it('says a model without a system is an error, on its first line, with the system to add', async () => {
        const text = quickstart.replace(SYSTEM_LINE, '');
        expect(await diagnosticsOf(text)).toEqual([[1, 'no-system', ...at(text, 'model "Video'),
            'this model declares no system, so it has no footprint to total. '
            + 'Add `system my_service { usage_patterns: [french_households] }`: a system totals the footprint of the usage patterns it lists.']]);
    });

    it('proposes a first usage pattern when the model has none', async () => {
        const text = 'storage disk from ssd {}\nserver web { storage: disk }\n';
        expect(await diagnosticsOf(text)).toEqual([[1, 'no-system', 0, 0,
            'this model declares no system, so it has no footprint to total. '
            + 'Add a usage pattern and a system that lists it, `system my_service { usage_patterns: [my_users] }` (examples/quickstart.efp is a whole model).']]);
    });

    it('repeats no name of megabytes in its hint, and lists at most three usage patterns', async () => {
        const huge = `p${'x'.repeat(100_000)}`;
        const patterns = ['a', 'b', 'c', 'd'].map(n => `usage_pattern ${n} {}`).join('\n');
        const [[, code, , , message]] = (await diagnosticsOf(`usage_pattern ${huge} {}\n`)).filter(d => d[1] === 'no-system');
        expect(code).toBe('no-system');
        expect(message).toContain('`system my_service { usage_patterns: [my_users] }`');
        expect(message.length).toBeLessThan(300);
        const [[, , , , four]] = (await diagnosticsOf(`${patterns}\n`)).filter(d => d[1] === 'no-system');
        expect(four).toContain('`system my_service { usage_patterns: [a, b, c, …] }`');
    });

    it('takes a file another one imports for a part of that model, not a model without a system', async () => {
        const { documents: [servers, main] } = await openWorkspace({
            'servers.efp': quickstart.replace(SYSTEM_LINE, ''),
            'main.efp': `import "servers.efp"\n${SYSTEM_LINE}`
        });
        expect(servers.diagnostics).toEqual([]);
        expect(main.diagnostics).toEqual([]);
    });

    it('says an empty file is an error: efp eval has nothing to total in it', async () => {
        expect(await diagnosticsOf('// my model\n')).toEqual([[1, 'empty-file', 0, 0,
            'this file declares nothing. A model starts with its settings, `model "My service" { start_date: 2025-01-01  modeling_duration: 3 year }`, '
            + 'then its objects, e.g. `server web { power: 300 W ... }` (examples/quickstart.efp is a whole one).']]);
    });

    it('reports an unknown name and a unit error elsewhere in the same pass', async () => {
        const text = quickstart.replace('power: 300 W', 'power: 300 kg').replace('usage_journey: daily_video', 'usage_journey: daily_vide');
        expect(await diagnosticsOf(text)).toEqual([
            [1, 'linking-error', ...at(text, 'daily_vide\n'), "unknown name 'daily_vide'. Did you mean 'daily_video'?"],
            [1, 'dimension-mismatch', ...at(text, '300 kg'), "'power' expects a power (W); `300 kg` is a mass (kg). Write it in W or a unit of the same kind."]
        ]);
    });

    it('reports nothing that an unknown name causes: no unit error, missing input or unused object because of it', async () => {
        // a value naming an unknown object: no dimension can be said of it
        const value = quickstart.replace('idle_power: 50 W', 'idle_power: webb.idle_power');
        expect(await diagnosticsOf(value)).toEqual([[1, 'linking-error', ...at(value, 'webb'), "unknown name 'webb'. Did you mean 'web'?"]]);
        // an unknown unit: not `300` without one
        const unit = quickstart.replace('power: 300 W', 'power: 300 Wat');
        expect(await diagnosticsOf(unit)).toEqual([[1, 'linking-error', ...at(unit, 'Wat'), "unknown unit 'Wat'. Did you mean 'bit'?"]]);
        // an unknown archetype: the inputs it would have given are not said to be missing
        const archetype = quickstart.replace('storage ssd "SSD storage" from ssd {', 'storage ssd "SSD storage" from ssdd {');
        expect(await diagnosticsOf(archetype)).toEqual([[1, 'linking-error', ...at(archetype, 'ssdd'), "unknown object 'ssdd'. Did you mean 'ssd'?"]]);
        // an unknown journey: the objects only it uses are not said to be unused
        const journey = quickstart.replace('usage_journey: daily_video', 'usage_journey: daily_vide');
        expect(await diagnosticsOf(journey)).toEqual([[1, 'linking-error', ...at(journey, 'daily_vide\n'), "unknown name 'daily_vide'. Did you mean 'daily_video'?"]]);
    });

    it('reports nothing that an unknown name causes through what it names: a provider\'s models, a computer\'s parts, a need\'s unit, a system\'s patterns', async () => {
        const only = async (file: string, from: string, to: string, message: string) => {
            const original = readFileSync(file, 'utf8');
            expect(original.split(from), from).toHaveLength(2);
            const text = original.replace(from, to);
            const unknown = /'(\w+)'/.exec(message)![1];
            expect(await diagnosticsOf(text), `${file}: ${to}`).toEqual([[1, 'linking-error', ...at(text, `${unknown}`), message]]);
        };
        // the model name is not looked up in another provider's models
        await only('examples/services.efp', 'provider: mistralai', 'provider: mistral', "unknown name 'mistral'. Did you mean 'mistralai'?");
        // the storage need e-footprint's builder makes on the computer's storage is not said to miss its component
        await only('templates/edge-fleet/model.efp', 'storage: gateway_disk\n  carbon', 'storage: gateway_dsk\n  carbon', "unknown name 'gateway_dsk'. Did you mean 'gateway_disk'?");
        // a need's unit is its component's: not a pure number for want of one
        await only('examples/reference/simple_edge_system.efp', 'edge_component: edge_ram ', 'edge_component: edge_rom ', "unknown name 'edge_rom'. Did you mean 'edge_ram'?");
        // a system of edge usage patterns is not said to miss usage patterns
        await only('examples/edge_device_group.efp', 'edge_usage_patterns: [buildings]', 'edge_usage_patterns: [buildingz]', "unknown name 'buildingz'. Did you mean 'buildings'?");
    });

    it('reports nothing that a scenario change naming an unknown object causes', async () => {
        const text = `${quickstart}\njob chat on web { data_transferred: 1 MB }\nusage_journey_step ask { user_time_spent: 1 min  jobs: [chat] }\n`
            + 'scenario assistant { daily_vide.uj_steps: [watch, capture, ask] }\n';
        // chat and ask are used from the scenario on: not unused because its change could not be read
        expect(await diagnosticsOf(text)).toEqual([[1, 'linking-error', ...at(text, 'daily_vide.'), "unknown object 'daily_vide'. Did you mean 'daily_video'?"]]);
    });

    it('reports the inputs a usage pattern misses, and no vaguer error on top of them', async () => {
        const start = quickstart.indexOf('usage_pattern french_households');
        const text = `${quickstart.slice(0, start)}usage_pattern french_households "Daily video streaming consumption" {\n}\n\n${SYSTEM_LINE}`;
        const [line, column] = at(text, 'french_households "');
        expect(await diagnosticsOf(text)).toEqual([
            [1, 'missing-input', line, column, "usage_pattern french_households needs 'hourly_usage_journey_starts' (number of usage journeys starting each hour, in the country's local time). Add 'hourly_usage_journey_starts: …' to french_households."],
            [1, 'missing-input', line, column, "usage_pattern french_households needs 'usage_journey' (the journey the users follow). Add 'usage_journey: …' to french_households."],
            [1, 'missing-input', line, column, "usage_pattern french_households needs 'network' (network the journey's data goes through). Add 'network: …' to french_households."],
            [1, 'missing-input', line, column, "usage_pattern french_households needs 'country' (country of the users (grid intensity, time zone)). Add 'country: …' to french_households."]
        ]);
    });

    it('never takes the model of a text with an unknown name for the model: it has errors, and no figures', async () => {
        const { Efp, documents: [document] } = await openWorkspace(quickstart.replace('usage_journey: daily_video', 'usage_journey: daily_vide'));
        const models = Efp.evaluation.DocumentModels;
        expect(models.modelFor(document)!.hasErrors).toBe(true);
        expect(models.resultsFor(document)).toBeUndefined();
        expect(analyzeDocument(document, Efp).model).toBeUndefined();
    });
});

describe('one verdict in a language server session', () => {
    let session: InProcessSession | undefined;
    afterEach(async () => {
        await session?.stop();
        session = undefined;
    });

    it('takes back the no-system error of a file once another file imports it, and says it again when the import goes', async () => {
        session = await startInProcessSession();
        // not a burst: each edit is evaluated
        session.Efp.evaluation.EditBurst.quietMs = 0;
        const { connection } = session;
        const servers = 'file:///virtual/verdict/servers.efp', main = 'file:///virtual/verdict/main.efp';
        const noSystem = 'this model declares no system, so it has no footprint to total. '
            + 'Add `system my_service { usage_patterns: [french_households] }`: a system totals the footprint of the usage patterns it lists.';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: servers, languageId: 'efp', version: 1, text: quickstart.replace(SYSTEM_LINE, '') } });
        expect(await session.diagnostics(servers, 1)).toEqual([noSystem]);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: main, languageId: 'efp', version: 1, text: `import "servers.efp"\n${SYSTEM_LINE}` } });
        expect(await session.diagnostics(main, 1)).toEqual([]);
        expect(await session.diagnostics(servers, 2)).toEqual([]);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: main, version: 2 }, contentChanges: [{ text: SYSTEM_LINE }] });
        expect(await session.diagnostics(servers, 3)).toEqual([noSystem]);
    });
});
