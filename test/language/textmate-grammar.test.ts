import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AstUtils, GrammarAST, URI, type LangiumDocument } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { openWorkspace } from '../helpers/language-workspace.js';
import { BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { EfpGrammar } from '../../src/language/generated/grammar.js';
import { BUILTIN_ENUMS, enumMember } from '../../src/engine/classes/builtin-enums.js';

const GRAMMAR_PATH = 'syntaxes/efp.tmLanguage.json';

/**
 * The TextMate scope VS Code colours a semantic token type with when the theme has no rule for the
 * type itself (vs/platform/theme/common/tokenClassificationRegistry.ts). Most themes only have
 * TextMate rules, so this is the colour a semantic token actually gets.
 */
const VSCODE_FALLBACK: Record<string, string> = {
    comment: 'comment',
    string: 'string',
    keyword: 'keyword.control',
    number: 'constant.numeric',
    operator: 'keyword.operator',
    namespace: 'entity.name.namespace',
    type: 'entity.name.type',
    class: 'entity.name.type.class',
    enum: 'entity.name.type.enum',
    function: 'entity.name.function',
    variable: 'variable.other.readwrite',
    parameter: 'variable.parameter',
    property: 'variable.other.property',
    enumMember: 'variable.other.enummember'
};

/**
 * The mapping this grammar follows: for each semantic token type the language server emits, the
 * TextMate scope (a prefix of the innermost scope) the grammar must give the same text. Each is
 * VS Code's fallback or narrower, so a theme colours the text alike with or without semantic tokens.
 * Units are efp's only types, hence `.unit`: a unit scoped as a class would not pass.
 */
const SCOPE_FOR_SEMANTIC_TYPE: Record<string, string> = Object.fromEntries([
    // the server emits no operator tokens; units are its only types
    ...Object.entries(VSCODE_FALLBACK).filter(([type]) => type !== 'operator'),
    ['type', 'entity.name.type.unit']
]);

interface TmToken { line: number; start: number; end: number; scopes: string[] }

let grammar: textmate.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync('node_modules/vscode-oniguruma/release/onig.wasm');
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => oniguruma.createOnigScanner(patterns),
            createOnigString: text => oniguruma.createOnigString(text)
        }),
        loadGrammar: async scopeName => (scopeName === 'source.efp'
            ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
            : null)
    });
    const loaded = await registry.loadGrammar('source.efp');
    if (!loaded) throw new Error(`cannot load ${GRAMMAR_PATH}`);
    grammar = loaded;
});

function tokenize(text: string): TmToken[] {
    const tokens: TmToken[] = [];
    let state = textmate.INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
        const result = grammar.tokenizeLine(lineText, state);
        for (const t of result.tokens) tokens.push({ line, start: t.startIndex, end: Math.min(t.endIndex, lineText.length), scopes: t.scopes });
        state = result.ruleStack;
    });
    return tokens.filter(t => t.end > t.start);
}

const innermost = (t: TmToken) => t.scopes[t.scopes.length - 1];
const within = (scope: string, family: string) => scope === family || scope.startsWith(family + '.');

/**
 * Checks, in order, that each [text, scope] pair is found after the previous one, that the text is
 * whole tokens, and that every one of them has `scope` as its innermost scope.
 */
function expectScopes(source: string, expectations: Array<[string, string]>): void {
    const tokens = tokenize(source);
    const lines = source.split(/\r?\n/);
    const lineStarts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
    const flat = source.replace(/\r/g, '');
    let from = 0;
    for (const [text, scope] of expectations) {
        const offset = flat.indexOf(text, from);
        expect(offset, `'${text}' in ${JSON.stringify(source)}`).toBeGreaterThanOrEqual(0);
        from = offset + text.length;
        const covering = tokens.filter(t => lineStarts[t.line] + t.end > offset && lineStarts[t.line] + t.start < from);
        const got = covering.map(t => `${JSON.stringify(lines[t.line].slice(t.start, t.end))}: ${innermost(t)}`).join(', ');
        expect(lineStarts[covering[0].line] + covering[0].start, `'${text}' starts a token (${got})`).toBe(offset);
        const last = covering[covering.length - 1];
        expect(lineStarts[last.line] + last.end, `'${text}' ends a token (${got})`).toBe(from);
        for (const t of covering) expect(innermost(t), `'${text}' (${got})`).toBe(scope);
    }
}

