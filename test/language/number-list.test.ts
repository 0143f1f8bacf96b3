import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, inject, type LangiumDocument } from 'langium';
import { createDefaultModule, createDefaultSharedModule, SemanticTokensDecoder } from 'langium/lsp';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EfpGeneratedModule, EfpGeneratedSharedModule } from '../../src/language/generated/module.js';
import { EfpModule, EfpSharedModule, type EfpServices } from '../../src/language/efp-module.js';
import { registerValidationChecks } from '../../src/language/efp-validator.js';
import { EfpTokenBuilder } from '../../src/language/efp-token-builder.js';
import { describeModel } from '../../src/language/model-description.js';
import { importEfootprintJson } from '../../src/engine/import/efootprint-json-import.js';
import { printModel } from '../../src/engine/export/efp-text.js';
import { valueAt } from '../../src/language/evaluation/value-at.js';
import { isListExpression, isNumberList, isObjectDecl, type Document } from '../../src/language/generated/ast.js';
import { formattedNumberList, scanNumberList } from '../../src/language/number-list.js';
import { openWorkspace, type OpenWorkspace } from '../helpers/language-workspace.js';

/**
 * A list of plain numbers is one token (src/language/number-list.ts), which costs a few bytes a value
 * instead of the 2 kB of a ListExpression of QuantityLiterals. Everything efp does with the text must be
 * as it was: each feature is compared with the same text read by a lexer that knows no such token, which
 * reads every list as a ListExpression, as efp did before.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

/** A lexer whose lists of numbers never match: the text is read token by token, as before they existed. */
class TokenByTokenBuilder extends EfpTokenBuilder {
    override buildTokens(...args: Parameters<EfpTokenBuilder['buildTokens']>): TokenVocabulary {
        const tokens = super.buildTokens(...args) as TokenType[];
        for (const token of tokens) if (token.name === 'NUMBER_LIST') token.PATTERN = { exec: () => null };
        return tokens;
    }
}

function tokenByTokenServices(): { shared: EfpServices['shared']; Efp: EfpServices } {
    const shared = inject(createDefaultSharedModule(EmptyFileSystem), EfpGeneratedSharedModule, EfpSharedModule);
    const Efp = inject(createDefaultModule({ shared }), EfpGeneratedModule, EfpModule, { parser: { TokenBuilder: () => new TokenByTokenBuilder() } });
    shared.ServiceRegistry.register(Efp);
    registerValidationChecks(Efp);
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Efp };
}

/** The text read both ways: with lists of numbers as tokens (efp's) and token by token (as before). */
async function bothWays(text: string): Promise<{ lists: OpenWorkspace; tokens: OpenWorkspace }> {
    return { lists: await openWorkspace(text), tokens: await openWorkspace(text, true, tokenByTokenServices()) };
}

/** A description with the origins the lists' items work out when asked (getters), as plain data. */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) result[key] = plain((value as Record<string, unknown>)[key]);
    if ('origin' in value && !('origin' in result)) result.origin = plain((value as { origin: unknown }).origin);
    return result;
}

