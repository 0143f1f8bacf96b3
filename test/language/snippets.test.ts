import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../helpers/language-workspace.js';
import { CLASS_SPECS } from '../../src/engine/classes/registry.js';

/** The snippet file the language server's completion offers (src/language/lsp/declaration-items.ts), in VS Code's format. */
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
 * `${2}` -> nothing, `${3|a,b|}` -> `a` (VS Code preselects the first choice), and a tab stop met again
 * (`${1}_storage`) -> what was typed in it (VS Code mirrors it). `overrides` types a
 * value into the tab stops whose default is its key instead (`{ target_name: 'service' }`), to chain names
 * between snippets. Only the syntax our snippets may use is understood; anything else throws, so that a
 * typo in a snippet fails here rather than in the editor.
 */
function expandSnippet(body: string, overrides: Record<string, string> = {}): string {
    let position = 0;
    // what each tab stop holds, for its mirrors
    const typed = new Map<string, string>();
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
            return typed.get(simple[1]) ?? '';
        }
        const braced = /^\$\{(\d+)([:|}])/.exec(body.slice(position));
        if (!braced) throw new Error(`unsupported snippet syntax at ${JSON.stringify(body.slice(position, position + 20))}`);
        position += braced[0].length;
        let value = '';
        if (braced[2] === ':') {
            value = parse('}');
            position++;
        } else if (braced[2] === '|') {
            const end = body.indexOf('|}', position);
            if (end < 0) throw new Error(`unclosed choice in ${JSON.stringify(body)}`);
            value = body.slice(position, end).split(',')[0];
            position = end + 2;
        } else {
            return typed.get(braced[1]) ?? '';
        }
        const result = Object.hasOwn(overrides, value) ? overrides[value] : value;
        if (!typed.has(braced[1])) typed.set(braced[1], result);
        return result;
    };
    return parse(undefined);
}

