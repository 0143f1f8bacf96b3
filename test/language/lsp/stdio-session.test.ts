import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { CodeLens, Hover, CompletionList, LocationLink } from 'vscode-languageserver-protocol';
import { startLspSession, type LspSession } from '../../helpers/lsp-client.js';
import type { EvaluatedParams, FootprintResult, ValueAtResult } from '../../../src/language/protocol.js';

/**
 * The bundled server as other editors run it (`efp lsp --stdio`), driven over JSON-RPC: open a file,
 * get its diagnostics, complete, hover, edit, close, shut down.
 */
const text = readFileSync('examples/quickstart.efp', 'utf8');
const uri = pathToFileURL(resolve('examples/quickstart-session.efp')).toString();

describe('efp lsp --stdio', () => {
    let session: LspSession;

    beforeAll(async () => {
        session = await startLspSession();
        expect(session.capabilities.hoverProvider).toBeTruthy();
        expect(session.capabilities.completionProvider).toBeTruthy();
        expect(session.capabilities.documentFormattingProvider).toBeTruthy();
    });

    afterAll(() => session.stop());

    it('runs a session: open, diagnose, complete, hover, fix, close', async () => {
        const { connection } = session;
        const broken = text.replace('power: 300 W', 'power: 300 Wh');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: broken } });
        expect(await session.diagnostics(uri, 1)).toEqual(["'power' expects a power (W); `300 Wh` is an energy (kWh). Write it in W or a unit of the same kind."]);

        const line = broken.split('\n').findIndex(l => l.includes('idle_power: 50 W'));
        const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } }) as CompletionList;
        expect(completion.items.map(i => i.label)).toContain('fixed_nb_of_instances');

        const hoverLine = broken.split('\n').findIndex(l => l.includes('carbon_footprint_fabrication: 600 kg'));
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 4 } }) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**600 kg**');
        // this client did not say it runs efp's commands: no link that would open nothing
        expect((hover.contents as { value: string }).value).not.toContain('command:');

        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        expect(await session.diagnostics(uri, 2)).toEqual([]);

        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    it('evaluates when a file is opened and saved, keeping the last good results while it is broken', async () => {
        const { connection } = session;
        const evaluatedUri = pathToFileURL(resolve('examples/quickstart-evaluated.efp')).toString();
        expect((session.capabilities.textDocumentSync as { save?: unknown }).save).toBeTruthy();
        expect(session.capabilities.codeLensProvider).toBeTruthy();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: evaluatedUri, languageId: 'efp', version: 1, text } });
        const opened = await session.notification<EvaluatedParams>('efp/evaluated', evaluatedUri, 1);
        expect(opened).toMatchObject({ uri: evaluatedUri, version: 1, stale: false, errors: 0 });
        // e-footprint: 10,966,373 kg over the 3 years
        expect(opened.systems.map(s => [s.name, Math.round(s.total / 1000)])).toEqual([['System', 10_966]]);

        const broken = text.replace('power: 300 W', 'power: 300 Wh');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: evaluatedUri, version: 2 }, contentChanges: [{ text: broken }] });
        await session.diagnostics(evaluatedUri, 2);
        await connection.sendNotification('textDocument/didSave', { textDocument: { uri: evaluatedUri } });
        const saved = await session.notification<EvaluatedParams>('efp/evaluated', evaluatedUri, 2);
        expect(saved).toMatchObject({ version: 1, stale: true, errors: 1 });
        expect(saved.systems).toEqual(opened.systems);

        const footprint = await connection.sendRequest('efp/footprint', { uri: evaluatedUri }) as FootprintResult;
        expect(footprint.stale).toBe(true);
        expect(footprint.systems[0].total).toBe(opened.systems[0].total);

        const line = text.split('\n').findIndex(l => l.includes('idle_power: 50 W'));
        const at = await connection.sendRequest('efp/valueAt', { uri: evaluatedUri, position: { line, character: 3 } }) as ValueAtResult;
        expect(at).toEqual({ object: 'web', attribute: 'idle_power' });

        const evaluated = await connection.sendRequest('efp/evaluate', { uri: evaluatedUri }) as EvaluatedParams;
        expect(evaluated).toMatchObject({ version: 1, stale: true });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: evaluatedUri } });
    });
});

