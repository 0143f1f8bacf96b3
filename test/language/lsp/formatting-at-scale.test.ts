import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../helpers/language-workspace.js';

/**
 * Formatting huge files: Langium's formatter collects a node's keywords with `push(...found)`, which ran
 * out of stack on a list of 130,000 values ("Maximum call stack size exceeded"); the formatter gathers
 * them itself.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

async function format(text: string): Promise<string> {
    const { Efp, documents: [document] } = await openWorkspace(text, false);
    const edits = await Efp.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
    return TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text), edits);
}

describe('formatting huge files', () => {
    // past the default budget of tokens of a file (src/language/token-budget.ts), raised as a user may: what is tested is how efp scales
    beforeAll(() => { process.env.EFP_MAX_MODEL_TOKENS = '100000000'; });
    afterAll(() => { delete process.env.EFP_MAX_MODEL_TOKENS; });

    it('a list of 130,000 values gets one space after each comma, none before', async () => {
        const values = Array.from({ length: 130_000 }, (_, i) => String(i % 10)).join(' ,');
        const text = QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, `hourly_usage_journey_starts: hourly_values(values: [${values}], start_date: 2025-01-01)\n}`);
        const formatted = await format(text);
        expect(formatted).toContain(`hourly_values(values: [${Array.from({ length: 130_000 }, (_, i) => String(i % 10)).join(', ')}], start_date: 2025-01-01)`);
    }, 120_000);

    it('130,000 declarations each start a line', async () => {
        const text = Array.from({ length: 130_000 }, (_, i) => `storage s${i} {}`).join(' ');
        const formatted = await format(text);
        expect(formatted).toBe(Array.from({ length: 130_000 }, (_, i) => `storage s${i} {}`).join('\n'));
    }, 120_000);
});
