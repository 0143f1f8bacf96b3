import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../helpers/language-workspace.js';
import { CLASS_SPECS } from '../../src/engine/classes/registry.js';

/** The snippet file VS Code reads (contributes.snippets), in VS Code's format. */
interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }
const snippets = JSON.parse(readFileSync('snippets/efp.json', 'utf8')) as Record<string, Snippet>;

function bodyOf(snippet: Snippet): string {
    return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function prefixesOf(snippet: Snippet): string[] {
    return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

/**
 * The text a snippet inserts when every tab stop keeps its default: `${1:web}` -> `web`, `$0` and
 * `${2}` -> nothing, `${3|a,b|}` -> `a` (VS Code preselects the first choice). `overrides` types a
 * value into a tab stop instead, to chain names between snippets. Only the syntax our snippets may use
 * is understood; anything else throws, so that a typo in a snippet fails here rather than in the editor.
 */
function expandSnippet(body: string, overrides: Record<number, string> = {}): string {
    let position = 0;
    const parse = (until: string | undefined): string => {
        let out = '';
        while (position < body.length) {
            const c = body[position];
            if (until !== undefined && c === until) return out;
            if (c === '\\' && '$}\\'.includes(body[position + 1] ?? '')) {
                out += body[position + 1];
                position += 2;
            } else if (c === '$') {
                out += placeholder();
            } else {
                out += c;
                position++;
            }
        }
        if (until !== undefined) throw new Error(`unclosed placeholder in ${JSON.stringify(body)}`);
        return out;
    };
    const placeholder = (): string => {
        const simple = /^\$(\d+)/.exec(body.slice(position));
        if (simple) {
            position += simple[0].length;
            return overrides[Number(simple[1])] ?? '';
        }
        const braced = /^\$\{(\d+)([:|}])/.exec(body.slice(position));
        if (!braced) throw new Error(`unsupported snippet syntax at ${JSON.stringify(body.slice(position, position + 20))}`);
        position += braced[0].length;
        const stop = Number(braced[1]);
        let value = '';
        if (braced[2] === ':') {
            value = parse('}');
            position++;
        } else if (braced[2] === '|') {
            const end = body.indexOf('|}', position);
            if (end < 0) throw new Error(`unclosed choice in ${JSON.stringify(body)}`);
            value = body.slice(position, end).split(',')[0];
            position = end + 2;
        }
        return overrides[stop] ?? value;
    };
    return parse(undefined);
}

describe('snippet expansion (the test helper itself)', () => {
    it('keeps defaults, takes the first choice, drops bare tab stops and honours overrides', () => {
        expect(expandSnippet('a ${1:web} ${2|x,y|} $0${3}\\$ ${4:n ${5:m}}')).toBe('a web x $ n m');
        expect(expandSnippet('${1:web} ${2|x,y|}', { 1: 'api', 2: 'y' })).toBe('api y');
        expect(() => expandSnippet('${TM_FILENAME}')).toThrow();
        expect(() => expandSnippet('${1:open')).toThrow();
    });
});

describe('snippets', () => {
    it('cover every object kind of the language, the model settings, imports and sources', () => {
        const prefixes = Object.values(snippets).flatMap(prefixesOf);
        for (const keyword of [...CLASS_SPECS.map(c => c.keyword), 'model', 'import', 'source']) {
            expect(prefixes, `no snippet for '${keyword}'`).toContain(keyword);
        }
    });

    it('each has a description and ends on $0 after the inserted text', () => {
        for (const [name, snippet] of Object.entries(snippets)) {
            expect(snippet.description, name).toMatch(/\S/);
            expect(bodyOf(snippet), name).toMatch(/\$0$/);
        }
    });

    for (const [name, snippet] of Object.entries(snippets)) {
        it(`'${name}' with its default values parses`, async () => {
            // parsed alone, so references to the other snippets' objects may not resolve: syntax only
            const text = expandSnippet(bodyOf(snippet));
            const { documents: [document] } = await openWorkspace(text, false);
            expect(document.parseResult.lexerErrors.map(e => e.message), text).toEqual([]);
            expect(document.parseResult.parserErrors.map(e => e.message), text).toEqual([]);
        });
    }

    it('together make a model that validates without errors', async () => {
        // one object of each kind, wired so that every declared object is used; imports come first
        const use = (name: string, overrides: Record<number, string> = {}) => expandSnippet(bodyOf(snippets[name]), overrides);
        const text = [
            use('Import'),
            use('Model settings'),
            use('Source'),
            use('Storage'),
            use('Storage', { 1: 'gpu_disk', 2: 'GPU server storage' }),
            use('Server'),
            use('GPU server'),
            use('Job'),
            use('GPU job'),
            use('Video streaming service'),
            use('Video streaming job'),
            use('Storage', { 1: 'api_disk', 2: 'API storage' }),
            use('Cloud server'),
            use('Job', { 1: 'api_call', 2: 'API call', 3: 'api' }),
            use('Web application'),
            use('Web application job'),
            use('Generative AI API'),
            use('Generative AI job'),
            use('Device'),
            use('Network'),
            use('Country'),
            use('Usage journey step', { 4: 'page_view, inference, episode, api_call, request, ask' }),
            use('Usage journey'),
            use('Usage pattern', { 4: 'workstation', 5: 'office_network', 6: 'custom_grid' }),
            use('System'),
            // the edge model, deployed by a second system
            ...['Edge storage', 'Edge computer CPU', 'Edge computer RAM', 'Edge computer', 'Recurrent edge process RAM need',
                'Recurrent edge process CPU need', 'Recurrent edge process storage need', 'Recurrent edge process', 'Edge RAM component',
                'Edge CPU component', 'Edge workload component', 'Edge device', 'Recurrent edge component need', 'Recurrent edge device need',
                'Edge function', 'Edge usage journey'].map(name => use(name)),
            use('Edge usage pattern', { 4: 'office_network' }),
            'system edge_fleet { usage_patterns: []  edge_usage_patterns: [fleet] }'
        ].join('\n');
        const { documents } = await openWorkspace({ 'model.efp': text, 'common.efp': '// shared objects\n' });
        const document = documents[0];
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
        expect(errors, text).toEqual([]);
        // the engine did evaluate it (it reports unused objects as hints), and found every object used
        const unused = (document.diagnostics ?? []).filter(d => d.code === 'unused').map(d => d.message);
        expect(unused).toEqual([]);
        // the declared source is there to be cited: citing it must resolve too
        const cited = text.replace('power: 300 W', 'power: 300 W source my_study');
        const again = await openWorkspace({ 'model.efp': cited, 'common.efp': '' });
        expect((again.documents[0].diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });
});
