import { describe, expect, it, vi } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../../helpers/language-workspace.js';
import { snippetPreview } from '../../../src/language/lsp/declaration-items.js';
import { CLASS_SPECS, classForKeyword } from '../../../src/engine/classes/registry.js';

/**
 * Completion as someone typing their first model meets it (issue 18): a small web shop, from an empty file.
 * Each position asserts what is offered, in which order, and that no label comes twice.
 */

const labels = (items: CompletionItem[]) => items.map(i => i.label);
/** As an editor lists them with nothing typed: by sort text, else by label. */
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
const newText = (item: CompletionItem) => item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText;
const KINDS = new Set(CLASS_SPECS.map(c => c.keyword));

/** The items at the marker, checked to name each label once. */
async function complete(text: string): Promise<CompletionItem[]> {
    const items = await completionsAt(text);
    const names = labels(items);
    expect(names.filter((name, i) => names.indexOf(name) !== i), `duplicate labels in ${JSON.stringify(text)}`).toEqual([]);
    return items;
}

const SHOP = [
    'server web {}',
    'job load_page on web {}',
    'usage_journey_step browse { user_time_spent: 1 min  jobs: [load_page] }',
    'usage_journey_step checkout { user_time_spent: 2 min }',
    ''
].join('\n');

describe('references of the kind the input takes', () => {
    it('inside a list, after a comma: the steps declared, not the job nor any kind', async () => {
        const names = labels(await complete(`${SHOP}usage_journey buy { uj_steps: [browse, <|>] }\n`));
        // a journey may go through a step twice: browse is offered again
        expect(names.sort()).toEqual(['browse', 'checkout']);
    });

    it('a typed prefix keeps the step it starts, in a list closed or not', async () => {
        expect(labels(await complete(`${SHOP}usage_journey buy { uj_steps: [browse, ch<|>] }\n`))).toEqual(['checkout']);
        expect(labels(await complete(`${SHOP}usage_journey buy { uj_steps: [browse, ch<|>\n`))).toEqual(['checkout']);
        expect(labels(await complete(`${SHOP}usage_journey buy { uj_steps: [browse,\n  ch<|>`))).toEqual(['checkout']);
    });

    it('after the colon, and in a scenario\'s change of the list', async () => {
        expect(labels(await complete(`${SHOP}usage_journey buy { uj_steps: <|> }\n`)).sort()).toEqual(['browse', 'checkout']);
        const scenario = `${SHOP}usage_journey buy { uj_steps: [browse] }\nscenario pay "Pay at once" { buy.uj_steps: [browse, <|>] }\n`;
        expect(labels(await complete(scenario)).sort()).toEqual(['browse', 'checkout']);
    });

    it('where a scenario\'s change starts, the model\'s objects, its own first (regression: reading the object of the change Langium builds for completion, which has none, threw and offered nothing; found by a fresh fuzz seed)', async () => {
        const errors: unknown[] = [];
        const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
        try {
            const items = labels(await complete(`${SHOP}scenario pay "Pay at once" {\n  <|>\n}\n`));
            expect(items.slice(0, 4).sort()).toEqual(['browse', 'checkout', 'load_page', 'web']);
            expect(items).toContain('France');
        } finally {
            spy.mockRestore();
        }
        expect(errors).toEqual([]);
    });

    it('a list of numbers goes on with a number: nothing after its comma', async () => {
        expect(await complete('usage_pattern p { hourly_usage_journey_starts: [1, 2, <|>] }\n')).toEqual([]);
    });

    it('says what each object is and where it is declared, the model\'s before the library\'s', async () => {
        const items = await complete(`storage disk "Main disk" from ssd {}\nserver web { storage: <|> }\n`);
        const disk = items.find(i => i.label === 'disk')!;
        const ssd = items.find(i => i.label === 'ssd')!;
        expect(disk.detail).toBe('storage · "Main disk"');
        expect(disk.documentation).toEqual({ kind: 'markdown', value: 'Main disk\n\nA storage (e-footprint Storage), declared in model.efp.' });
        expect((ssd.documentation as { value: string }).value).toContain('declared in the built-in library');
        expect(disk.sortText! < ssd.sortText!).toBe(true);
    });

    it('where a quantity starts: objects (for `web.power`), no unit nor enumerated value; builders where an hourly series starts', async () => {
        const names = labels(await complete('server web { power: <|> }\n'));
        expect(names).toContain('web');
        expect(names).not.toContain('kW');
        expect(names).not.toContain('autoscaling');
        expect(names).not.toContain('linear_growth');
        const hourly = await complete('usage_pattern p { hourly_usage_journey_starts: <|> }\n');
        const growth = hourly.find(i => i.label === 'linear_growth')!;
        expect(growth.kind).toBe(CompletionItemKind.Function);
        expect(newText(growth)).toBe('linear_growth($0)');
        expect(growth.documentation).toMatch(/\S/);
    });
});

