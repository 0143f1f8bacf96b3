import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { applied, codeOf, errorsIn, fixesIn, fixesOf } from '../../helpers/quick-fixes.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

/** The quickstart with one text replaced (the replaced text must occur exactly once). */
function quickstartWith(from: string, to: string): string {
    expect(quickstart.split(from)).toHaveLength(2);
    return quickstart.replace(from, to);
}

/** The fixes creating an object (an unknown name may also get a close name as a suggestion: `api`, `Mali`). */
async function createFixes(text: string, pick: (d: Diagnostic) => boolean) {
    return (await fixesIn(text, pick)).filter(f => f.title.startsWith('Create '));
}

/** The linking error on `name`. */
const unknown = (name: string) => (d: Diagnostic) => codeOf(d) === 'linking-error' && (d.data as { refText?: string }).refText === name;

describe('quick fix: create an object that is named but not declared', () => {
    it('a server\'s storage: a storage after the server, with the storage snippet\'s values, which evaluates', async () => {
        const text = quickstartWith('  storage: ssd\n}', '  storage: disk\n}');
        const fixes = await fixesIn(text, unknown('disk'));
        expect(fixes.map(f => f.title)).toEqual(["Create storage 'disk'"]);
        // after the server (a declaration of several lines: a blank line between them), e-footprint's defaults as the snippet writes them
        expect(fixes[0].fixed).toBe(text.replace('  storage: disk\n}\n', '  storage: disk\n}\n\n'
            + 'storage disk {\n  storage_capacity: 1 TB\n  data_replication_factor: 3\n  data_storage_duration: 5 year\n  base_storage_need: 0 TB\n}\n'));
        expect(await errorsIn(fixes[0].fixed)).toEqual([]);
        const { Efp, documents: [document] } = await openWorkspace(fixes[0].fixed);
        const model = Efp.evaluation.DocumentModels.modelFor(document)!;
        // 1 TB of stored data, in bits (the engine's SI magnitude of data): 1e12 × 8
        const capacity = model.findNode('disk', 'storage_capacity')!.value!;
        expect(capacity.kind === 'quantity' && capacity.value).toBe(8e12);
    });

    it('a step in a journey\'s list, and one with a weight: after the journey, on the next line', async () => {
        const text = quickstartWith('uj_steps: [watch, capture]', 'uj_steps: [watch, checkout * 2, capture]');
        const fixes = await fixesIn(text, unknown('checkout'));
        expect(fixes.map(f => f.title)).toEqual(["Create usage_journey_step 'checkout'"]);
        // its jobs may be left out (none): no job of the model is given to it, which would change that job's figures
        expect(fixes[0].fixed).toBe(text.replace('uj_steps: [watch, checkout * 2, capture] }\n',
            'uj_steps: [watch, checkout * 2, capture] }\nusage_journey_step checkout {\n  user_time_spent: 1 min\n}\n'));
        expect(await errorsIn(fixes[0].fixed)).toEqual([]);
    });

    it('what a job runs on, which takes two kinds: one fix each, the server with its own storage', async () => {
        const text = quickstartWith('job streaming "streaming job" on web {', 'job streaming "streaming job" on api {');
        const fixes = await createFixes(text, unknown('api'));
        expect(fixes.map(f => f.title)).toEqual(["Create server 'api'", "Create cloud_server 'api'"]);
        const jobEnd = '  ram_needed: 50 MB\n}\n';
        const afterJob = (declaration: string) => text.replace(`compute_needed: 1 cpu_core\n${jobEnd}`, `compute_needed: 1 cpu_core\n${jobEnd}\n${declaration}\n`);
        expect(fixes[0].fixed).toBe(afterJob([
            'server api {', '  carbon_footprint_fabrication: 600 kg', '  power: 300 W', '  lifespan: 6 year', '  server_type: autoscaling',
            '  idle_power: 50 W', '  ram: 128 GB', '  compute: 24 cpu_core', '  power_usage_effectiveness: 1.2', '  average_carbon_intensity: 400 g/kWh',
            '  utilization_rate: 0.9', '  base_ram_consumption: 0 MB', '  base_compute_consumption: 0 cpu_core', '  storage: api_storage', '}',
            'storage api_storage from ssd {}'
        ].join('\n')));
        expect(fixes[1].fixed).toBe(afterJob([
            'cloud_server api {', '  provider: aws', '  instance_type: "m5.large"', '  server_type: autoscaling', '  storage: api_storage', '}',
            'storage api_storage from ssd {}'
        ].join('\n')));
        for (const fix of fixes) expect(await errorsIn(fix.fixed), fix.title).toEqual([]);
    });

    it('the own storage takes a free name when the model has one of that name', async () => {
        const text = quickstartWith('job streaming "streaming job" on web {', 'storage api_storage from ssd {}\njob streaming "streaming job" on api {');
        const [server] = await createFixes(text, unknown('api'));
        expect(server.fixed).toContain('  storage: api_storage_2\n}\nstorage api_storage_2 from ssd {}\n');
        expect(await errorsIn(server.fixed)).not.toContainEqual(expect.stringContaining('api_storage'));
    });

    it('a reference the new object must give names an object the file declares', async () => {
        const text = quickstartWith('usage_journey: daily_video', 'usage_journey: weekly_video');
        const [fix] = await createFixes(text, unknown('weekly_video'));
        expect(fix.title).toBe("Create usage_journey 'weekly_video'");
        // the file's first step (watch) stands in its uj_steps: a journey must have one
        expect(fix.fixed).toContain('  * daily_fluctuation(scale: 0.8, min_hour: 4)\n}\n\nusage_journey weekly_video {\n  uj_steps: [watch]\n}\n');
        expect(await errorsIn(fix.fixed)).toEqual([]);
    });

    it('a storage named in a scenario: after the scenario', async () => {
        const text = `${quickstart}scenario bigger { web.storage: big_disk }\n`;
        const [fix] = await fixesIn(text, unknown('big_disk'));
        expect(fix.title).toBe("Create storage 'big_disk'");
        expect(fix.fixed.endsWith('scenario bigger { web.storage: big_disk }\nstorage big_disk {\n  storage_capacity: 1 TB\n'
            + '  data_replication_factor: 3\n  data_storage_duration: 5 year\n  base_storage_need: 0 TB\n}\n')).toBe(true);
    });

    it('a misspelt name: the suggestion first (preferred), then creating it', async () => {
        const fixes = await fixesIn(quickstartWith('network: wifi', 'network: wfi'), unknown('wfi'));
        expect(fixes.map(f => [f.title, f.preferred])).toEqual([["Replace with 'wifi'", true], ["Create network 'wfi'", false]]);
        expect(fixes[0].fixed).toBe(quickstart);
        expect(fixes[1].fixed).toContain('network: wfi\n');
        // e-footprint's default, as the network snippet writes it
        expect(fixes[1].fixed).toContain('network wfi {\n  bandwidth_energy_intensity: 0.1 kWh/GB\n}\n');
    });

    it('none for a name whose place does not say its kind: a value of an object, a source', async () => {
        expect(await createFixes(quickstartWith('idle_power: 50 W', 'idle_power: spare.power'), unknown('spare'))).toEqual([]);
        expect(await createFixes(quickstartWith('source base_ademe_v19', 'source my_study'), unknown('my_study'))).toEqual([]);
    });
});