/** Each workspace has a folder of its own: the same document's URI in either. */
function sameFolder<T>(value: T): T {
    if (value === undefined) return value;
    return JSON.parse(JSON.stringify(value).replace(/\/virtual\/ws\d+\//g, '/virtual/ws/')) as T;
}

function descriptionOf({ shared, documents: [document] }: OpenWorkspace): unknown {
    return sameFolder(plain(describeModel(document, shared.workspace.LangiumDocuments)));
}

/** The lists in the journey starts of the quickstart's usage pattern, by kind. */
function listsIn(document: LangiumDocument): { numberLists: number; listExpressions: number } {
    const root = document.parseResult.value as Document;
    let numberLists = 0, listExpressions = 0;
    for (const object of root.elements.filter(isObjectDecl)) {
        for (const attribute of object.attributes.filter(a => a.name === 'hourly_usage_journey_starts')) {
            const walk = (node: object): void => {
                if (isNumberList(node)) numberLists++;
                if (isListExpression(node)) listExpressions++;
                for (const [key, child] of Object.entries(node)) {
                    if (key.startsWith('$')) continue;
                    if (Array.isArray(child)) child.forEach(c => typeof c === 'object' && c && walk(c));
                    else if (typeof child === 'object' && child && '$type' in child) walk(child);
                }
            };
            walk(attribute.value);
        }
    }
    return { numberLists, listExpressions };
}

/** The quickstart with hourly values added to its journey starts (times 0), as written in `list`. */
function withList(list: string): string {
    return QUICKSTART.replace('hourly_usage_journey_starts:\n', `hourly_usage_journey_starts:\n      hourly_values(values: ${list}, start_date: 2025-01-01) * 0 +\n`);
}

const LIST = '[\n        1, 2.5, -3,\r\n\t4_000, 1e3, 2.5E-2 ,\u00a0 0,\n  -0.5e+1 ,   7\n      ]';

describe('the lexer reads a list of plain numbers as one token', () => {
    it('with signs, decimals, exponents, `_`, line breaks, any whitespace and a trailing comma', async () => {
        const { lists, tokens } = await bothWays(withList(LIST));
        expect(listsIn(lists.documents[0])).toEqual({ numberLists: 1, listExpressions: 0 });
        expect(listsIn(tokens.documents[0])).toEqual({ numberLists: 0, listExpressions: 1 });
        const parts: string[] = [];
        scanNumberList(LIST, 0, (part, start, end) => { if (part === 'number') parts.push(LIST.slice(start, end)); });
        expect(parts).toEqual(['1', '2.5', '3', '4_000', '1e3', '2.5E-2', '0', '0.5e+1', '7']);
    });

    it('a unit, a name, a comment, an operator, a date, an empty list or what is not a number: token by token, as before', async () => {
        for (const list of ['[1 kW, 2 kW]', '[1, web.power]', '[1, /* one */ 2]', '[1, // one\n 2]', '[1, 2 * 3]', '[]', '[- 1]', '[1,, 2]',
            '[2025-01-01]', '[1.]', '[1e]', '[0x10]', '[--1]', '[1 -2]', '[,1]', '[1, 2', '[[1, 2], [3]]']) {
            expect(scanNumberList(list, 0), list).toBe(-1);
        }
        const { lists } = await bothWays(withList('[1 kW, 2 kW]'));
        expect(listsIn(lists.documents[0])).toEqual({ numberLists: 0, listExpressions: 1 });
        // inner lists of numbers are tokens of their own
        expect(scanNumberList('[[1, 2], [3]]', 1)).toBe(7);
    });
});

describe('a list of numbers as one token is what the same list was token by token', () => {
    it('the model description: the same values, each item with the origin of its text', async () => {
        const { lists, tokens } = await bothWays(withList(LIST));
        const description = descriptionOf(lists);
        expect(description).toEqual(descriptionOf(tokens));
        // and it says what is written (a sanity check of the comparison)
        const usage = (description as { objects: Array<{ id: string; inputs: Record<string, { expr: unknown }> }> }).objects.find(o => o.id === 'french_households')!;
        const call = ((usage.inputs.hourly_usage_journey_starts.expr as { left: { left: { args: Array<{ value: { items: unknown[] } }> } } }).left.left);
        const items = call.args[0].value.items as Array<{ kind: string; value?: number; operand?: { value: number } }>;
        expect(items.map(i => i.kind === 'negate' ? -i.operand!.value : i.value)).toEqual([1, 2.5, -3, 4000, 1000, 0.025, 0, -5, 7]);
    });

    it('diagnostics located on an item of a list (an engine error naming the number), in a scenario too', async () => {
        const text = `${QUICKSTART}\nusage_journey_step extra { user_time_spent: 1 min  jobs: [streaming, 2, 3] }\n`
            + 'usage_journey_step extra2 { user_time_spent: 1 min  jobs: [1, 2] }\n'
            + 'scenario more { french_households.hourly_usage_journey_starts: hourly_values([1, -2, 3]) }\n';
        const { lists, tokens } = await bothWays(text);
        const diagnostics = (w: OpenWorkspace) => (w.documents[0].diagnostics ?? []).map(d => ({ range: d.range, message: d.message, severity: d.severity }));
        expect(sameFolder(diagnostics(lists))).toEqual(sameFolder(diagnostics(tokens)));
        // `jobs: [1, 2]`: on the 1
        const line = text.split('\n').findIndex(l => l.includes('extra2'));
        const character = text.split('\n')[line].indexOf('[1, 2]') + 1;
        expect(diagnostics(lists)).toContainEqual({ range: { start: { line, character }, end: { line, character: character + 1 } }, severity: 1,
            message: 'usage_journey_step extra2: \'jobs\' expects a job or a GPU job or a video streaming job or a web application job or a generative AI job' });
    });

    it('formatting: one space after each comma, none inside the brackets, lines joined', async () => {
        const text = withList(LIST);
        const format = async ({ Efp, documents: [document] }: OpenWorkspace) => TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text),
            await Efp.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } }));
        const { lists, tokens } = await bothWays(text);
        const formatted = await format(lists);
        expect(formatted).toBe(await format(tokens));
        expect(formatted).toContain('hourly_values(values: [1, 2.5, -3, 4_000, 1e3, 2.5E-2, 0, -0.5e+1, 7], start_date: 2025-01-01)');
        expect(formattedNumberList('[ 1,2 ,]')).toBe('[1, 2, ]');
    });

    it('semantic tokens: each number (not its sign) is a number', async () => {
        const text = withList(LIST);
        const tokensOf = async ({ Efp, documents: [document] }: OpenWorkspace) => {
            const provider = Efp.lsp.SemanticTokenProvider!;
            return SemanticTokensDecoder.decode(await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }), provider.tokenTypes, document)
                .map(t => `${t.offset}:${t.text}:${t.tokenType}`);
        };
        const { lists, tokens } = await bothWays(text);
        const highlighted = await tokensOf(lists);
        expect(highlighted).toEqual(await tokensOf(tokens));
        expect(highlighted).toContain(`${text.indexOf('4_000')}:4_000:number`);
    });

    it('completion inside a list (after a number: its unit) and after it', async () => {
        const text = withList('[1, 2, 3]');
        for (const at of ['[1, 2'.length, '[1, 2,'.length, '[1, 2, '.length, '['.length, '[1, 2, 3]'.length]) {
            const offset = text.indexOf('[1, 2, 3]') + at;
            const { lists, tokens } = await bothWays(text);
            const complete = async ({ Efp, documents: [document] }: OpenWorkspace) => (await Efp.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
            }))?.items.map(i => `${i.label} ${JSON.stringify(i.textEdit)}`).sort();
            const items = await complete(lists);
            expect(sameFolder(items), `at ${at}`).toEqual(sameFolder(await complete(tokens)));
            if (at === '[1, 2'.length) expect(items?.some(i => i.startsWith('kWh '))).toBe(true);
        }
    });

    it('the value at the cursor and the hover on a number, a sign, a comma and a bracket of a list', async () => {
        const text = withList(LIST);
        const { lists, tokens } = await bothWays(text);
        for (const [needle, delta] of [['4_000', 1], ['-3', 0], ['-3', 1], ['2.5E-2 ,', 7], [LIST, 0], [LIST, LIST.length - 1]] as const) {
            const offset = text.indexOf(needle) + delta;
            const at = (w: OpenWorkspace) => valueAt(w.Efp, w.documents[0], offset);
            expect(at(lists), needle).toEqual(at(tokens));
            expect(at(lists), needle).toEqual({ object: 'french_households', attribute: 'hourly_usage_journey_starts' });
            const hover = async ({ Efp, documents: [document] }: OpenWorkspace) => Efp.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
            });
            expect(sameFolder(await hover(lists)), needle).toEqual(sameFolder(await hover(tokens)));
        }
    });

    it('nesting: a list of numbers is a bracket (and its sign one level more), as token by token', async () => {
        for (const [depth, list] of [[63, '[1, 2]'], [64, '[1, 2]'], [62, '[1, -2]'], [63, '[1, -2]'], [62, '-[-1, 2]']] as const) {
            const text = QUICKSTART.replace('power: 300 W', `power: ${'('.repeat(depth)}${list}${')'.repeat(depth)}`);
            const { lists, tokens } = await bothWays(text);
            const errors = (w: OpenWorkspace) => (w.documents[0].diagnostics ?? []).filter(d => String(d.message).includes('nested too deeply')).map(d => `${d.range.start.line}:${d.message}`);
            expect(errors(lists), `${depth} ${list}`).toEqual(errors(tokens));
            expect(errors(lists).length, `${depth} ${list}`).toBe(depth + (list.includes('-') ? 2 : 1) + (list.startsWith('-[-') ? 1 : 0) > 64 ? 1 : 0);
        }
    });

    it('efp import\'s text (hourly values a day a line) reads back to the same description, and its values print back the same', async () => {
        const imported = importEfootprintJson(readFileSync('test/fixtures/efootprint/quickstart.efootprint.json', 'utf8'));
        const text = printModel(imported.description);
        expect(text).toContain('hourly_values(values: [\n      3000, 2176.9321,');
        const { lists, tokens } = await bothWays(text);
        expect(listsIn(lists.documents[0])).toEqual({ numberLists: 1, listExpressions: 0 });
        const description = describeModel(lists.documents[0], lists.shared.workspace.LangiumDocuments);
        expect(sameFolder(plain(description))).toEqual(descriptionOf(tokens));
        // the series as written, printed again from what was read (the rest of the model reads back with built-ins and units as arithmetic)
        const series = (efp: string) => /hourly_values\(values: \[[^\]]*\], start_date: [0-9-]+\)/.exec(efp)?.[0];
        expect(series(text)?.length).toBeGreaterThan(26_280 * 6);
        expect(series(printModel(description))).toBe(series(text));
    });
});
