import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isObjectDecl, type Document } from '../../src/language/generated/ast.js';
import { DEFAULT_MAX_MODEL_TOKENS, maxModelTokens } from '../../src/language/token-budget.js';
import { DataFileRefusal } from '../../src/language/data-files.js';
import { openWorkspace } from '../helpers/language-workspace.js';

/**
 * The budget of tokens of a model file (src/language/token-budget.ts): counted by the lexer as it reads,
 * so that no text costs more than about 700 MB to read and check, whatever it holds. Past the budget, one
 * error where the text went past, nothing read or evaluated after it.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

afterEach(() => {
    delete process.env.EFP_MAX_MODEL_TOKENS;
});

function message(limit: number, rest: string, of: string): string {
    return `this file is longer than efp reads: it has more than ${limit.toLocaleString('en-US')} tokens, the most efp reads from one file, `
        + `and is read up to here (the rest, ${rest} of its ${of}, is not). Tokens are names, numbers and signs; the word that starts an object counts as 80, `
        + 'a comment as 1/3, a number in a list of numbers as 1/16. Split the model into files that import each other, or set EFP_MAX_MODEL_TOKENS to raise the limit.';
}

/** The text's diagnostics (built with validation) under a budget of `limit` tokens. */
async function readWithBudget(text: string, limit: number) {
    process.env.EFP_MAX_MODEL_TOKENS = String(limit);
    const workspace = await openWorkspace(text);
    const [document] = workspace.documents;
    const diagnostics = (document.diagnostics ?? []).map((d: Diagnostic) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) }));
    return { ...workspace, document, diagnostics };
}

/** Where the text goes past its budget, as line:column, if it does. */
async function pastAt(text: string, limit: number): Promise<string | undefined> {
    const { diagnostics } = await readWithBudget(text, limit);
    const past = diagnostics.filter(d => d.message.startsWith('this file is longer than efp reads'));
    expect(past.length).toBeLessThanOrEqual(1);
    return past[0] && `${past[0].line}:${past[0].column}`;
}

describe('the budget of tokens of a model file', () => {
    it('past it: one error at the first token past it, with the figure, the limit and what to do; nothing after it read, nothing evaluated', async () => {
        const text = 'server a {}\nserver b { power: 300 W }\nstorage c {}\n';
        // `server` 80 + `a { }` 3 + `server` 80: the budget is gone at `b`
        const { document, diagnostics, Efp } = await readWithBudget(text, 163);
        expect(diagnostics).toEqual([{ line: 2, column: 8, message: message(163, '1 kB', '1 kB') }]);
        // the objects read are those before it; the half-read declaration is no syntax error of the file
        const names = (document.parseResult.value as Document).elements.filter(isObjectDecl).map(o => o.name);
        expect(names[0]).toBe('a');
        expect(names).not.toContain('b');
        expect(names).not.toContain('c');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(Efp.evaluation.DocumentModels.modelFor(document)).toBeUndefined();
    });

    it('a file that imports one past it: an error on the import line, and nothing evaluated', async () => {
        process.env.EFP_MAX_MODEL_TOKENS = '163';
        const { documents: [main], Efp } = await openWorkspace({ 'main.efp': 'import "big.efp"\nserver m {}\n', 'big.efp': 'server a {}\nserver b {}\n' });
        expect((main.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)).toEqual([
            "1:8 cannot import 'big.efp': it is longer than efp reads (more than 163 tokens; see its line 2). Split it into files that import each other, or set EFP_MAX_MODEL_TOKENS to raise the limit."
        ]);
        expect(Efp.evaluation.DocumentModels.modelFor(main)).toBeUndefined();
    });

    it('within it: as without a budget', async () => {
        const { diagnostics } = await readWithBudget('server a {}\nserver b {}\n', 166);
        expect(diagnostics.filter(d => d.message.startsWith('this file is longer'))).toEqual([]);
    });

    it('counts a comment as a third of a token, a number of a list of numbers as 1/16, an unknown character as one', async () => {
        // 30 comments are 10 tokens: the 31st goes past 10
        expect(await pastAt('// c\n'.repeat(40), 10)).toBe('31:1');
        expect(await pastAt('// c\n'.repeat(30), 10)).toBeUndefined();
        // `x: [32 numbers]` is `x`, `:` and 1 + 32/16 for the list: 5 tokens; `y` is the sixth
        const list = `[${Array.from({ length: 32 }, (_, i) => i).join(', ')}]`;
        expect(await pastAt(`model { x: ${list} y: 1 }`, 7)).toBe(`1:${`model { x: ${list} `.length + 1}`);
        expect(await pastAt(`model { x: ${list} y: 1 }`, 11)).toBeUndefined();
        // `model { x:` 4, then `@` `@` `@`
        expect(await pastAt('model { x: @ @ @ 1 }', 6)).toBe('1:16');
    });

    it('counts the word of an object as a declaration only where it starts one, not as a member (`job.server`) or an input (`storage: ssd`)', async () => {
        const text = 'job j { x: j.server.power  server : web }\n';
        // `job` 80, then j { x : j . server . power server : web } = 13
        expect(await pastAt(text, 92)).toBe('1:41');
        expect(await pastAt(text, 93)).toBeUndefined();
    });

    it('real models fit with room: the quickstart, 125,000 comment lines, a series of 262,980 values', async () => {
        for (const text of [QUICKSTART, '// a comment\n'.repeat(125_000) + QUICKSTART,
            QUICKSTART.replace('hourly_usage_journey_starts:\n', `hourly_usage_journey_starts:\n hourly_values([${'1000, '.repeat(262_979)}1000]) * 0 +\n`)]) {
            expect(await pastAt(text, DEFAULT_MAX_MODEL_TOKENS / 4)).toBeUndefined();
        }
    }, 60_000);

    it('does not hold efp\'s own library (the units, countries and archetypes every model sees) to the user\'s limit', async () => {
        // units, countries, archetypes (`ssd`): all there
        const { diagnostics, document } = await readWithBudget('server a { power: 300 W  storage: ssd  average_carbon_intensity: France.average_carbon_intensity }', 100);
        // nothing past the budget; a server alone has no system, which is not the budget's business
        expect(diagnostics.map(d => d.message.slice(0, 29))).toEqual(['this model declares no system']);
        expect(document.references.map(r => `${r.$refText}: ${'ref' in r ? r.ref?.$type : ''}`)).toEqual(['W: UnitDecl', 'ssd: ObjectDecl', 'France: ObjectDecl']);
    });

    it('a text past it is not formatted (what was not read is not in the tree)', async () => {
        const text = 'server   a {}\nserver b {}\n';
        const { Efp, document } = await readWithBudget(text, 100);
        const edits = await Efp.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        expect(TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text), edits)).toBe(text);
    });

    it('EFP_MAX_MODEL_TOKENS sets it; a value that is not a positive whole number is refused, with what to write', () => {
        expect(maxModelTokens()).toBe(350_000);
        process.env.EFP_MAX_MODEL_TOKENS = '1000000';
        expect(maxModelTokens()).toBe(1_000_000);
        for (const wrong of ['0x10', '-5', '1.5', 'many', '0']) {
            process.env.EFP_MAX_MODEL_TOKENS = wrong;
            expect(() => maxModelTokens()).toThrow(DataFileRefusal);
            expect(() => maxModelTokens()).toThrow(`EFP_MAX_MODEL_TOKENS is \`${wrong}\`, not a positive whole number of tokens`);
        }
    });
});
