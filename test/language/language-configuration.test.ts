import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { EfpGrammar } from '../../src/language/generated/grammar.js';

/** The editor's view of the language (comments, brackets, words) must be the grammar's. */
interface LanguageConfiguration {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: Array<[string, string]>;
    colorizedBracketPairs: Array<[string, string]>;
    autoClosingPairs: Array<{ open: string; close: string; notIn?: string[] }>;
    surroundingPairs: Array<[string, string]>;
    wordPattern: string;
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    onEnterRules: Array<{ beforeText: string; afterText?: string }>;
}
const configuration = JSON.parse(readFileSync('language-configuration.json', 'utf8')) as LanguageConfiguration;

const terminals = EfpGrammar().rules.filter(GrammarAST.isTerminalRule);
const keywords = new Set(AstUtils.streamAllContents(EfpGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));

/** Whether the terminal's regex matches the whole of `text` (and no more). */
function matchesWhole(rule: GrammarAST.TerminalRule, text: string): boolean {
    const match = new RegExp(GrammarUtils.terminalRegex(rule).source, 'y').exec(text);
    return match?.[0] === text;
}

describe('language-configuration.json', () => {
    // the hidden terminals that are not whitespace are the comments
    const comments = terminals.filter(t => t.hidden && !matchesWhole(t, ' '));

    it('comment markers are those of the grammar\'s hidden comment terminals', () => {
        const { lineComment, blockComment: [open, close] } = configuration.comments;
        const line = comments.filter(t => matchesWhole(t, `${lineComment} a line comment`));
        const block = comments.filter(t => matchesWhole(t, `${open} a block\ncomment ${close}`));
        expect(line.map(t => t.name)).toHaveLength(1);
        expect(block.map(t => t.name)).toHaveLength(1);
        // a line comment stops at the end of the line; nothing else is a comment
        expect(matchesWhole(line[0], `${lineComment} a\nb`)).toBe(false);
        expect([...line, ...block].map(t => t.name).sort()).toEqual(comments.map(t => t.name).sort());
    });

    it('brackets are the grammar\'s bracket keywords, auto-closed and used to surround', () => {
        const candidates: Array<[string, string]> = [['{', '}'], ['[', ']'], ['(', ')'], ['<', '>']];
        const inGrammar = candidates.filter(([open, close]) => keywords.has(open) && keywords.has(close));
        expect(configuration.brackets).toEqual(inGrammar);
        expect(configuration.colorizedBracketPairs).toEqual(inGrammar);
        for (const [open, close] of inGrammar) {
            expect(configuration.autoClosingPairs).toContainEqual(expect.objectContaining({ open, close }));
            expect(configuration.surroundingPairs).toContainEqual([open, close]);
        }
    });

    it('quotes are the STRING terminal\'s, auto-closed outside strings and comments', () => {
        const string = terminals.find(t => t.name === 'STRING')!;
        expect(matchesWhole(string, '"text"')).toBe(true);
        expect(configuration.autoClosingPairs).toContainEqual({ open: '"', close: '"', notIn: ['string', 'comment'] });
        expect(configuration.surroundingPairs).toContainEqual(['"', '"']);
    });

    it('a word is an identifier (with _ and digits), a number or a date, as the lexer has them', () => {
        const words = (text: string) => text.match(new RegExp(configuration.wordPattern, 'g'));
        expect(words('usage_journey_step uj_step_1 {  power: 1_000_000 W  start_date: 2025-01-01  e: 0.05 kWh/GB  x: 1.5e-3 }'))
            .toEqual(['usage_journey_step', 'uj_step_1', 'power', '1_000_000', 'W', 'start_date', '2025-01-01', 'e', '0.05', 'kWh', 'GB', 'x', '1.5e-3']);
        // every identifier the ID terminal accepts is one word
        const id = terminals.find(t => t.name === 'ID')!;
        for (const name of ['_private', 'gpu_server2', 'TB_stored']) {
            expect(matchesWhole(id, name)).toBe(true);
            expect(words(name)).toEqual([name]);
        }
    });

    it('indents after an opening bracket left open, and outdents a closing one', () => {
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect(increase.test('server web "Web server" {')).toBe(true);
        expect(increase.test('storage ssd from ssd {   // "quoted" comment')).toBe(true);
        expect(increase.test('  devices: [')).toBe(true);
        expect(increase.test('usage_journey v { uj_steps: [a, b] }')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        expect(decrease.test('  power: 300 W')).toBe(false);
        for (const rule of configuration.onEnterRules) {
            expect(new RegExp(rule.beforeText).test('server web {')).toBe(true);
            if (rule.afterText) expect(new RegExp(rule.afterText).test('}')).toBe(true);
        }
    });
});