describe('efp lsp --stdio in an editor without efp\'s panels', () => {
    it('a CodeLens shows an object\'s yearly footprint; run, the server says its footprint in a message', async () => {
        const session = await startLspSession();
        try {
            const { connection } = session;
            expect((session.capabilities.executeCommandProvider as { commands?: string[] } | undefined)?.commands).toEqual(['efp.footprintSummary']);
            const messages: string[] = [];
            connection.onNotification('window/showMessage', (params: { message: string }) => { messages.push(params.message); });
            const lensUri = pathToFileURL(resolve('examples/quickstart-lenses.efp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: lensUri, languageId: 'efp', version: 1, text } });
            await session.notification('efp/evaluated', lensUri, 1);
            const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: lensUri } }) as CodeLens[];
            const onServer = lenses.find(l => l.command?.arguments?.[1] === 'web')!;
            // e-footprint: the server's 54,194.1 kg + 170,628.86 kg over 3 years
            expect(onServer.command!.title).toBe('Footprint: 74.94 t CO2e/year');
            const said = await connection.sendRequest('workspace/executeCommand', { command: onServer.command!.command, arguments: onServer.command!.arguments });
            expect(said).toBe('web: 74.94 t CO2e/year; over the modeling period, fabrication 54.2 t CO2e, energy 170.6 t CO2e');
            await expect.poll(() => messages).toEqual([said]);
        } finally {
            await session.stop();
        }
    });
});

describe('efp lsp --stdio: the built-in library', () => {
    it('go to definition on a built-in name lands in efp-builtin:/library.efp, whose text the server gives', async () => {
        const session = await startLspSession();
        try {
            const { connection } = session;
            const modelUri = pathToFileURL(resolve('examples/quickstart-builtins.efp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: modelUri, languageId: 'efp', version: 1, text } });
            await session.diagnostics(modelUri, 1);
            const lines = text.split('\n');
            const countryLine = lines.findIndex(l => l.includes('country: France'));
            const links = await connection.sendRequest('textDocument/definition', {
                textDocument: { uri: modelUri }, position: { line: countryLine, character: lines[countryLine].indexOf('France') + 2 }
            }) as LocationLink[];
            expect(links.map(l => l.targetUri)).toEqual(['efp-builtin:/library.efp']);
            const library = await connection.sendRequest('efp/builtinLibrary', { uri: links[0].targetUri }) as string;
            const { start, end } = links[0].targetSelectionRange;
            expect(library.split('\n')[start.line].slice(start.character, end.character)).toBe('France');
            expect(library.split('\n')[start.line]).toMatch(/^country France /);
            await connection.sendNotification('textDocument/didClose', { textDocument: { uri: modelUri } });
        } finally {
            await session.stop();
        }
    });
});

describe('efp lsp --stdio for a client that runs efp\'s commands (initializationOptions.efpCommands, as the VS Code extension)', () => {
    it('hovers link to the calculus graph and the dashboard', async () => {
        const session = await startLspSession({ rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: { efpCommands: true } });
        try {
            const { connection } = session;
            const linkedUri = pathToFileURL(resolve('examples/quickstart-linked.efp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: linkedUri, languageId: 'efp', version: 1, text } });
            await session.diagnostics(linkedUri, 1);
            const line = text.split('\n').findIndex(l => l.includes('carbon_footprint_fabrication: 600 kg'));
            const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: linkedUri }, position: { line, character: 4 } }) as Hover;
            expect((hover.contents as { value: string }).value).toMatch(/\[Calculus graph\]\(command:efp\.showCalculusGraph\?/);
        } finally {
            await session.stop();
        }
    });
});

describe('efp lsp --stdio with efp.evaluation.trigger: onType', () => {
    it('evaluates after every change, without waiting for a save', async () => {
        const session = await startLspSession(
            { rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } },
            { evaluation: { trigger: 'onType' } }
        );
        try {
            const { connection } = session;
            const typedUri = pathToFileURL(resolve('examples/quickstart-typed.efp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: typedUri, languageId: 'efp', version: 1, text } });
            const first = await session.notification<EvaluatedParams>('efp/evaluated', typedUri, 1);
            // twice the power, idle and loaded, doubles the server's energy footprint (e-footprint: 170,628.86 kg)
            const doubled = text.replace('power: 300 W', 'power: 600 W').replace('idle_power: 50 W', 'idle_power: 100 W');
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri: typedUri, version: 2 }, contentChanges: [{ text: doubled }] });
            const second = await session.notification<EvaluatedParams>('efp/evaluated', typedUri, 2);
            expect(second).toMatchObject({ version: 2, stale: false });
            expect(Math.round(second.systems[0].total - first.systems[0].total)).toBe(170_629);
        } finally {
            await session.stop();
        }
    });
});
