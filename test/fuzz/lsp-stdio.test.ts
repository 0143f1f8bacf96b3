import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateModel } from './generator.js';
import { mutate } from './mutators.js';
import { EXAMPLES } from './corpus.js';
import { iterations, recordFailure, rngFor, SUITE_TIMEOUT_MS } from './fuzz-config.js';
import { settledRequests, startLspSession } from './lsp-session.js';

/**
 * A real `efp lsp --stdio` (the bundle, as editors run it) under didOpen/didChange storms of mutants, with
 * requests in between and after. Fails on an error response other than a cancellation, a request that
 * does not answer in time once the storm is over, a server that exits, or a stack trace on its stderr.
 */
const SUITE = 'lsp-stdio';
const STORMS = iterations(8);

describe('fuzzing the language server over stdio', () => {
    it(`${STORMS} storms of edits: the server answers every request and never dies`, async () => {
        const session = await startLspSession();
        const { connection } = session;
        try {
            for (let storm = 0; storm < STORMS; storm++) {
                const next = rngFor(SUITE, storm);
                const uri = pathToFileURL(join(session.dir, `storm${storm}.efp`)).toString();
                const base = next() < 0.3 ? generateModel(next) : EXAMPLES[storm % EXAMPLES.length].text;
                const texts = [base];
                await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: base } });
                const pending: Array<Promise<void>> = [];
                for (let version = 2; version < 30; version++) {
                    const text = mutate(texts[texts.length - 1].length > 0 && next() < 0.7 ? texts[texts.length - 1] : base, next);
                    texts.push(text);
                    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
                    const position = { line: Math.floor(next() * 40), character: Math.floor(next() * 30) };
                    // during the storm, answers may be cancelled by the next edit; they must not be errors
                    if (next() < 0.3) pending.push(session.request('textDocument/hover', { textDocument: { uri }, position }));
                    if (next() < 0.2) pending.push(session.request('textDocument/completion', { textDocument: { uri }, position }));
                }
                await Promise.all(pending);
                // once the storm is over, every feature answers within the budget
                await settledRequests(session, uri, { line: Math.floor(next() * 20), character: Math.floor(next() * 20) });
                await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
                const problem = session.problem();
                if (problem) throw recordFailure(SUITE, storm, Object.fromEntries(texts.map((t, i) => [`v${i + 1}.efp`, t])), problem);
            }
        } finally {
            await session.close();
        }
        expect(session.failures).toEqual([]);
    }, SUITE_TIMEOUT_MS);
});
