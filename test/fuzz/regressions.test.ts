import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { random } from '../helpers/random.js';
import { CALL_BUDGET_MS, withinBudget } from './fuzz-config.js';
import { exercise } from './language-checks.js';
import { settledRequests, startLspSession } from './lsp-session.js';

/**
 * Texts the fuzzers once failed on (test/fuzz/regressions/, named after the suite, seed and iteration or
 * storm that found them), replayed by `npm test` through the checks of the suite that found them, with
 * the diagnostic each one must now give.
 */
const DIR = 'test/fuzz/regressions';
const REGRESSIONS = readdirSync(DIR).filter(f => f.endsWith('.efp')).sort();
/** What each text must now say (the editor's message: the engine's, then its hint), where it once crashed. */
const EXPECTED: Record<string, RegExp> = {
    'language-services-4242-1274.efp': /^646270398516\.2079 min of user time is longer than the modeling period \(1 year\)\. Check the value and its unit/,
    'lsp-stdio-31337-90.efp': /^653071152511\.9841 min of user time is longer than the modeling period \(1 year\)\. Check the value and its unit/
};

describe('fuzz regressions', () => {
    it('every kept text has what it must say', () => {
        expect(REGRESSIONS).toEqual(Object.keys(EXPECTED).sort());
    });

    it('each text, through the language services\' checks', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        await shared.workspace.DocumentBuilder.build([library]);
        for (const [i, file] of REGRESSIONS.entries()) {
            const uri = URI.file(`/virtual/regressions/${file}`);
            setTextDocument(Efp, TextDocument.create(uri.toString(), 'efp', i + 1, readFileSync(join(DIR, file), 'utf8')));
            await withinBudget('build (parse, link, validate, evaluate)', () => shared.workspace.DocumentBuilder.update([uri], []));
            const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
            const messages = (document.diagnostics ?? []).map(d => (typeof d.message === 'string' ? d.message : d.message.value));
            expect(messages.filter(m => EXPECTED[file].test(m)), `${file}: ${messages.join('\n')}`).toHaveLength(1);
            await exercise(Efp, document, random(i + 1));
        }
    }, 120_000);

    it('the stdio storm\'s text, through the language server\'s checks', async () => {
        const session = await startLspSession();
        try {
            for (const file of REGRESSIONS.filter(f => f.startsWith('lsp-stdio-'))) {
                const uri = pathToFileURL(join(session.dir, file)).toString();
                await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: readFileSync(join(DIR, file), 'utf8') } });
                // once validated, the evaluation the status bar shows (where the server once died)
                await session.request('efp/evaluate', { uri }, 5 * CALL_BUDGET_MS);
                await settledRequests(session, uri, { line: 21, character: 60 });
                await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
            }
            expect(session.problem()).toBeUndefined();
        } finally {
            await session.close();
        }
    }, 120_000);
});