describe('declarations: one item a kind, where a declaration can start', () => {
    it('an empty file: the kinds of a first model first, each once, documented, edge kinds after the others', async () => {
        const items = sorted(await complete('<|>'));
        expect(labels(items.slice(0, 5))).toEqual(['server', 'job', 'usage_journey_step', 'usage_journey', 'usage_pattern']);
        expect(labels(items.slice(5, 10))).toEqual(['system', 'storage', 'device', 'network', 'country']);
        for (const item of items) expect(item.documentation, item.label).toBeDefined();
        // every kind, once, as its snippet
        expect(labels(items).filter(l => KINDS.has(l)).sort()).toEqual([...KINDS].sort());
        const firstEdge = labels(items).findIndex(l => l.startsWith('edge_') || l.startsWith('recurrent_'));
        expect(firstEdge).toBeGreaterThan(labels(items).indexOf('web_application'));
        expect(firstEdge).toBeGreaterThan(labels(items).indexOf('model'));
        // the declarations only the built-in library writes come last
        expect(labels(items.slice(-2)).sort()).toEqual(['enum', 'unit']);
    });

    it('a kind writes its snippet: name, label, the inputs it must be given; the keyword alone when the line goes on', async () => {
        const server = (await complete('<|>')).find(i => i.label === 'server')!;
        expect(server.kind).toBe(CompletionItemKind.Class);
        expect(server.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(newText(server)).toMatch(/^server \$\{1:server_name\} "\$\{2:Server\}" \{\n\tcarbon_footprint_fabrication: /);
        const documentation = (server.documentation as { value: string }).value;
        expect(documentation.startsWith(classForKeyword('server')!.description)).toBe(true);
        expect(documentation).toContain('```efp\nserver server_name "Server" {\n');
        // the storage the snippet declares is shown under the name the server's tab stop holds, as typing it writes it
        expect(documentation).toContain('    storage: server_name_storage\n}\nstorage server_name_storage from ssd {}\n```');
        expect(documentation).not.toContain('$');
        // retyping the keyword of a declaration already written
        const retyped = (await complete('ser<|>ver web {}\n')).find(i => i.label === 'server')!;
        expect(newText(retyped)).toBe('server');
        expect(retyped.insertTextFormat).toBe(InsertTextFormat.PlainText);
    });

    it('`model`, `import`, `source`, `scenario` write theirs too, after the first kinds', async () => {
        const items = await complete('<|>');
        const model = items.find(i => i.label === 'model')!;
        expect(newText(model)).toMatch(/^model "\$\{1:My digital service\}" \{/);
        expect(model.sortText! > items.find(i => i.label === 'country')!.sortText!).toBe(true);
        expect(newText(items.find(i => i.label === 'import')!)).toBe('import "${1:common.efp}"\n$0');
    });

    it('between declarations, after a typed prefix: the kinds it may start', async () => {
        const names = labels(await complete(`${SHOP}ser<|>`));
        expect(names).toEqual(expect.arrayContaining(['server', 'gpu_server', 'cloud_server']));
        expect(names).not.toContain('browse');
    });

    it('inside an object\'s body no kind, only its inputs and the annotations after a value', async () => {
        const jobInputs = new Set(classForKeyword('job')!.inputs.map(i => i.name));
        for (const text of [
            'server web {}\njob call on web {\n  <|>\n}\n',
            'server web {}\njob call on web {\n  data_transferred: 1 MB\n  <|>\n}\n',
            'server web {}\njob call on web {\n  data_transferred: 1 MB\n  <|>',
            'server web {}\njob call on web {\n  da<|>\n}\n'
        ]) {
            const items = await complete(text);
            expect(items.length, text).toBeGreaterThan(0);
            expect(items.filter(i => KINDS.has(i.label) && !jobInputs.has(i.label)).map(i => i.label), text).toEqual([]);
            expect(items.filter(i => i.kind === CompletionItemKind.Class).map(i => i.label), text).toEqual([]);
        }
    });
});

describe('units after a number', () => {
    it('after `power: 300 `: units only, the power units first from W up, no energy above them', async () => {
        const items = sorted(await complete('server web {\n  power: 300 <|>\n}\n'));
        // W is the input's unit, then larger ones upwards, then the smaller ones
        expect(labels(items.slice(0, 5))).toEqual(['W', 'kW', 'MW', 'GW', 'mW']);
        expect(items.every(i => i.kind === CompletionItemKind.Reference && i.documentation), 'only units, documented').toBe(true);
        expect(labels(items)).not.toContain('source');
        expect(labels(items)).not.toContain('web_application');
        expect(labels(items)).not.toContain('idle_power');
        const lastPower = Math.max(...['W', 'kW', 'MW', 'GW', 'mW'].map(u => labels(items).indexOf(u)));
        for (const energy of ['Wh', 'kWh', 'MWh', 'J', 'kJ']) expect(labels(items).indexOf(energy), energy).toBeGreaterThan(lastPower);
        expect(items.find(i => i.label === 'kWh')!.documentation).toBe('kilowatt hour: energy');
    });

    it('with `W` typed: the power units match the typed text itself, so an editor ranks them by sort text, above `Wh`', async () => {
        const items = await complete('server web {\n  power: 300 W<|>\n}\n');
        const item = (label: string) => items.find(i => i.label === label)!;
        for (const unit of ['W', 'kW', 'mW']) expect(item(unit).filterText, unit).toBe('W');
        expect(item('Wh').filterText).toBeUndefined();
        expect(item('kW').sortText! < item('Wh').sortText!).toBe(true);
        expect(labels(items)).not.toContain('web_application');
    });

    it('a number of a dimensionless input may stay plain: its annotations stay offered', async () => {
        const names = labels(await complete('server web {\n  utilization_rate: 0.9 <|>\n}\n'));
        expect(names).toEqual(expect.arrayContaining(['%', 'source', 'confidence']));
    });

    it('after a value\'s unit: the annotations, documented, and the inputs left', async () => {
        const items = await complete('server web {\n  power: 300 W <|>\n}\n');
        expect(labels(items)).toEqual(expect.arrayContaining(['in', 'source', 'confidence', 'comment', 'idle_power']));
        expect(labels(items)).not.toContain('kW');
        for (const item of items) expect(item.documentation, item.label).toBeDefined();
        expect(items.find(i => i.label === 'source')!.detail).toBe('cite a source');
    });
});

describe('hostile text', () => {
    it('a list of a megabyte: completion at its end still offers the steps', async () => {
        // 125,000 references: within the tokens a file may cost (src/language/token-budget.ts), so all of it is read
        const text = `${SHOP}usage_journey buy { uj_steps: [${'browse, '.repeat(125_000)}<|>] }\n`;
        expect(text.length).toBeGreaterThan(1_000_000);
        expect(labels(await complete(text)).sort()).toEqual(['browse', 'checkout']);
    }, 60_000);

    it('nesting past the parser\'s limit and a list that never closes answer, without a fault', async () => {
        const nested = `server web { power: ${'('.repeat(5_000)}300 <|> }\n`;
        expect(Array.isArray(await completionsAt(nested))).toBe(true);
        const lists = `usage_journey_step a {}\nusage_journey j { uj_steps: ${'['.repeat(2_000)}a, <|>`;
        expect(Array.isArray(await completionsAt(lists))).toBe(true);
        const long = `usage_journey_step a {}\nusage_journey j { uj_steps: [${'a, '.repeat(20_000)}<|>`;
        expect(labels(await completionsAt(long))).toEqual(['a']);
    }, 60_000);
});

describe('snippetPreview: what a snippet writes when every tab stop keeps its value', () => {
    it('writes defaults, a choice\'s first value, a mirror as its tab stop, nothing for the end, escapes as written', () => {
        // `${1}` and `$1` mirror tab stop 1; `$0` is where the cursor ends; `\$` and `\}` are the characters
        expect(snippetPreview('server ${1:web} {\n\ttype: ${2|autoscaling,serverless|}\n\tstorage: ${1}_disk $1\n}\n$0'))
            .toBe('server web {\n\ttype: autoscaling\n\tstorage: web_disk web\n}\n');
        expect(snippetPreview('comment "${1:costs \\$5 \\}}"')).toBe('comment "costs $5 }"');
    });
});