describe('TextMate grammar: representative lines', () => {
    it('an attribute spelled like an object kind is a property, not a keyword', () => {
        expectScopes('server web {\n  storage: ssd\n  server_type: autoscaling\n}', [
            ['server', 'keyword.control.declaration.efp'],
            ['web', 'entity.name.type.class.efp'],
            ['storage', 'variable.other.property.efp'],
            [':', 'punctuation.separator.key-value.efp'],
            ['ssd', 'variable.other.readwrite.efp'],
            ['server_type', 'variable.other.property.efp'],
            ['autoscaling', 'variable.other.enummember.efp']
        ]);
        expectScopes('job j on web { server: web }', [['server', 'variable.other.property.efp']]);
    });

    it('a number and its unit', () => {
        expectScopes('  power: 300 W', [['power', 'variable.other.property.efp'], ['300', 'constant.numeric.decimal.efp'], ['W', 'entity.name.type.unit.efp']]);
        expectScopes('x: 25 % per year', [['25', 'constant.numeric.decimal.efp'], ['%', 'entity.name.type.unit.efp'], ['per', 'keyword.control.per.efp'], ['year', 'entity.name.type.unit.efp']]);
        expectScopes('a: 1_000_000  b: 1.5e-3 kWh  c: 0.05 kWh/GB', [
            ['1_000_000', 'constant.numeric.decimal.efp'],
            ['1.5e-3', 'constant.numeric.decimal.efp'], ['kWh', 'entity.name.type.unit.efp'],
            ['0.05', 'constant.numeric.decimal.efp'], ['kWh', 'entity.name.type.unit.efp'], ['/', 'keyword.operator.arithmetic.efp'], ['GB', 'entity.name.type.unit.efp']
        ]);
    });

    it('the next attribute or an annotation after a number is not its unit', () => {
        expectScopes('{ data_replication_factor: 3  data_storage_duration: 2 year }', [
            ['3', 'constant.numeric.decimal.efp'], ['data_storage_duration', 'variable.other.property.efp'], ['year', 'entity.name.type.unit.efp']
        ]);
        expectScopes('base_storage_need: 100 TB confidence medium', [['TB', 'entity.name.type.unit.efp'], ['confidence', 'keyword.control.annotation.efp'], ['medium', 'variable.other.enummember.efp']]);
        expectScopes('power: 600 source ademe comment "measured"', [
            ['600', 'constant.numeric.decimal.efp'], ['source', 'keyword.control.source.efp'], ['ademe', 'entity.name.namespace.efp'],
            ['comment', 'keyword.control.annotation.efp'], ['measured', 'string.quoted.double.efp']
        ]);
    });

    it('an object declaration: kind, name, label, archetype, server', () => {
        expectScopes('server web "server" {', [
            ['server', 'keyword.control.declaration.efp'], ['web', 'entity.name.type.class.efp'],
            ['"', 'punctuation.definition.string.begin.efp'], ['server', 'string.quoted.double.efp'], ['"', 'punctuation.definition.string.end.efp'],
            ['{', 'punctuation.section.block.begin.efp']
        ]);
        expectScopes('storage ssd "SSD storage" from ssd {}', [
            ['storage', 'keyword.control.declaration.efp'], ['ssd', 'entity.name.type.class.efp'], ['SSD storage', 'string.quoted.double.efp'],
            ['from', 'keyword.control.efp'], ['ssd', 'entity.name.type.class.efp']
        ]);
        expectScopes('gpu_job infer on gpus {}', [['gpu_job', 'keyword.control.declaration.efp'], ['infer', 'entity.name.type.class.efp'], ['on', 'keyword.control.efp'], ['gpus', 'entity.name.type.class.efp']]);
        expectScopes('usage_journey_step watch "20 min streaming" {}', [['usage_journey_step', 'keyword.control.declaration.efp'], ['watch', 'entity.name.type.class.efp'], ['20 min streaming', 'string.quoted.double.efp']]);
    });

    it('model settings, imports, sources, units and enums', () => {
        expectScopes('import "common.efp"', [['import', 'keyword.control.import.efp'], ['common.efp', 'string.quoted.double.efp']]);
        expectScopes('model "Video" {\n  start_date: 2025-01-01\n  end: 2025-01-01T08:30\n}', [
            ['model', 'keyword.control.declaration.efp'], ['start_date', 'variable.other.property.efp'],
            ['2025-01-01', 'constant.numeric.date.efp'], ['2025-01-01T08:30', 'constant.numeric.date.efp']
        ]);
        expectScopes('source bloom "BLOOM" "https://arxiv.org/abs/2211.05100"', [
            ['source', 'keyword.control.source.efp'], ['bloom', 'entity.name.namespace.efp'], ['https://arxiv.org/abs/2211.05100', 'string.quoted.double.efp']
        ]);
        expectScopes('unit kWh "energy"\nunit % "a hundredth"', [['unit', 'keyword.control.declaration.efp'], ['kWh', 'entity.name.type.unit.efp'], ['%', 'entity.name.type.unit.efp']]);
        expectScopes('enum server_type {\n  autoscaling, on_premise "on-premise", serverless\n}\nserver s {}', [
            ['enum', 'keyword.control.declaration.efp'], ['server_type', 'entity.name.type.enum.efp'],
            ['autoscaling', 'variable.other.enummember.efp'], [',', 'punctuation.separator.comma.efp'], ['on_premise', 'variable.other.enummember.efp'],
            ['on-premise', 'string.quoted.double.efp'], ['serverless', 'variable.other.enummember.efp'], ['}', 'punctuation.section.block.end.efp'],
            ['server', 'keyword.control.declaration.efp']
        ]);
    });

    it('comments, line and block, wherever they are', () => {
        expectScopes('// a comment with server: 300 W\nserver web { // trailing "quote"\n/* block\n storage: x */ }', [
            ['//', 'punctuation.definition.comment.efp'], [' a comment with server: 300 W', 'comment.line.double-slash.efp'],
            ['server', 'keyword.control.declaration.efp'], [' trailing "quote"', 'comment.line.double-slash.efp'],
            ['/*', 'punctuation.definition.comment.begin.efp'], [' block', 'comment.block.efp'], [' storage: x ', 'comment.block.efp'],
            ['*/', 'punctuation.definition.comment.end.efp'], ['}', 'punctuation.section.block.end.efp']
        ]);
        expectScopes('s: "https://example.org" // not a string', [['https://example.org', 'string.quoted.double.efp'], [' not a string', 'comment.line.double-slash.efp']]);
    });

    it('references, calls, named arguments and conversions', () => {
        expectScopes('idle_power: web.power / 6  x: call.server.power in kW/gpu', [
            ['web', 'variable.other.readwrite.efp'], ['.', 'punctuation.accessor.efp'], ['power', 'variable.other.property.efp'],
            ['/', 'keyword.operator.arithmetic.efp'], ['6', 'constant.numeric.decimal.efp'],
            ['call', 'variable.other.readwrite.efp'], ['server', 'variable.other.property.efp'], ['power', 'variable.other.property.efp'],
            ['in', 'keyword.control.conversion.efp'], ['kW', 'entity.name.type.unit.efp'], ['/', 'keyword.operator.arithmetic.efp'], ['gpu', 'entity.name.type.unit.efp']
        ]);
        expectScopes('h: (linear_growth(5000, 100000) + sinusoidal(amplitude: (3000), period: 90 day)) * daily_fluctuation(scale: 0.8)  next: 1', [
            ['h', 'variable.other.property.efp'], ['(', 'punctuation.section.parens.begin.efp'],
            ['linear_growth', 'entity.name.function.efp'], ['(', 'punctuation.definition.arguments.begin.efp'], ['5000', 'constant.numeric.decimal.efp'],
            [')', 'punctuation.definition.arguments.end.efp'], ['+', 'keyword.operator.arithmetic.efp'],
            ['sinusoidal', 'entity.name.function.efp'], ['amplitude', 'variable.parameter.efp'], ['3000', 'constant.numeric.decimal.efp'],
            // the parenthesised argument does not end the call: `period` is still a parameter
            ['period', 'variable.parameter.efp'], ['day', 'entity.name.type.unit.efp'],
            ['daily_fluctuation', 'entity.name.function.efp'], ['scale', 'variable.parameter.efp'],
            ['next', 'variable.other.property.efp']
        ]);
        expectScopes('devices: [laptop, phone]', [['[', 'punctuation.section.brackets.begin.efp'], ['laptop', 'variable.other.readwrite.efp'], [',', 'punctuation.separator.comma.efp'], [']', 'punctuation.section.brackets.end.efp']]);
    });

    it('every keyword of efp.langium is a keyword', () => {
        const keywords = new Set(AstUtils.streamAllContents(EfpGrammar()).filter(GrammarAST.isKeyword).map(k => k.value).filter(k => /^[a-z_]+$/.test(k)));
        expect(keywords.size).toBeGreaterThan(20);
        for (const keyword of keywords) {
            const [token] = tokenize(keyword);
            expect(innermost(token), keyword).toMatch(/^keyword\.control\./);
        }
    });

    it('knows the built-in enumerated values the engine has', () => {
        const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { repository: Record<string, { match: string }> };
        const listed = /\(\?:([\w|]+)\)/.exec(raw.repository['enum-value'].match)?.[1].split('|');
        // every member of every enum the built-in library declares
        const engine = BUILTIN_ENUMS.flatMap(e => e.values.map(v => enumMember(v).name));
        expect(listed?.sort()).toEqual(engine.sort());
    });
});

