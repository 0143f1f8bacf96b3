import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CstUtils, createLangiumParser, EmptyFileSystem, isCompositeCstNode, isLeafCstNode, type CstNode } from 'langium';
import { createEfpServices } from '../../src/language/efp-module.js';
import { createEfpLangiumParser } from '../../src/language/efp-cst-builder.js';
import { isListExpression, isNumberList, isObjectDecl, type Document } from '../../src/language/generated/ast.js';
import { describeModel } from '../../src/language/model-description.js';
import { openWorkspace } from '../helpers/language-workspace.js';

/**
 * The concrete syntax tree of huge texts: built without spreading an unbounded array into a call (which
 * ran out of stack from about 120,000 comments in a row) and in time linear in the text.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

function comments(count: number): string {
    return Array.from({ length: count }, (_, i) => `// comment ${i}\n`).join('');
}

/** The quickstart's journey starts as `efp import` writes a long series: 24 values a line. */
function withHourlyValues(count: number, between: (i: number) => string = () => ''): string {
    const lines: string[] = [];
    for (let i = 0; i < count; i += 24) {
        const row: string[] = [];
        for (let j = i; j < Math.min(count, i + 24); j++) row.push(`${between(j)}${1000 + (j % 24) * 10}`);
        lines.push(`      ${row.join(', ')},`);
    }
    return QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/,
        `hourly_usage_journey_starts: hourly_values(values: [\n${lines.join('\n')}\n    ], start_date: 2025-01-01)\n}`);
}

function journeyStarts(document: Document) {
    const pattern = document.elements.filter(isObjectDecl).find(o => o.name === 'french_households')!;
    return pattern.attributes.find(a => a.name === 'hourly_usage_journey_starts')!.value;
}

/** Each CST node as a line (depth, kind, span, the grammar element it comes from): equal trees give equal lines. */
function cstLines(root: CstNode): string[] {
    const lines: string[] = [];
    for (const node of CstUtils.streamCst(root)) {
        let depth = 0;
        for (let n = node.container; n; n = n.container) depth++;
        const kind = isLeafCstNode(node) ? `leaf ${node.tokenType.name}${node.hidden ? ' hidden' : ''}` : isCompositeCstNode(node) ? `node ${node.content.length}` : '?';
        lines.push(`${depth} ${kind} ${node.offset}+${node.length} ${node.grammarSource?.$type ?? ''} ${node.astNode?.$type ?? ''}`);
    }
    return lines;
}

describe('the concrete syntax tree of huge texts', () => {
    it('a model after 125,000 comment lines parses, links and validates (regression: "Maximum call stack size exceeded")', async () => {
        const text = comments(125_000) + QUICKSTART;
        const { documents: [document] } = await openWorkspace(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        const root = document.parseResult.value.$cstNode!;
        const hidden = CstUtils.streamCst(root).filter(n => isLeafCstNode(n) && n.hidden).toArray();
        expect(hidden.length).toBe(125_000 + QUICKSTART.split('\n').filter(l => l.includes('//')).length);
        expect(hidden[0].text).toBe('// comment 0');
        expect(hidden[124_999].text).toBe('// comment 124999');
        expect(hidden[124_999].range.start).toEqual({ line: 124_999, character: 0 });
        // the objects after the comments are where the text has them
        const web = (document.parseResult.value as Document).elements.filter(isObjectDecl).find(o => o.name === 'web')!;
        expect(web.$cstNode!.range.start.line).toBe(125_000 + QUICKSTART.split('\n').findIndex(l => l.startsWith('server web')));
    });

    it('a series of 262,980 values (30 years of hours, as efp import writes them) is read whole, as one list of numbers', async () => {
        const { shared, documents: [document] } = await openWorkspace(withHourlyValues(262_980));
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        const call = journeyStarts(document.parseResult.value as Document);
        const list = call.$type === 'Call' ? call.arguments[0].value : undefined;
        expect(isNumberList(list)).toBe(true);
        const usage = describeModel(document, shared.workspace.LangiumDocuments).objects.find(o => o.id === 'french_households')!;
        const values = usage.inputs.hourly_usage_journey_starts.expr;
        const items = values.kind === 'call' && values.args[0].value.kind === 'list' ? values.args[0].value.items : [];
        expect(items.length).toBe(262_980);
        const last = items[262_979];
        expect(last.kind === 'number' && last.value).toBe(1000 + (262_979 % 24) * 10);
        expect(last.origin?.range.start.line).toBe(call.$cstNode!.range.start.line + 1 + Math.floor(262_979 / 24));
    }, 120_000);

    it('a comment before each of 50,000 values: every comment is placed, in order, before its value', async () => {
        const text = withHourlyValues(50_000, i => `/* v${i} */ `);
        const { documents: [document] } = await openWorkspace(text, false);
        expect(document.parseResult.parserErrors).toEqual([]);
        const call = journeyStarts(document.parseResult.value as Document);
        const list = call.$type === 'Call' ? call.arguments[0].value : undefined;
        expect(isListExpression(list) && list.items.length).toBe(50_000);
        const hidden = CstUtils.streamCst(list!.$cstNode!).filter(n => isLeafCstNode(n) && n.hidden).toArray();
        expect(hidden.length).toBe(50_000);
        expect(hidden.every((n, i) => n.text === `/* v${i} */`)).toBe(true);
        const items = isListExpression(list) ? list.items : [];
        expect(items.every((item, i) => item.$cstNode!.offset === hidden[i].end + 1)).toBe(true);
    });

    it('builds the tree Langium\'s own builder builds, comments and errors included', () => {
        const { Efp } = createEfpServices(EmptyFileSystem);
        const langium = createLangiumParser(Efp);
        const efp = createEfpLangiumParser(Efp);
        const texts = [
            QUICKSTART,
            comments(3) + QUICKSTART + comments(2),
            withHourlyValues(100, i => (i % 3 === 0 ? `/* v${i} */ ` : '')),
            // a comment before every token
            QUICKSTART.replace(/([{}[\](),:])/g, ' /* c */ $1'),
            QUICKSTART.replace(/(\w+):/g, '// before\n$1:'),
            // syntax errors: the recovered trees too
            QUICKSTART.replace('power: 300 W', 'power: // none\n }').replace('jobs: [streaming]', 'jobs: [streaming, , /* x */ ]'),
            '// only a comment',
            '',
            '/* a */ server /* b */ web /* c */ { /* d */ } // e'
        ];
        for (const text of texts) {
            const expected = langium.parse(text);
            const actual = efp.parse(text);
            expect(cstLines(actual.value.$cstNode!)).toEqual(cstLines(expected.value.$cstNode!));
            expect(actual.parserErrors.map(e => e.message)).toEqual(expected.parserErrors.map(e => e.message));
        }
    });
});