describe('quick fix: create an object, from hostile text and data', () => {
    it('a very long name is created whole, and shortened only in the title', async () => {
        const name = `a${'b'.repeat(9_999)}`;
        const text = quickstartWith('  storage: ssd\n}', `  storage: ${name}\n}`);
        const [fix] = await fixesIn(text, unknown(name));
        expect(fix.title).toBe(`Create storage '${name.slice(0, 39)}…'`);
        expect(fix.fixed).toContain(`\nstorage ${name} {\n  storage_capacity: 1 TB\n`);
        expect(await errorsIn(fix.fixed)).toEqual([]);
    });

    it('data that names something else than the text, or no identifier, or unknown kinds, creates nothing', async () => {
        const text = quickstartWith('  storage: ssd\n}', '  storage: disk\n}');
        const workspace = await openWorkspace(text);
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(unknown('disk'))!;
        const withData = (data: object) => fixesOf(workspace, document, { ...diagnostic, data: { ...(diagnostic.data as object), ...data } });
        for (const name of ['disk"\n}\nserver evil {', 'disk }\nserver evil { storage: ssd', '<script>alert(1)</script>', '[disk](https://example.org)', '', 'server', 'disk2']) {
            expect(await withData({ name }), JSON.stringify(name)).toEqual([]);
        }
        // a kind that is none of efp's is skipped; the others are created as usual
        const forged = await withData({ kinds: ['server\nserver evil {', 'storage', '<b>storage</b>'] });
        expect(forged.map(a => a.title)).toEqual(["Create storage 'disk'"]);
        expect(applied(document, forged[0])).not.toContain('evil');
        // more kinds than any input takes: not data efp wrote
        expect(await withData({ kinds: Array.from({ length: 1000 }, () => 'storage') })).toEqual([]);
    });

    it('a range moved onto a keyword or a declared name creates nothing', async () => {
        const text = quickstartWith('  storage: ssd\n}', '  storage: disk\n}');
        const workspace = await openWorkspace(text);
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(unknown('disk'))!;
        const at = (needle: string, name: string) => {
            const start = document.textDocument.positionAt(text.indexOf(needle));
            const end = document.textDocument.positionAt(text.indexOf(needle) + name.length);
            return fixesOf(workspace, document, { ...diagnostic, range: { start, end }, data: { ...(diagnostic.data as object), name } });
        };
        expect(await at('server web', 'server')).toEqual([]);
        expect(await at('web "server"', 'web')).toEqual([]);
    });
});
