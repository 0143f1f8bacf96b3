import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { ResponseError, type Hover } from 'vscode-languageserver-protocol';
import { Model } from '../../src/engine/model/model.js';
import type { EvaluatedParams } from '../../src/language/protocol.js';
import { startInProcessSession, type InProcessSession } from '../helpers/in-process-server.js';

/**
 * Faults injected into the language server (the one `efp lsp` and the extension run, in this process):
 * a request handler that throws, one of Langium's providers that throws, an engine that throws while
 * evaluating. Each becomes an error answer or a diagnostic and one log line; the server answers what
 * comes next.
 */
const text = readFileSync('examples/quickstart.efp', 'utf8');
const uriOf = (name: string) => pathToFileURL(resolve(`examples/${name}`)).toString();

async function answer(request: Promise<unknown>): Promise<{ code: number; message: string } | unknown> {
    try {
        return await request;
    } catch (error) {
        if (error instanceof ResponseError) return { code: error.code, message: error.message };
        throw error;
    }
}

describe('the language server survives its own faults', () => {
    let session: InProcessSession;

    beforeAll(async () => {
        session = await startInProcessSession();
    });

    afterEach(() => {
        vi.restoreAllMocks();
    });

    afterAll(() => session.stop());

    it('a request handler that throws: an error answer and one log line naming the request, the document and the fault', async () => {
        session.server.onRequest('efp/faulty', (params: { uri: string }) => {
            if (params.uri) throw new Error('the handler broke');
            return 'fine';
        });
        const uri = uriOf('faulty.efp');
        expect(await answer(session.connection.sendRequest('efp/faulty', { uri }))).toEqual({ code: -32603, message: 'efp/faulty failed: the handler broke' });
        const line = session.log.find(l => l.includes('the handler broke'))!;
        expect(line.split('\n')[0]).toBe(`efp: efp/faulty failed for ${uri}: the handler broke`);
        // the stack is in the log, for whoever reads it, and only there
        expect(line).toMatch(/\n\s+at .*handler-guard\.test\.ts/);
        expect(await session.connection.sendRequest('efp/faulty', { uri: '' })).toBe('fine');
    });

    it('a Langium provider that throws: the hover answers an error, the next hover its value', async () => {
        const uri = uriOf('guarded-hover.efp');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text } });
        expect(await session.diagnostics(uri, 1)).toEqual([]);
        const hover = session.Efp.lsp.HoverProvider!;
        vi.spyOn(hover, 'getHoverContent').mockImplementationOnce(() => { throw new Error('the hover broke'); });
        const line = text.split('\n').findIndex(l => l.includes('carbon_footprint_fabrication: 600 kg'));
        const position = { line, character: 4 };
        expect(await answer(session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })))
            .toEqual({ code: -32603, message: 'textDocument/hover failed: the hover broke' });
        expect(session.log.find(l => l.includes('the hover broke'))!.split('\n')[0]).toBe(`efp: textDocument/hover failed for ${uri}: the hover broke`);
        const next = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Hover;
        expect((next.contents as { value: string }).value).toContain('**600 kg**');
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    it('an engine that throws while evaluating: one diagnostic on the model, the figures say why, the next model evaluates', async () => {
        const broken = uriOf('engine-fault.efp');
        const fault = new Error('Invalid typed array length: -1');
        vi.spyOn(Model, 'buildInSlices').mockRejectedValue(fault);
        vi.spyOn(Model, 'build').mockImplementation(() => { throw fault; });
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'efp', version: 1, text } });
        expect(await session.diagnostics(broken, 1)).toEqual([
            'efp failed while evaluating this model (Invalid typed array length: -1): this is a bug in efp, not in the model'
        ]);
        const figures = await session.notification<EvaluatedParams>('efp/evaluated', broken, 1);
        expect(figures).toMatchObject({ stale: true, errors: 1, systems: [], message: 'The model has not evaluated yet: fix the errors the Problems view lists.' });
        expect(session.log.find(l => l.includes('Invalid typed array length'))!.split('\n')[0])
            .toBe(`efp: evaluating the model failed for ${broken}: Invalid typed array length: -1`);

        vi.restoreAllMocks();
        const fine = uriOf('after-fault.efp');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fine, languageId: 'efp', version: 1, text } });
        expect(await session.diagnostics(fine, 1)).toEqual([]);
        const evaluated = await session.notification<EvaluatedParams>('efp/evaluated', fine, 1);
        expect(evaluated.systems.map(s => Math.round(s.total / 1000))).toEqual([10_966]);
        for (const uri of [broken, fine]) await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
});
