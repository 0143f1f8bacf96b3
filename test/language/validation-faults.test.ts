import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstUtils } from 'langium';
import { EfpValidator } from '../../src/language/efp-validator.js';
import type { EfpAstType } from '../../src/language/generated/ast.js';
import { startInProcessSession, type InProcessSession } from '../helpers/in-process-server.js';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

/**
 * A check that throws is a fault of efp's, not a finding of the model's: one error in efp's words (code
 * internal-error), its stack in the editor's log or, in `efp check`, on stderr with EFP_DEBUG=1 only, and
 * `efp check` exits 3. Langium printed "An error occurred during validation:" and the stack on the
 * console (stderr in `efp check`) and reported an error in those words on every node the check threw on.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
/** The first object, where the check first throws. */
const FIRST_OBJECT_LINE = QUICKSTART.split('\n').findIndex(l => l.startsWith('storage ssd'));

afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.EFP_DEBUG;
});

describe('a check that throws, in the editor', () => {
    let session: InProcessSession;

    beforeAll(async () => {
        session = await startInProcessSession();
    });
    afterAll(() => session.stop());

    it('one error on the model in efp\'s words, the stack in the log, nothing on the console', async () => {
        const uri = pathToFileURL(resolve('examples/faulty-check.efp')).toString();
        // a check on every object, which throws on this document's
        session.Efp.validation.ValidationRegistry.register<EfpAstType>({
            ObjectDecl: node => {
                if (AstUtils.getDocument(node).uri.toString() === uri) throw new Error('the check broke');
            }
        });
        const console = vi.spyOn(globalThis.console, 'error');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'efp', version: 1, text: QUICKSTART } });
        expect(await session.diagnostics(uri, 1)).toEqual([
            'efp failed while checking this model (the check broke): this is a bug in efp, not in the model. The efp log (Output, efp) has the details; please report it.'
        ]);
        const line = session.log.find(l => l.includes('the check broke'))!;
        expect(line.split('\n')[0]).toBe(`efp: checking the model failed for ${uri}: the check broke`);
        expect(line).toMatch(/\n\s+at .*validation-faults\.test\.ts/);
        expect(console).not.toHaveBeenCalled();
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
});

describe('a check that throws, in efp check', () => {
    function throwingCheck() {
        vi.spyOn(EfpValidator.prototype, 'checkObjectAttributesAreUnique').mockImplementation(() => { throw new Error('the check broke'); });
    }

    it('exits 3 with one located error that says it is a bug in efp, and no stack', async () => {
        throwingCheck();
        const console = vi.spyOn(globalThis.console, 'error');
        const dir = writeModelFiles({ 'model.efp': QUICKSTART });
        const result = await efp('check', join(dir, 'model.efp'));
        expect(result.code).toBe(3);
        expect(result.stdout).toBe(`${join(dir, 'model.efp')}:${FIRST_OBJECT_LINE + 1}:1: error: efp failed while checking this model (the check broke): this is a bug in efp, not in the model [internal-error]\n`
            + '    hint: Run efp with EFP_DEBUG=1 for the details; please report it.\n'
            + `${join(dir, 'model.efp')}: 1 error, 0 warnings\n`);
        expect(result.stderr).toBe('');
        expect(console).not.toHaveBeenCalled();
    });

    it('with EFP_DEBUG=1, the stack on stderr', async () => {
        throwingCheck();
        process.env.EFP_DEBUG = '1';
        const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
        const dir = writeModelFiles({ 'model.efp': QUICKSTART });
        const result = await efp('check', join(dir, 'model.efp'));
        expect(result.code).toBe(3);
        // the model's fault (and the built-in library's, whose objects the check throws on too)
        const uri = pathToFileURL(join(dir, 'model.efp')).toString();
        const lines = console.mock.calls.map(call => String(call[0])).filter(l => l.includes(uri));
        expect(lines).toHaveLength(1);
        expect(lines[0].split('\n')[0]).toBe(`efp: checking the model failed for ${uri}: the check broke`);
        expect(lines[0]).toMatch(/\n\s+at .*validation-faults\.test\.ts/);
    });
});
