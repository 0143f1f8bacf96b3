import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../helpers/language-workspace.js';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

/**
 * At most 1,000 diagnostics a file, the first by position, the last saying how many more were left out:
 * the same in the editor and in `efp check` (src/language/diagnostic-cap.ts).
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

/** One object whose `count` inputs each have a confidence that is not one, then a syntax error. */
function badConfidences(count: number, before = ''): string {
    const inputs = Array.from({ length: count }, (_, i) => `  a${i}: 1 confidence weird`).join('\n');
    return `${before}server s {\n${inputs}\n}\n}\n`;
}

const NOTICE = (more: string, parts: string) =>
    `${more} more problems in this file (${parts}) are not listed: efp lists the first 999 of a file, by position`;
const HINT = 'Fix the problems listed first; the others are listed as those go.';

describe('diagnostics capped per file', () => {
    it('in the editor: 5,001 errors are 999, by position, and one that says 4,002 more', async () => {
        const { documents: [document] } = await openWorkspace(badConfidences(5000));
        const diagnostics = document.diagnostics ?? [];
        expect(diagnostics).toHaveLength(1000);
        const lines = diagnostics.map(d => d.range.start.line);
        expect(lines.slice(0, 999)).toEqual(Array.from({ length: 999 }, (_, i) => i + 1));
        expect(diagnostics[0].message).toBe("confidence is low, medium or high, not 'weird'");
        const last = diagnostics[999];
        expect(last.message).toBe(`${NOTICE('4,002', '4,002 errors')}. Fix the problems listed first; the others are listed as those go.`);
        expect(last.severity).toBe(1);
        expect(last.range.start).toEqual({ line: 1000, character: 21 });
    });

    it('in the editor: the error of a text past its budget of tokens is listed whatever comes before it', async () => {
        // `server s {` is 82 tokens (the word of an object counts as 80), each input 5: the budget is gone at the last `}`
        process.env.EFP_MAX_MODEL_TOKENS = String(82 + 5000 * 5 + 1);
        try {
            const { documents: [document] } = await openWorkspace(badConfidences(5000));
            const diagnostics = document.diagnostics ?? [];
            expect(diagnostics).toHaveLength(1000);
            expect(diagnostics.slice(0, 998).every(d => d.message === "confidence is low, medium or high, not 'weird'")).toBe(true);
            expect(diagnostics[998].range.start).toEqual({ line: 5002, character: 0 });
            expect(diagnostics[998].code).toBe('too-many-tokens');
            expect(diagnostics[998].message).toMatch(/^this file is longer than efp reads: it has more than 25,083 tokens/);
            expect(diagnostics[999].message).toBe(`${NOTICE('4,002', '4,002 errors').replace('first 999', 'first 998')}. Fix the problems listed first; the others are listed as those go.`);
        } finally {
            delete process.env.EFP_MAX_MODEL_TOKENS;
        }
    });

    it('in the editor: 150,000 errors found by the checks (regression: Langium spread them into one call, "Maximum call stack size exceeded", and the file had none)', async () => {
        // 750,000 tokens: past the default budget of a file, raised as a user may
        process.env.EFP_MAX_MODEL_TOKENS = '1000000';
        try {
            const { documents: [document] } = await openWorkspace(badConfidences(150_000));
            const diagnostics = document.diagnostics ?? [];
            expect(diagnostics).toHaveLength(1000);
            expect(diagnostics[999].message).toBe(`${NOTICE('149,002', '149,002 errors')}. Fix the problems listed first; the others are listed as those go.`);
        } finally {
            delete process.env.EFP_MAX_MODEL_TOKENS;
        }
    }, 120_000);

    it('efp check prints the same 999 and the notice with its hint, and counts every problem', async () => {
        const dir = writeModelFiles({ 'model.efp': badConfidences(5000) });
        const result = await efp('check', join(dir, 'model.efp'));
        expect(result.code).toBe(1);
        const lines = result.stdout.split('\n').filter(l => l.startsWith(join(dir, 'model.efp') + ':') || l.startsWith('model.efp:'));
        expect(lines.filter(l => l.includes(': error: '))).toHaveLength(1000);
        expect(result.stdout).toContain(`model.efp:2:20: error: confidence is low, medium or high, not 'weird' [invalid-value]`);
        expect(result.stdout).toContain(`model.efp:1001:22: error: ${NOTICE('4,002', '4,002 errors')} [too-many-problems]\n    hint: ${HINT}`);
        expect(result.stdout).toContain('model.efp: 5001 errors, 0 warnings');
    });

    it('efp check: an error after a thousand notes still fails, and the engine\'s findings are capped with the others', async () => {
        // 1,200 servers no system uses (a note each, from the engine), then a server with a power in Wh (an error)
        const unused = Array.from({ length: 1200 }, (_, i) => `server unused${i} from web {}`).join('\n');
        const text = `${QUICKSTART}${unused}\nserver last from web { power: 300 Wh }\n`;
        const dir = writeModelFiles({ 'model.efp': text });
        const result = await efp('check', join(dir, 'model.efp'));
        expect(result.code).toBe(1);
        const line = text.split('\n').findIndex(l => l.startsWith('server unused999 ')) + 1;
        expect(result.stdout).toContain(`model.efp:${line}:8: error: ${NOTICE('203', '1 error, 202 notes')} [too-many-problems]\n    hint: ${HINT}`);
        expect(result.stdout.split('\n').filter(l => /^\S+:\d+:\d+: (error|warning|info|hint): /.test(l))).toHaveLength(1000);
        expect(result.stdout).toContain('model.efp: 1 error, 0 warnings');
    });
});

describe('a file that declares nothing', () => {
    for (const [name, text] of [['empty', ''], ['only comments', '// a model, one day\n/* nothing yet */\n'], ['only blanks', '\n\n   \n']]) {
        it(`${name}: an error at 1:1 with what a model starts with (efp eval has nothing to total)`, async () => {
            const { documents: [document] } = await openWorkspace(text);
            expect((document.diagnostics ?? []).map(d => ({ severity: d.severity, message: d.message, start: d.range.start }))).toEqual([{
                severity: 1, start: { line: 0, character: 0 },
                message: 'this file declares nothing. A model starts with its settings, `model "My service" { start_date: 2025-01-01  modeling_duration: 3 year }`, then its objects, e.g. `server web { power: 300 W ... }` (examples/quickstart.efp is a whole one).'
            }]);
            const dir = writeModelFiles({ 'model.efp': text });
            const result = await efp('check', join(dir, 'model.efp'));
            expect(result.code).toBe(1);
            expect(result.stdout).toContain('model.efp:1:1: error: this file declares nothing [empty-file]\n    hint: A model starts with its settings');
            expect(result.stdout).toContain('model.efp: 1 error, 0 warnings');
        });
    }

    it('a file that only imports others declares what they declare: no warning', async () => {
        const { documents: [document] } = await openWorkspace({ 'model.efp': 'import "servers.efp"\n', 'servers.efp': 'server web { power: 300 W }\n' });
        expect((document.diagnostics ?? []).filter(d => d.message.toString().includes('declares nothing'))).toEqual([]);
    });
});
