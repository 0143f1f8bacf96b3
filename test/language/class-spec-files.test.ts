import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { specMarkdown } from '../../scripts/class-spec-files/spec-markdown.js';

/**
 * The files made from the class registry are the ones it makes today: scripts/generate-from-class-specs.mjs
 * (what `npm run generate` runs) writing into a temporary folder gives the committed files. A class
 * changed without `npm run generate` fails here, not in a user's editor or in the published reference.
 */
let work: string;

beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'efp-class-spec-files-'));
    await promisify(execFile)(process.execPath, ['scripts/generate-from-class-specs.mjs', work]);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectCommitted(path: string, what: string): void {
    expect(readFileSync(path, 'utf8'), `${path} differs from what the class registry gives ${what}: run npm run generate`)
        .toBe(readFileSync(join(work, path), 'utf8'));
}

describe('the files made from the class registry', () => {
    it('the grammar\'s object kinds (src/language/efp.langium) are up to date (else: npm run generate)', () => {
        expectCommitted('src/language/efp.langium', 'as rule ObjectKind');
    });

    it('the TextMate grammar (syntaxes/efp.tmLanguage.json) is up to date (else: npm run generate)', () => {
        expectCommitted('syntaxes/efp.tmLanguage.json', 'with syntaxes/efp.tmLanguage.template.json');
    });

    it('the snippets (snippets/efp.json) are up to date (else: npm run generate)', () => {
        expectCommitted('snippets/efp.json', 'with snippets/hand-written.json');
    });

    it('the language reference (docs/reference) is up to date (else: npm run generate)', () => {
        const pages = (folder: string) => readdirSync(folder).filter(f => f.endsWith('.md')).sort();
        expect(pages('docs/reference'), 'docs/reference does not have one page per class: run npm run generate')
            .toEqual(pages(join(work, 'docs/reference')));
        for (const page of pages('docs/reference')) expectCommitted(`docs/reference/${page}`, 'as its reference page');
    });
});

describe('the reference pages write the specs\' text as Markdown text', () => {
    it('escapes what Markdown would read, and keeps `code` spans as code', () => {
        expect(specMarkdown('a | b * c [d](e) <b>')).toBe('a \\| b \\* c \\[d\\](e) \\<b\\>');
        expect(specMarkdown('write `x: 1 | 2` here', { inTable: true })).toBe('write `x: 1 \\| 2` here');
        // an unpaired backtick is text
        expect(specMarkdown('a ` b')).toBe('a \\` b');
    });
});
