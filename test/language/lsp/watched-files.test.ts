import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLspSession } from '../../helpers/lsp-client.js';
import type { EvaluatedParams } from '../../../src/language/protocol.js';

/**
 * Files a model depends on without being open in the editor, changed on disk: a measurement's
 * CodeCarbon .csv, and a file imported by a file the model imports. The editor reports the change
 * (workspace/didChangeWatchedFiles, from the watchers the server registers); the server evaluates the
 * model again and sends its new diagnostics and figures.
 */
const CHANGED = 2;
const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');

function workspace(files: Record<string, string>): { folder: string; uri: (name: string) => string; write: (name: string, text: string) => void } {
    const folder = mkdtempSync(join(tmpdir(), 'efp-watched-'));
    const write = (name: string, text: string) => {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), text);
    };
    for (const [name, text] of Object.entries(files)) write(name, text);
    return { folder, uri: name => pathToFileURL(join(folder, name)).toString(), write };
}

const folders: string[] = [];
afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function session(folder: string, settings: unknown = null) {
    folders.push(folder);
    const root = pathToFileURL(folder).toString();
    return startLspSession({
        rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }],
        capabilities: {
            workspace: {
                didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true,
                codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true }
            }
        }
    }, settings);
}

describe('efp lsp --stdio follows the files a model reads', () => {
    it('a measurement\'s CodeCarbon file changed on disk: new diagnostics and new figures', async () => {
        const model = [
            'model { start_date: 2026-01-01  modeling_duration: 1 year }',
            'measurement training "LoRA" { file: "runs/emissions.csv" }',
            'system lab { measurements: [training] }', ''
        ].join('\n');
        const ws = workspace({ 'model.efp': model, 'runs/emissions.csv': V33 });
        const lsp = await session(ws.folder);
        try {
            const uri = ws.uri('model.efp');
            await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: model } });
            expect(await lsp.diagnostics(uri, 1)).toEqual([]);
            // the editor watches every file of the workspace for the server, data files included
            expect(lsp.registrations.filter(r => r.method === 'workspace/didChangeWatchedFiles').map(r => r.registerOptions))
                .toEqual([{ watchers: [{ globPattern: '**/*' }] }]);
            const first = await lsp.notification<EvaluatedParams>('efp/evaluated', uri, 1);
            // the three runs' emissions, kg (test/fixtures/codecarbon)
            expect(first.systems[0].total).toBeCloseTo(0.3118221490474003, 9);
            // opening asks for no refresh: the editor asks for the new document's lenses and hints itself
            expect([lsp.requestCount('workspace/codeLens/refresh'), lsp.requestCount('workspace/inlayHint/refresh')]).toEqual([0, 0]);

            // a cell turns bad: the error is on the `file:` line
            ws.write('runs/emissions.csv', V33.replace('0.10132588420783382', 'high'));
            await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('runs/emissions.csv'), type: CHANGED }] });
            expect(await lsp.diagnostics(uri, 2)).toEqual(["emissions.csv: line 3, column 'emissions': `high` is not a number. 'emissions' holds kg CO2e; correct the cell or delete the run's line."]);

            // one run less: the figures are the two remaining runs'
            const twoRuns = V33.split('\n').filter(line => !line.includes('6b0d549b')).join('\n');
            ws.write('runs/emissions.csv', twoRuns);
            await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('runs/emissions.csv'), type: CHANGED }] });
            expect(await lsp.diagnostics(uri, 3)).toEqual([]);
            const figures = await lsp.notification<EvaluatedParams>('efp/evaluated', uri, 3);
            expect(figures).toMatchObject({ stale: false, errors: 0 });
            expect(figures.systems[0].total).toBeCloseTo(0.3118221490474003 - 0.10132588420783382, 9);
            // the lenses and hints showing the old figures are asked for again, once per change on disk
            await lsp.requested('workspace/codeLens/refresh', 2);
            await lsp.requested('workspace/inlayHint/refresh', 2);
        } finally {
            await lsp.stop();
        }
    });

    it('a file imported by an import changed on disk: the model\'s figures follow', async () => {
        const main = [
            'import "infra.efp"',
            'model { start_date: 2025-01-01  modeling_duration: 1 year }',
            'job call on web { data_transferred: 1 MB }',
            'usage_journey_step browse { user_time_spent: 1 min  jobs: [call] }',
            'usage_journey visit { uj_steps: [browse] }',
            'usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi_network  country: France  hourly_usage_journey_starts: 100 }',
            'system shop { usage_patterns: [users] }', ''
        ].join('\n');
        const disk = (kgPerTB: number) => `storage disk from ssd { carbon_footprint_fabrication_per_storage_capacity: ${kgPerTB} kg/TB }\n`;
        const ws = workspace({ 'main.efp': main, 'infra.efp': 'import "regions.efp"\nserver web { power: 300 W  storage: disk }\n', 'regions.efp': disk(160) });
        // figures after every evaluation, not only on save
        const lsp = await session(ws.folder, { evaluation: { trigger: 'onType' } });
        try {
            const uri = ws.uri('main.efp');
            await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: main } });
            const first = await lsp.notification<EvaluatedParams>('efp/evaluated', uri, 1);
            // main.efp names nothing of regions.efp, yet its storage is the disk's
            expect(first.systems[0].total).toBeCloseTo(519_827.9 / 1000, 3);
            ws.write('regions.efp', disk(320));
            await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('regions.efp'), type: CHANGED }] });
            const second = await lsp.notification<EvaluatedParams>('efp/evaluated', uri, 2);
            expect(second.systems[0].total).toBeCloseTo(546_494.6 / 1000, 3);
        } finally {
            await lsp.stop();
        }
    });

    it('a series\' CSV file changed on disk: the error on its `file:` comes and goes', async () => {
        const hours = (n: number, skip = -1) => ['time,visits', ...Array.from({ length: n }, (_, h) => h).filter(h => h !== skip)
            .map(h => `${new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 19)}Z,100`)].join('\n') + '\n';
        const main = [
            'model { start_date: 2025-01-01  modeling_duration: 1 day }',
            'job call on web { data_transferred: 1 MB }',
            'server web { storage: disk }',
            'storage disk from ssd {}',
            'usage_journey_step browse { user_time_spent: 1 min  jobs: [call] }',
            'usage_journey visit { uj_steps: [browse] }',
            'usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi_network  country: France',
            '  hourly_usage_journey_starts: hourly_values(file: "traffic.csv") }',
            'system shop { usage_patterns: [users] }', ''
        ].join('\n');
        const ws = workspace({ 'main.efp': main, 'traffic.csv': hours(24) });
        const lsp = await session(ws.folder);
        try {
            const uri = ws.uri('main.efp');
            await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: main } });
            expect(await lsp.diagnostics(uri, 1)).toEqual([]);
            // hour 05:00 taken out: line 7 (the header is line 1, 00:00 line 2) follows 04:00
            ws.write('traffic.csv', hours(24, 5));
            await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('traffic.csv'), type: CHANGED }] });
            expect(await lsp.diagnostics(uri, 2)).toEqual(['traffic.csv:7: 1 hour missing before 2025-01-01T06:00: line 6 is 2025-01-01T04:00. '
                + 'Add a row for each missing hour (0 when nothing happened): efp does not guess the values of a gap.']);
            ws.write('traffic.csv', hours(24));
            await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('traffic.csv'), type: CHANGED }] });
            expect(await lsp.diagnostics(uri, 3)).toEqual([]);
        } finally {
            await lsp.stop();
        }
    });
});
