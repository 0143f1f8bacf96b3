import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentState, URI } from 'langium';
import { Model } from '../../../src/engine/model/model.js';
import type { EvaluatedParams } from '../../../src/language/protocol.js';
import { BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { startInProcessSession, type InProcessSession } from '../../helpers/in-process-server.js';

/**
 * What the language server keeps of the models it evaluates, and when it evaluates them, through the
 * server itself (main.ts's, in this process): documents opened, edited and closed as an editor does.
 */
const model = (power: number) => [
    'model { start_date: 2025-01-01  modeling_duration: 1 day }',
    'storage disk from ssd {}',
    `server web { power: ${power} W  storage: disk }`,
    'job call on web { data_transferred: 1 MB }',
    'usage_journey_step browse { user_time_spent: 1 min  jobs: [call] }',
    'usage_journey visit { uj_steps: [browse] }',
    'usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi_network  country: France  hourly_usage_journey_starts: 100 }',
    'system shop { usage_patterns: [users] }', ''
].join('\n');

/** Every model the engine builds from now on. */
function recordModels(): Model[] {
    const built: Model[] = [];
    const build = Model.build.bind(Model);
    const buildInSlices = Model.buildInSlices.bind(Model);
    vi.spyOn(Model, 'build').mockImplementation((description, registry, options) => {
        const m = build(description, registry, options);
        built.push(m);
        return m;
    });
    vi.spyOn(Model, 'buildInSlices').mockImplementation(async (description, registry, cancelled, sliceMs, options) => {
        const m = await buildInSlices(description, registry, cancelled, sliceMs, options);
        if (m) built.push(m);
        return m;
    });
    return built;
}

const workspaceDocuments = (session: InProcessSession) =>
    session.Efp.shared.workspace.LangiumDocuments.all.map(d => d.uri.toString()).filter(uri => uri !== BUILTIN_LIBRARY_URI).toArray();

describe('the models the language server keeps', () => {
    let session: InProcessSession | undefined;

    afterEach(async () => {
        vi.restoreAllMocks();
        await session?.stop();
        session = undefined;
    });

    it('200 documents opened, edited, broken and closed: nothing kept for them, every model they had disposed', async () => {
        session = await startInProcessSession();
        const models = session.Efp.evaluation.DocumentModels;
        // not a burst: each edit is evaluated
        session.Efp.evaluation.EditBurst.quietMs = 0;
        const built = recordModels();
        const { connection } = session;
        for (let i = 0; i < 200; i++) {
            // files that are not on disk, and untitled buffers
            const uri = i % 2 ? `untitled:Untitled-${i}` : `file:///nowhere/model-${i}.efp`;
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: model(300) } });
            expect(await session.diagnostics(uri, 1)).toEqual([]);
            // a new text replaces the model; a broken one keeps the last good model for the panels
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: model(310 + i) }] });
            expect(await session.diagnostics(uri, 2)).toEqual([]);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: model(320).replace('300 W', '300 Wh').replace('320 W', '320 Wh') }] });
            expect(await session.diagnostics(uri, 3)).toEqual(["'power' expects a power (W); `320 Wh` is an energy (kWh). Write it in W or a unit of the same kind."]);
            // while open: its evaluation and its last good model are kept
            expect(models.retained.documents).toEqual([uri]);
            expect(models.retained.lastGood).toEqual([uri]);
            await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
            expect(await session.diagnostics(uri, 4)).toEqual([]);
        }
        expect(workspaceDocuments(session)).toEqual([]);
        expect(models.retained).toEqual({ documents: [], lastGood: [], models: [], dataFileReaders: [] });
        // three texts evaluated per document, each model given back once replaced
        expect(built.length).toBeGreaterThanOrEqual(600);
        expect(built.filter(m => !m.disposed)).toEqual([]);
    }, 120_000);

    it('a closed file of the workspace goes back to its text on disk, without its models', async () => {
        const uri = `file://${process.cwd()}/examples/quickstart.efp`;
        const root = `file://${process.cwd()}/examples`;
        session = await startInProcessSession({ rootUri: root, workspaceFolders: [{ uri: root, name: 'examples' }], capabilities: {} });
        const models = session.Efp.evaluation.DocumentModels;
        await session.Efp.shared.workspace.WorkspaceManager.ready;
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: 'server broken {' } });
        expect(await session.diagnostics(uri, 1)).toEqual(['expected `}`, found the end of the file']);
        expect(models.retained.documents).toEqual([uri]);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        // the file's own text again, valid, and nothing kept of it: it is closed
        expect(await session.diagnostics(uri, 2)).toEqual([]);
        expect(workspaceDocuments(session)).toContain(uri);
        expect(models.retained).toMatchObject({ documents: [], lastGood: [], models: [] });
    }, 60_000);
});

describe('a burst of edits', () => {
    let session: InProcessSession | undefined;

    afterEach(async () => {
        vi.restoreAllMocks();
        await session?.stop();
        session = undefined;
    });

    it('is evaluated once, for its last text, while the editor asks for hints, lenses and hovers after each edit', async () => {
        session = await startInProcessSession({ rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } }, { evaluation: { trigger: 'onType' } });
        // longer than the pauses between the edits below, whatever the machine's load
        session.Efp.evaluation.EditBurst.quietMs = 1500;
        const { connection } = session;
        const uri = 'file:///nowhere/typing.efp';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: model(300) } });
        expect(await session.diagnostics(uri, 1)).toEqual([]);
        await session.notification<EvaluatedParams>('efp/evaluated', uri, 1);
        const built = recordModels();
        const everything = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
        const answers: Array<Promise<unknown>> = [];
        for (let version = 2; version <= 21; version++) {
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: model(300 + version) }] });
            // what an editor asks after each keystroke
            answers.push(connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: everything }));
            answers.push(connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }));
            answers.push(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 14 } }));
            // the builder parses and links each text (completion needs it)
            await session.Efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, URI.parse(uri));
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        expect(await session.diagnostics(uri, 2)).toEqual([]);
        const figures = await session.notification<EvaluatedParams>('efp/evaluated', uri, 2);
        expect(figures).toMatchObject({ version: 21, stale: false });
        // one evaluation: the last text's
        expect(built.map(m => m.lookup('web')?.inputs.get('power')?.expr)).toEqual([{ kind: 'number', value: 321, unit: 'W', origin: expect.anything() }]);
        // and every question was answered with its figures
        const hover = (await Promise.all(answers)).at(-1) as { contents: { value: string } };
        expect(hover.contents.value).toContain('**321 W**');
    }, 60_000);
});
