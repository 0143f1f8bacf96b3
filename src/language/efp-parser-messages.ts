import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { quoted } from './message-text.js';

/** Tokens in words, for syntax error messages. */
const TOKEN_WORDS: Record<string, string> = {
    ATTRIBUTE_NAME: 'an input name followed by `:`',
    ID: 'a name',
    NUMBER: 'a number',
    NUMBER_LIST: 'a list of numbers',
    STRING: 'a text in quotes',
    DATE: 'a date like 2025-01-01',
    EOF: 'the end of the file'
};

function words(type: TokenType): string {
    if (TOKEN_WORDS[type.name]) return TOKEN_WORDS[type.name];
    const keyword = typeof type.PATTERN === 'string' ? type.PATTERN : type.name;
    return `\`${keyword}\``;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType.name === 'EOF') return 'the end of the file';
    return quoted(token.image, '`');
}

/** What a rule is, to say what was being written when the text went wrong. */
const RULE_WORDS: Record<string, string> = {
    Attribute: 'an input', ObjectDecl: 'an object', Call: 'a builder call', ListExpression: 'a list', NumberList: 'a list', Argument: 'an argument',
    Reference: 'a reference', ModelSettings: 'the model settings', SourceDecl: 'a source', Import: 'an import'
};

/**
 * Syntax errors in the modeler's words: what was found and what could come there instead of the
 * parser's token sequences, with a hint for the usual slips (an object without braces, an input
 * without its value).
 */
export class EfpParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const where = RULE_WORDS[options.ruleName] ? ` in ${RULE_WORDS[options.ruleName]}` : '';
        return `expected ${words(options.expected)}${where}, found ${found(options.actual)}`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `unexpected ${found(options.firstRedundant)}: a declaration (an object kind such as \`server\`, or \`model\`, \`source\`, \`import\`) was expected`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = new Set<string>();
        for (const alt of options.expectedPathsPerAlt) for (const path of alt) if (path[0]) firsts.add(words(path[0]));
        const list = [...firsts];
        const expected = list.length > 6 ? `${list.slice(0, 6).join(', ')}…` : list.join(', ');
        // where a value goes, the alternatives are the starts of an expression
        const value = firsts.has(TOKEN_WORDS.NUMBER) && firsts.has(TOKEN_WORDS.ID);
        const what = value ? 'a value (a number and its unit, a name, a list, a builder call, a text or a date)' : `one of ${expected}`;
        return `expected ${what}, found ${found(options.actual[0])}`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = [...new Set(options.expectedIterationPaths.map(p => p[0]).filter(Boolean).map(words))];
        return `expected at least one of ${firsts.join(', ')}, found ${found(options.actual[0])}`;
    }
}
