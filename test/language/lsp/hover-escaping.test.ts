import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { completionsAt, openWorkspace } from '../../helpers/language-workspace.js';
import { HOSTILE_STRINGS, TERMINAL_CONTROLS } from '../../fixtures/hostile-strings.js';
import { efpString } from '../../../src/engine/text/efp-syntax.js';

/**
 * Hovers (Markdown VS Code renders, with efp's command links trusted) over a model whose labels, title,
 * sources, comments and scenario are hostile: only efp's markup, links only to http(s) addresses or to
 * efp's own commands with efp's own arguments, and no control or bidi character outside code.
 */
function model(text: string): string {
    const s = efpString(text);
    return `model ${s} { start_date: 2025-01-01  modeling_duration: 1 day }
source src ${s} ${s}
source web_src ${s} ${efpString(`https://example.org/${text}`)}
storage disk ${s} from ssd {}
server api ${s} { power: 300 W  source src  comment ${s}  idle_power: 10 W  source web_src  storage: disk }
server mirror { storage: disk  power: api.power * 2 }
job call ${s} on api {}
usage_journey_step step ${s} { user_time_spent: 1 min  jobs: [call] }
usage_journey visit ${s} { uj_steps: [step] }
usage_pattern users ${s} {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: constant(1000)
}
system service ${s} { usage_patterns: [users] }
scenario more ${s} { api.power: 400 W  comment ${s} }
`;
}

/** Where to hover: a needle of the model's text and an offset into it. */
const PLACES: ReadonlyArray<[string, string, number]> = [
    ['an input with a source and a comment', 'power: 300 W', 1],
    ['an input with a source link', 'idle_power: 10 W', 1],
    ['an object', 'server api', 'server '.length + 1],
    ['a reference\'s member', 'api.power * 2', 'api.'.length + 1],
    ['a source', 'source src', 'source '.length + 1],
    ['a system', 'system service', 'system '.length + 1],
    ['a scenario', 'scenario more', 'scenario '.length + 1],
    ['a scenario\'s change', 'api.power: 400 W', 'api.'.length + 1],
    // efp's own data, with the hostile model's figures: a table of values, sources and their links
    ['a built-in archetype', 'from ssd', 'from '.length + 1],
    ['a built-in device', 'devices: [smartphone]', 'devices: ['.length + 1],
    ['a built-in country', 'country: France', 'country: '.length + 1]
];

const md = new MarkdownIt({ html: true, linkify: true });
const HOVER_TAGS = new Set(['p', 'strong', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'blockquote', 'a']);
const COMMAND_LINK = /^command:(efp\.showCalculusGraph|efp\.showFootprint)\?(.+)$/;

function checkHover(markdown: string, uri: string): void {
    const html = md.render(markdown);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
    expect(tags.filter(t => !HOVER_TAGS.has(t)), markdown.slice(0, 300)).toEqual([]);
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
        const command = COMMAND_LINK.exec(href.replace(/&amp;/g, '&'));
        if (!command) {
            expect(href, markdown.slice(0, 300)).toMatch(/^https?:\/\//);
            continue;
        }
        // efp's own link: the document and identifiers, nothing from the model's text
        const args = JSON.parse(decodeURIComponent(command[2])) as unknown[];
        expect(args[0]).toBe(uri);
        for (const arg of args.slice(1)) expect(arg).toMatch(/^[_a-zA-Z]\w*$/);
    }
    expect(html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(TERMINAL_CONTROLS);
}

describe('hovers over hostile text', () => {
    for (const { name, text } of HOSTILE_STRINGS) {
        it(`${name}: only efp's markup and links`, async () => {
            const source = model(text);
            const { Efp, documents: [document] } = await openWorkspace({ 'model.efp': source });
            // as the VS Code extension's server: the hovers carry efp's command links, the links to check
            Efp.client.Commands.runsEfpCommands = true;
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
            expect(errors.map(e => e.message)).toEqual([]);
            for (const [where, needle, offset] of PLACES) {
                const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
                    textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(source.indexOf(needle) + offset)
                });
                const markdown = (hover?.contents as { value: string } | undefined)?.value;
                expect(markdown, where).toBeDefined();
                checkHover(markdown!, document.uri.toString());
            }
        });
    }
});

describe('completion documentation from a doc comment', () => {
    it('shows the comment as text: no link, image or markup', async () => {
        for (const { name, text } of HOSTILE_STRINGS) {
            if (text.includes('*/')) continue; // would end the doc comment: the rest is the model's text
            const items = await completionsAt(`/** ${text} */\nstorage disk from ssd {}\nserver api { storage: <|> }\n`);
            const disk = items.find(i => i.label === 'disk');
            expect(disk, name).toBeDefined();
            const documentation = disk!.documentation as { kind: string; value: string } | undefined;
            expect(documentation?.kind, name).toBe('markdown');
            const html = md.render(documentation!.value);
            const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
            expect(tags.filter(t => t !== 'p' && t !== 'a'), name).toEqual([]);
            for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href, name).toMatch(/^https?:\/\//);
            expect(html, name).not.toMatch(TERMINAL_CONTROLS);
        }
    });
});
