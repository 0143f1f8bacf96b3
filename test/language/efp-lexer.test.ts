import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { isCommentAnnotation, isObjectDecl, type Document } from '../../src/language/generated/ast.js';
import { openWorkspace } from '../helpers/language-workspace.js';

/**
 * Tokens of any length are read in time linear in the text and without running out of stack: the
 * regular expressions of texts in quotes and block comments never backtrack per character.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
/** The longest token a model file can hold: just under the 10 MB model-file limit (EFP_MAX_MODEL_FILE_MB). */
const NINE_MB = 9 * 1024 * 1024;
const POWER_LINE = QUICKSTART.split('\n').findIndex(l => l.includes('power: 300 W'));

function errorsOf(document: LangiumDocument) {
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => ({ line: d.range.start.line, character: d.range.start.character, message: String(d.message) }));
}

describe('the lexer on huge tokens', () => {
    it('reads a 9 MB text in quotes on one line (regression: "Maximum call stack size exceeded")', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: 300 W comment "${'x'.repeat(NINE_MB)}"`);
        const { documents: [document] } = await openWorkspace(text);
        expect(errorsOf(document)).toEqual([]);
        const web = (document.parseResult.value as Document).elements.filter(isObjectDecl).find(o => o.name === 'web')!;
        const annotation = web.attributes.find(a => a.name === 'power')!.annotations[0];
        expect(isCommentAnnotation(annotation) && annotation.text.length).toBe(NINE_MB);
    });

    it('reads a 9 MB text in quotes made of escapes', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: 300 W comment "${'\\"'.repeat(NINE_MB / 2)}"`);
        const { documents: [document] } = await openWorkspace(text);
        expect(errorsOf(document)).toEqual([]);
    });

    it('a 9 MB text whose closing quote is missing: located errors, with the text cut short in them', async () => {
        const text = `${QUICKSTART}source ademe "${'x'.repeat(NINE_MB)}`;
        const { documents: [document] } = await openWorkspace(text);
        const errors = errorsOf(document);
        const last = QUICKSTART.split('\n').length - 1;
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every(e => e.line === last)).toBe(true);
        expect(errors.map(e => e.message)).toContain(`expected a text in quotes, found '${'x'.repeat(40)}…' (${NINE_MB} characters)`.replace(/'/g, '`'));
        for (const e of errors) expect(e.message.length).toBeLessThan(300);
    });

    it('a comment that is never closed is one located error, "/*" after "/*" included (regression: 86 s for 200,000 of them)', async () => {
        const text = QUICKSTART + '/* x\n'.repeat(200_000);
        const { documents: [document] } = await openWorkspace(text);
        const start = QUICKSTART.split('\n').length - 1;
        expect(errorsOf(document)).toEqual([{ line: start, character: 0, message: 'this comment is not closed: `/*` starts a comment that runs to the end of the file; close it with `*/`' }]);
    });

    it('a closed block comment of 9 MB, stars included, is a comment', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: 300 W /* ${'*x'.repeat(NINE_MB / 2)} **/`);
        const { documents: [document] } = await openWorkspace(text);
        expect(errorsOf(document)).toEqual([]);
    });

    it('an unknown name of 9 MB: "unknown name" with the name cut short, no suggestion (regression: 195 s)', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: ${'x'.repeat(NINE_MB)}`);
        const { documents: [document] } = await openWorkspace(text);
        expect(errorsOf(document)).toEqual([{ line: POWER_LINE, character: 9, message: `unknown name '${'x'.repeat(40)}…' (${NINE_MB} characters).` }]);
    });
});
