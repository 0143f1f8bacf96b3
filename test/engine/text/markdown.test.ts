import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { httpUrl, markdownCode, markdownCodeBlock, markdownLink, markdownTableCell, markdownText } from '../../../src/engine/text/markdown.js';
import { showInvisibleCharacters } from '../../../src/engine/text/invisible-characters.js';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';

/**
 * Hostile text in every Markdown context efp writes (paragraph, list item, quote, heading, table cell,
 * code span, code block, link), rendered by a CommonMark + GFM renderer with HTML and bare links on, as
 * GitHub and VS Code render it: only the markup efp wrote comes out, and the text shows as written.
 */
const md = new MarkdownIt({ html: true, linkify: true });

/** The tags of rendered HTML, without attributes. */
function tags(html: string): string[] {
    return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
}

/** The text of rendered HTML: tags dropped, the renderer's entities decoded, zero-width spaces (efp's, against mentions) dropped. */
function textOf(html: string): string {
    return html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
        .replace(/\u200B/g, '');
}

/** Links a renderer made, beyond the ones expected: only bare http(s) URLs (linkify), whose text is their address. */
function unexpectedLinks(html: string, allowed: readonly string[] = []): string[] {
    return [...html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)]
        .filter(([, href, text]) => !allowed.includes(href) && !(/^https?:\/\//.test(href) && href.replace(/^https?:\/\//, '').startsWith(textOf(text).replace(/^https?:\/\//, ''))))
        .map(m => m[0]);
}

describe('Markdown text', () => {
    it('escapes what would be markup and nothing else', () => {
        expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
        expect(markdownText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
        expect(markdownText('a | b')).toBe('a \\| b');
        expect(markdownText('# 1. @octocat #12')).toBe('\\# 1. @&#8203;octocat #&#8203;12');
        expect(markdownText('1. first')).toBe('1\\. first');
        expect(markdownText('a\nb\x1b[2J\u202e')).toBe('a\\\\nb\\\\x1b\\[2J\\\\u202e');
        expect(markdownText('Video streaming in France')).toBe('Video streaming in France');
    });

    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: shows as text in a paragraph, a list item, a quote, a heading and a table cell`, () => {
            const shown = showInvisibleCharacters(text).trim();
            const contexts: Array<[string, string[]]> = [
                [`Model: ${markdownText(text)}`, ['p']],
                [`- **server web** ${markdownText(text)}`, ['ul', 'li', 'strong']],
                [`> ${markdownText(text)}`, ['blockquote', 'p']],
                [`## Footprint ${markdownText(text)}`, ['h2']]
            ];
            for (const [markdown, allowed] of contexts) {
                const html = md.render(markdown);
                expect(tags(html).filter(t => !allowed.includes(t) && t !== 'a'), markdown.slice(0, 200)).toEqual([]);
                expect(unexpectedLinks(html), markdown.slice(0, 200)).toEqual([]);
                expect(textOf(html).trim().endsWith(shown), markdown.slice(0, 200)).toBe(true);
            }
            const table = md.render(`| Object | Total |\n|---|--:|\n| ${markdownTableCell(text)} | 1 t |\n`);
            expect(tags(table).filter(t => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'].includes(t))).toEqual([]);
            expect([...table.matchAll(/<td[^>]*>/g)].length).toBe(2);
            expect(unexpectedLinks(table)).toEqual([]);
            expect(textOf(/<td>([\s\S]*?)<\/td>/.exec(table)![1]).trim()).toBe(shown);
        });
    }
});

describe('Markdown code', () => {
    it('fences with more backticks than the text holds, padded when it starts or ends with one', () => {
        expect(markdownCode('web.power')).toBe('`web.power`');
        expect(markdownCode('a `b` c')).toBe('``a `b` c``');
        expect(markdownCode('`x')).toBe('`` `x ``');
        expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
        expect(markdownCode('')).toBe('` `');
    });

    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: a code span, in a line and in a table cell, and a code block hold exactly the text`, () => {
            const shown = showInvisibleCharacters(text);
            const inline = md.render(`- power: ${markdownCode(text)}`);
            expect(tags(inline)).toEqual(['ul', 'li', 'code', 'code', 'li', 'ul']);
            expect(textOf(/<code>([\s\S]*)<\/code>/.exec(inline)![1])).toBe(shown);
            const table = md.render(`| Object | Total |\n|---|--:|\n| ${markdownCode(text, { inTable: true })} | 1 t |\n`);
            expect([...table.matchAll(/<td[^>]*>/g)].length).toBe(2);
            expect(textOf(/<code>([\s\S]*)<\/code>/.exec(table)![1])).toBe(shown);
            const block = md.render([...markdownCodeBlock([text, `${text} end`]), 'after'].join('\n'));
            expect(tags(block)).toEqual(['pre', 'code', 'code', 'pre', 'p', 'p']);
            expect(textOf(/<code[^>]*>([\s\S]*)<\/code>/.exec(block)![1])).toBe(`${shown}\n${shown} end\n`);
        });
    }
});

describe('Markdown links', () => {
    it('link only to http(s) URLs, which cannot end the destination early', () => {
        expect(httpUrl('https://base-empreinte.ademe.fr/')).toBe('https://base-empreinte.ademe.fr/');
        expect(httpUrl('https://x.example/a b<c>|`d')).toBe('https://x.example/a%20b%3Cc%3E%7C%60d');
        for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'command:efp.showFootprint?[]', 'data:text/html,<script>', 'file:///etc/passwd', 'vscode://x', '/relative', '']) {
            expect(httpUrl(url), url).toBeUndefined();
        }
        expect(markdownLink('ADEME', 'javascript:alert(1)')).toBe('ADEME');
        expect(markdownLink('Base [ADEME]', 'https://ademe.fr')).toBe('[Base \\[ADEME\\]](<https://ademe.fr/>)');
    });

    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: as a link's text and as its URL, gives one link to an http(s) address or none`, () => {
            const html = md.render(`source ${markdownLink(text, 'https://example.org/data')} and ${markdownLink('ADEME', text)} and ${markdownLink(text, `https://example.org/${text}`)}`);
            expect(tags(html).filter(t => !['p', 'a'].includes(t))).toEqual([]);
            const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map(m => m[1]);
            expect(hrefs[0]).toBe('https://example.org/data');
            for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
            expect(hrefs.filter(h => h.startsWith('https://example.org/')).length).toBeGreaterThanOrEqual(2);
        });
    }
});
