/**
 * The language server over a session: how long after the last keystroke of a burst its final
 * diagnostics come (the server as editors run it, `efp lsp --stdio`, on a generated workspace), and
 * what its memory comes back to after documents are opened, edited and closed (the server of main.ts
 * in this process, whose heap a collection can be asked for: run with --expose-gc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { handlerGuard } from '../src/language/handler-guard.js';
import { startServer } from '../src/language/main.js';
import { generateWorkspace } from './workspace-generator.js';

const LINES_PER_FILE = 250;

type DiagnosticsWait = ((uri: string, test: (messages: string[]) => boolean, timeoutMs?: number) => Promise<number>) & { published: Map<string, number> };

/** Diagnostics as they come (how many for each document), and a wait for the first that satisfies a test, resolved with its time. */
function diagnosticsOf(connection: MessageConnection): DiagnosticsWait {
    const waiters = new Set<(params: PublishDiagnosticsParams) => void>();
    const published = new Map<string, number>();
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, (published.get(params.uri) ?? 0) + 1);
        waiters.forEach(w => w(params));
    });
    const wait = (uri: string, test: (messages: string[]) => boolean, timeoutMs = 120_000) => new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`no diagnostics for ${uri} within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const waiter = (params: PublishDiagnosticsParams) => {
            if (params.uri !== uri || !test(params.diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)))) return;
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(performance.now());
        };
        waiters.add(waiter);
    });
    return Object.assign(wait, { published });
}

async function initialize(connection: MessageConnection, rootUri: string | null, processId: number | null): Promise<void> {
    connection.onRequest('workspace/configuration', () => [null]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }
    });
    await connection.sendNotification('initialized', {});
}

export interface EditBurstFigure {
    readonly files: number;
    readonly lines: number;
    readonly edits: number;
    readonly gapMs: number;
    /** Last keystroke of each burst to the diagnostics of its text. */
    readonly latencyMs: number[];
    /** Diagnostics the server published for the edited file during the bursts, per burst. */
    readonly publishedPerBurst: number;
}

/**
 * `bursts` bursts of `edits` edits `gapMs` apart in one file of a workspace of about `targetLines`
 * lines, the editor asking for inlay hints and lenses after each edit, as VS Code does. Each burst's
 * last text has a unit error of its own, so its diagnostics are told from any earlier text's.
 */
export async function editBurstFigure(targetLines: number, bursts: number, edits = 20, gapMs = 20, cli = 'bin/efp.cjs'): Promise<EditBurstFigure> {
    const files = generateWorkspace(Math.max(1, Math.round(targetLines / LINES_PER_FILE)), LINES_PER_FILE);
    const lines = Object.values(files).reduce((n, t) => n + t.split('\n').length, 0);
    const dir = mkdtempSync(join(tmpdir(), 'efp-bench-burst-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const diagnostics = diagnosticsOf(connection);
    try {
        await initialize(connection, pathToFileURL(dir).toString(), process.pid);
        const services = Object.keys(files).filter(n => n.startsWith('service'));
        const name = services[services.length - 1];
        const uri = pathToFileURL(join(dir, name)).toString();
        const text = files[name];
        const opened = diagnostics(uri, messages => messages.length === 0);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text } });
        await opened;
        const before = diagnostics.published.get(uri) ?? 0;
        const everything = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
        const latencyMs: number[] = [];
        let version = 1;
        // one burst untimed: the first evaluations after a start compile the code they run
        for (let burst = -1; burst < bursts; burst++) {
            const marker = `${1001 + burst} Wh`;
            const final = diagnostics(uri, messages => messages.some(m => m.includes(marker)));
            let last = 0;
            for (let edit = 1; edit <= edits; edit++) {
                const edited = edit === edits ? text.replace('power: 250 W', `power: ${marker}`) : text.replace('power: 250 W', `power: ${250 + edit} W`);
                last = performance.now();
                await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited }] });
                void connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: everything }).catch(() => undefined);
                void connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }).catch(() => undefined);
                if (edit < edits) await new Promise(resolve => setTimeout(resolve, gapMs));
            }
            const latency = await final - last;
            if (burst >= 0) latencyMs.push(latency);
            // the burst is over: the editor is idle for a while
            await new Promise(resolve => setTimeout(resolve, 300));
        }
        return { files: Object.keys(files).length, lines, edits, gapMs, latencyMs, publishedPerBurst: ((diagnostics.published.get(uri) ?? 0) - before) / (bursts + 1) };
    } finally {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
        server.kill();
        rmSync(dir, { recursive: true, force: true });
    }
}

export interface OpenCloseMemoryFigure {
    readonly documents: number;
    /** Heap and array buffers after a collection, MB: after one document opened and closed, then after all. */
    readonly startMB: number;
    readonly endMB: number;
    /** What the server kept at the end (models, documents with an evaluation or a last good model). */
    readonly modelsKept: number;
    readonly documentsKept: number;
}

function collectedMB(): number {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with node --expose-gc: the figure is the memory after a collection');
    gc();
    gc();
    const usage = process.memoryUsage();
    // hourly values are Float64Arrays: their memory is the array buffers', outside the JS heap
    return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
}

/**
 * `documents` documents (the quickstart, a 3-year model) opened in the editor, edited (a new model
 * replaces the first), broken (the last good model is kept) and closed, one after the other; the
 * memory after a collection compared with the memory after the first one.
 */
export async function openCloseMemoryFigure(documents: number): Promise<OpenCloseMemoryFigure> {
    const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(handlerGuard(ProposedFeatures.all), new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const Efp = startServer(serverConnection);
    Efp.evaluation.EditBurst.quietMs = 0;
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const diagnostics = diagnosticsOf(connection);
    try {
        await initialize(connection, null, null);
        const session = async (i: number) => {
            const uri = `untitled:Untitled-${i}`;
            let next = diagnostics(uri, () => true);
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: quickstart } });
            await next;
            next = diagnostics(uri, () => true);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: quickstart.replace('power: 300 W', `power: ${301 + i} W`) }] });
            await next;
            next = diagnostics(uri, messages => messages.length > 0);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: quickstart.replace('power: 300 W', 'power: 300 Wh') }] });
            await next;
            next = diagnostics(uri, messages => messages.length === 0);
            await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
            await next;
        };
        // the first document fills the pools and caches any session has
        await session(0);
        const startMB = collectedMB();
        for (let i = 1; i <= documents; i++) await session(i);
        const endMB = collectedMB();
        const kept = Efp.evaluation.DocumentModels.retained;
        return { documents, startMB, endMB, modelsKept: kept.models.length, documentsKept: new Set([...kept.documents, ...kept.lastGood]).size };
    } finally {
        await connection.sendRequest('shutdown').catch(() => undefined);
        connection.dispose();
        serverConnection.dispose();
    }
}