describe('TextMate grammar agrees with the semantic tokens', () => {
    const files: Array<{ name: string }> = [
        ...readdirSync('examples').filter(f => f.endsWith('.efp')).map(f => ({ name: join('examples', f) })),
        ...readdirSync('examples/reference').filter(f => f.endsWith('.efp')).map(f => ({ name: join('examples/reference', f) })),
        // the models efp init writes, which users read first
        ...readdirSync('templates').map(t => ({ name: join('templates', t, 'model.efp') })),
        // the built-in library: every unit, the enum, the sources, archetypes and countries
        { name: BUILTIN_LIBRARY_URI }
    ];

    it('reads the examples', () => {
        expect(files.length).toBeGreaterThanOrEqual(4);
    });

    it('the mapping narrows VS Code\'s own fallback for each semantic token type', () => {
        for (const [type, scope] of Object.entries(SCOPE_FOR_SEMANTIC_TYPE)) expect(within(scope, VSCODE_FALLBACK[type]), type).toBe(true);
    });

    const seen = new Set<string>();
    for (const file of files) {
        it(`${file.name}: every semantic token has the matching TextMate scope`, async () => {
            const isLibrary = file.name === BUILTIN_LIBRARY_URI;
            const text = isLibrary ? '' : readFileSync(file.name, 'utf8');
            const { Efp, shared, documents } = await openWorkspace(isLibrary ? {} : { 'model.efp': text });
            const document: LangiumDocument = isLibrary ? shared.workspace.LangiumDocuments.getDocument(URI.parse(BUILTIN_LIBRARY_URI))! : documents[0];
            const provider = Efp.lsp.SemanticTokenProvider!;
            const semantic = SemanticTokensDecoder.decode(
                await provider.semanticHighlight(document, { textDocument: { uri: document.textDocument.uri.toString() } }),
                provider.tokenTypes, document);
            expect(semantic.length).toBeGreaterThan(20);

            const content = document.textDocument.getText();
            const tokens = tokenize(content);
            const lines = content.split(/\r?\n/);
            const mismatches: string[] = [];
            for (const s of semantic) {
                const family = SCOPE_FOR_SEMANTIC_TYPE[s.tokenType];
                const { line, character } = document.textDocument.positionAt(s.offset);
                const where = `${line + 1}:${character + 1} '${s.text}' (${s.tokenType})`;
                if (!family) {
                    mismatches.push(`${where}: no TextMate scope mapped to this semantic token type`);
                    continue;
                }
                seen.add(s.tokenType);
                const covering = tokens.filter(t => t.line === line && t.end > character && t.start < character + s.text.length);
                const wrong = covering.filter(t => !within(innermost(t), family));
                if (covering.length === 0 || wrong.length > 0) {
                    mismatches.push(`${where}: TextMate says ${wrong.map(t => `'${lines[line].slice(t.start, t.end)}' ${innermost(t)}`).join(', ') || 'nothing'}, expected ${family}`);
                }
            }
            expect(mismatches).toEqual([]);
            // and nothing is left unscoped: every word, number and sign is coloured by the grammar
            const bare = tokens.filter(t => t.scopes.length === 1 && lines[t.line].slice(t.start, t.end).trim() !== '')
                .map(t => `${t.line + 1}:${t.start + 1} '${lines[t.line].slice(t.start, t.end)}'`);
            expect(bare).toEqual([]);
        });
    }

    it('the examples exercise every kind of semantic token the grammar maps', () => {
        // (after the per-file tests above) comments and strings get no semantic tokens from the server;
        // every other mapped type must have been checked somewhere, or the mapping is untested
        const expected = Object.keys(SCOPE_FOR_SEMANTIC_TYPE).filter(t => t !== 'comment' && t !== 'string');
        expect([...seen].sort()).toEqual(expected.sort());
    });
});
