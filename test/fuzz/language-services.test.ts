import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { generateModel, type Rng } from './generator.js';
import { mutate } from './mutators.js';
import { EXAMPLES } from './corpus.js';
import { FuzzFailure, iterations, recordFailure, rngFor, withinBudget, SUITE_TIMEOUT_MS } from './fuzz-config.js';
import { exercise } from './language-checks.js';

/**
 * The language services in-process, as the server runs them: every text is parsed, linked, validated and
 * evaluated, then hover, completion, semantic tokens, formatting, code actions, inlay hints, signature
 * help, code lenses, symbols, definitions and the custom requests are asked at random offsets. Fails on
 * a thrown exception, a call over the budget, an unhandled rejection, an error logged (an exception a
 * provider threw, which Langium catches), or a diagnostic outside the text.
 */
const SUITE = 'language-services';
const RUNS = iterations(200);

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => { rejections.push(reason); };
/**
 * What was logged as an error: Langium catches a provider's exception (completion's, for one) and logs
 * it, answering without that provider's items, so a crash shows only here.
 */
const logged: unknown[][] = [];
let restoreConsole: (() => void) | undefined;
beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    restoreConsole = () => spy.mockRestore();
});
afterAll(() => {
    process.off('unhandledRejection', onRejection);
    restoreConsole?.();
});

function inputFor(next: Rng, iteration: number): string {
    const r = next();
    if (r < 0.35) return generateModel(next);
    if (r < 0.45) return mutate(generateModel(next), next);
    return mutate(EXAMPLES[iteration % EXAMPLES.length].text, next);
}

describe('fuzzing the language services', () => {
    it(`${RUNS} generated and mutated models: every stage answers in time, without throwing`, async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        await shared.workspace.DocumentBuilder.build([library]);
        const main = URI.file('/virtual/fuzz/model.efp');
        const other = URI.file('/virtual/fuzz/other.efp');
        for (let i = 0; i < RUNS; i++) {
            const next = rngFor(SUITE, i);
            const files: Record<string, string> = { 'model.efp': inputFor(next, i) };
            if (next() < 0.3) files['other.efp'] = inputFor(next, i + 1);
            try {
                const changed = [main];
                setTextDocument(Efp, TextDocument.create(main.toString(), 'efp', i + 1, files['model.efp']));
                if (files['other.efp'] !== undefined) {
                    setTextDocument(Efp, TextDocument.create(other.toString(), 'efp', i + 1, files['other.efp']));
                    changed.push(other);
                }
                await withinBudget('build (parse, link, validate, evaluate)', () => shared.workspace.DocumentBuilder.update(changed, []));
                await exercise(Efp, shared.workspace.LangiumDocuments.getDocument(main)!, next);
                if (rejections.length > 0) throw new FuzzFailure(`unhandled rejection: ${(rejections[0] as Error)?.stack ?? String(rejections[0])}`);
                if (logged.length > 0) throw new FuzzFailure(`logged an error: ${logged[0].map(a => (a as Error)?.stack ?? String(a)).join(' ')}`);
            } catch (e) {
                throw recordFailure(SUITE, i, files, e instanceof FuzzFailure ? e.message : `threw ${(e as Error)?.stack ?? String(e)}`);
            }
        }
        expect(rejections).toEqual([]);
    }, SUITE_TIMEOUT_MS);
});