describe('snippet expansion (the test helper itself)', () => {
    it('keeps defaults, takes the first choice, drops bare tab stops and honours overrides', () => {
        expect(expandSnippet('a ${1:web} ${2|x,y|} $0${3}\\$ ${4:n ${5:m}}')).toBe('a web x $ n m');
        expect(expandSnippet('${1:web} ${2|x,y|} ${3:web}', { web: 'api', x: 'y' })).toBe('api y api');
        expect(expandSnippet('${1:web} {${2:1} W} ${1}_storage $1', { web: 'api' })).toBe('api {1 W} api_storage api');
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

    it('make a first model by Tab alone: a server, its job, a step, a journey, a country, a usage pattern, a system, each keeping every default', async () => {
        // what a newcomer gets who accepts each kind's snippet and presses Tab through it: each reference's stand-in
        // is the name the snippet of the kind it expects declares by default (a step's jobs: `job_name`, the job
        // snippet's own name, though a step takes every kind of job), so nothing is left unknown
        const kinds = ['server', 'job', 'usage_journey_step', 'usage_journey', 'country', 'usage_pattern', 'system'];
        const text = kinds.map(kind => expandSnippet(bodyOf(Object.values(snippets).find(s => prefixesOf(s)[0] === kind)!))).join('');
        expect(text).toContain('\tjobs: [job_name]\n');
        const { documents: [document] } = await openWorkspace(text);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message), text).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.code === 'unused').map(d => d.message)).toEqual([]);
    });

    it('together make a model that validates without errors', async () => {
        // One object of each kind, as its snippet writes it. A reference's placeholder names the kind it
        // expects (`storage_name`) and an object's own name is its kind's (`storage_name`), so most defaults
        // chain; the test types in the rest: a reference that takes several kinds, a second object of a kind,
        // and the links (`lines`, in place of the snippet's line for that input, or added) that put every object in use.
        const use = (name: string, overrides: Record<string, string> = {}, lines: string[] = []) => {
            const snippet = snippets[name];
            expect(snippet, `no snippet '${name}'`).toBeDefined();
            let text = expandSnippet(bodyOf(snippet), overrides).replace(/\n\s*\n\}/, '\n}');
            // a line for an input the snippet already writes replaces its line; the others are added
            const added: string[] = [];
            for (const line of lines) {
                const input = line.slice(0, line.indexOf(':'));
                const written = new RegExp(`^\\t${input}: .*$`, 'm');
                if (written.test(text)) text = text.replace(written, `\t${line}`);
                else added.push(line);
            }
            return added.length === 0 ? text : text.replace(/\}\n?$/, `${added.map(l => `\t${l}\n`).join('')}}\n`);
        };
        const parts = [
            use('Import'),
            use('Model settings'),
            use('Source'),
            // each server declares its own storage (`server_name_storage from ssd`); one is given the storage snippet's instead
            use('Storage'),
            use('Server'),
            use('GPU server', {}, ['storage: storage_name']).replace(/^storage gpu_server_name_storage from ssd \{\}\n/m, ''),
            use('Cloud server'),
            use('Job'),
            use('Job', { job_name: 'cloud_job', server_name: 'cloud_server_name' }),
            use('GPU job'),
            use('Video streaming service'),
            use('Video streaming job'),
            use('Web application'),
            use('Web application job'),
            use('Generative AI API'),
            use('Generative AI job'),
            use('Device'),
            use('Network'),
            use('Country'),
            use('Usage journey step', {}, ['jobs: [job_name, cloud_job, gpu_job_name, video_streaming_job_name, web_application_job_name, genai_job_name]']),
            use('Usage journey'),
            // (its snippet names the built-in laptop and wifi_network: the snippets' own device and network instead)
            use('Usage pattern', {}, ['devices: [device_name]', 'network: network_name']),
            // the edge model: a computer running a process, a device with its own components, an appliance
            use('Edge storage'),
            use('Edge computer CPU component'),
            use('Edge computer RAM component'),
            use('Edge computer', {}, ['components: [edge_computer_cpu_component_name, edge_computer_ram_component_name, edge_storage_name]']),
            use('Recurrent edge process RAM need', { edge_component_name: 'edge_computer_ram_component_name' }),
            use('Recurrent edge process CPU need', { edge_component_name: 'edge_computer_cpu_component_name' }),
            use('Recurrent edge process storage need', { edge_component_name: 'edge_storage_name' }),
            use('Recurrent edge process', {}, [
                'recurrent_edge_component_needs: [recurrent_edge_process_ram_need_name, recurrent_edge_process_cpu_need_name, recurrent_edge_process_storage_need_name]'
            ]),
            use('Edge RAM component'),
            use('Edge CPU component'),
            use('Edge workload component'),
            use('Edge device', {}, ['components: [edge_ram_component_name, edge_cpu_component_name, edge_workload_component_name]']),
            use('Recurrent edge component need', { edge_component_name: 'edge_workload_component_name' }),
            use('Recurrent edge device need', {}, ['recurrent_edge_component_needs: [recurrent_edge_component_need_name]']),
            // (1 GB written each hour would fill the disk within the modeling period)
            use('Recurrent edge storage need', { '1': '0' }),
            use('Recurrent edge device need', { recurrent_edge_device_need_name: 'computer_need', edge_device_name: 'edge_computer_name' },
                ['recurrent_edge_component_needs: [recurrent_edge_storage_need_name]']),
            use('Edge device group', {}, ['edge_device_counts: [edge_device_name * 4]']),
            use('Edge appliance component'),
            use('Edge appliance', {}, ['components: [edge_appliance_component_name]']),
            use('Recurrent edge workload need'),
            use('Recurrent edge workload', {}, ['recurrent_edge_component_needs: [recurrent_edge_workload_need_name]']),
            use('Recurrent server need', {}, ['jobs: [job_name]']),
            use('Edge function', {}, [
                'recurrent_edge_device_needs: [recurrent_edge_process_name, recurrent_edge_device_need_name, computer_need, recurrent_edge_workload_name]',
                'recurrent_server_needs: [recurrent_server_need_name]'
            ]),
            use('Edge usage journey', {}, ['edge_functions: [edge_function_name]']),
            use('Edge usage pattern'),
            use('System', {}, ['edge_usage_patterns: [edge_usage_pattern_name]']),
            // (a limit the system keeps to: over it, the budget is an error)
            use('Budget', { target_name: 'system_name' }).replace('limit: 1 t/year', 'limit: 100000 t/year')
        ];
        // a kind added since, as its snippet writes it: its placeholders name the objects above
        const listed = new Set([...parts.join('\n').matchAll(/^(\w+) \w+ "/gm)].map(m => m[1]));
        for (const spec of CLASS_SPECS) {
            const [title] = Object.entries(snippets).find(([, s]) => s.prefix[0] === spec.keyword) ?? [];
            if (title && !listed.has(spec.keyword) && spec.keyword !== 'measurement') parts.push(use(title));
        }
        const text = parts.join('\n');
        const { documents } = await openWorkspace({ 'model.efp': text, 'common.efp': '// shared objects\n' });
        const document = documents[0];
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
        expect(errors, text).toEqual([]);
        // the engine did evaluate it (it reports unused objects as hints), and found every object used
        const unused = (document.diagnostics ?? []).filter(d => d.code === 'unused').map(d => d.message);
        expect(unused).toEqual([]);
        // every object kind but the measurement (its file would have to exist) is in the model
        const kinds = new Set([...text.matchAll(/^(\w+) \w+ "/gm)].map(m => m[1]));
        expect(CLASS_SPECS.map(c => c.keyword).filter(k => !kinds.has(k))).toEqual(['measurement']);
        // the declared source is there to be cited: citing it must resolve too
        const cited = text.replace('limit: 100000 t/year', 'limit: 100000 t/year source my_study');
        expect(cited).not.toBe(text);
        const again = await openWorkspace({ 'model.efp': cited, 'common.efp': '' });
        expect((again.documents[0].diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });

    describe('each, expanded alone into an empty file with the objects it names, names nothing unknown', () => {
        /** The snippet declaring an object named so by default (`server_name`: the server's). */
        const byOwnName = new Map(Object.values(snippets).flatMap(snippet => {
            const own = /^\w+ \$\{1:(\w+)\}/.exec(bodyOf(snippet));
            return own ? [[own[1], snippet] as const] : [];
        }));
        const byKeyword = new Map(Object.values(snippets).map(snippet => [prefixesOf(snippet)[0], snippet]));

        /** The names still unknown in `text`, each with the kinds its place takes (the linker's data, as the quick fix reads it). */
        async function unknownNames(text: string): Promise<Array<{ name: string; kinds: readonly string[] }>> {
            const { documents: [document] } = await openWorkspace({ 'model.efp': text, 'common.efp': '' }, false);
            return document.references.flatMap(r => {
                const data = (r.error as { data?: { kinds?: readonly string[] } } | undefined)?.data;
                return r.error ? [{ name: r.$refText, kinds: data?.kinds ?? [] }] : [];
            });
        }

        /**
         * The snippet's text and what it needs: for each name it leaves unknown, the snippet that declares it by
         * default, else the first kind's snippet with that name typed in, until none is left (or none can be added).
         */
        async function withWhatItNeeds(title: string): Promise<{ text: string; needs: string[]; unknown: string[] }> {
            let text = expandSnippet(bodyOf(snippets[title]));
            const needs: string[] = [];
            for (let round = 0; round < 20; round++) {
                const unknown = await unknownNames(text);
                const added = unknown.flatMap(({ name, kinds }) => {
                    const own = byOwnName.get(name);
                    if (own) return [expandSnippet(bodyOf(own))];
                    const kind = kinds.find(k => byKeyword.has(k));
                    return kind ? [expandSnippet(bodyOf(byKeyword.get(kind)!), { [`${kind}_name`]: name })] : [];
                });
                if (unknown.length === 0 || added.length === 0) return { text, needs, unknown: unknown.map(u => u.name) };
                needs.push(...new Set(unknown.map(u => u.name)));
                text = [text, ...new Set(added)].join('\n');
            }
            throw new Error(`no end to what ${title} needs:\n${text}`);
        }

        for (const title of Object.keys(snippets)) {
            it(title, async () => {
                const { text, unknown } = await withWhatItNeeds(title);
                expect(unknown, text).toEqual([]);
            });
        }

        it('a server declares its own storage, a usage pattern names the built-in laptop and wifi network', async () => {
            for (const title of ['Server', 'GPU server', 'Cloud server']) {
                const { text, needs } = await withWhatItNeeds(title);
                expect(needs, title).toEqual([]);
                const name = /^\w+ (\w+) "/.exec(text)![1];
                expect(text).toContain(`\tstorage: ${name}_storage\n`);
                expect(text.split('\n')).toContain(`storage ${name}_storage from ssd {}`);
            }
            const pattern = await withWhatItNeeds('Usage pattern');
            expect(pattern.text).toContain('\tdevices: [laptop]\n\tnetwork: wifi_network\n');
            expect(pattern.needs).not.toContain('device_name');
            expect(pattern.needs).not.toContain('network_name');
            expect(pattern.needs.slice(0, 2)).toEqual(['usage_journey_name', 'country_name']);
        });
    });
});
