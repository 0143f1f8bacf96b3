import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import { openWorkspace, type OpenWorkspace } from '../helpers/language-workspace.js';
import { loadModelText } from '../../src/api/load-model.js';
import { compareDumps, loadReference, type DumpLike } from '../helpers/reference-comparison.js';
import { findPythonSpellings, MAX_SPELLING_LENGTH, MAX_SPELLINGS } from '../../src/language/python-habits/python-spellings.js';
import { PYTHON_SPELLING } from '../../src/language/python-habits/python-spelling-diagnostics.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/language/diagnostic-cap.js';

/**
 * e-footprint's Python pasted into a .efp file: each spelling is said as such, where it is written, with
 * .efp's way to write it, in place of the lexer's, parser's and linker's errors it causes; the quick fix
 * rewrites it when the rewrite follows from the text.
 */
const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

const MODEL = 'model "Habits" { start_date: 2025-01-01  modeling_duration: 1 year }\n';

interface Said {
    /** 1-based `line:column`. */
    at: string;
    message: string;
    hint: string;
}

async function open(text: string): Promise<{ workspace: OpenWorkspace; document: LangiumDocument }> {
    const workspace = await openWorkspace(text);
    return { workspace, document: workspace.documents[0] };
}

function said(document: LangiumDocument): Said[] {
    return (document.diagnostics ?? []).filter(d => codeOf(d) === PYTHON_SPELLING).map(d => ({
        at: `${d.range.start.line + 1}:${d.range.start.character + 1}`, message: String(d.message).split('. ')[0],
        hint: (d.data as { hint: string }).hint
    }));
}

/** The errors of the lexer, parser and linker: those a Python spelling did not explain. */
function genericErrors(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter(d => ['lexing-error', 'parsing-error', 'linking-error'].includes(codeOf(d) ?? '')).map(d => String(d.message));
}

async function fixesOf({ Efp }: OpenWorkspace, document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await Efp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

/**
 * The text once every quick fix of its Python spellings is applied, again on the new text while some are
 * left (a spelling the parser skipped over is said once the line before it reads): at most 10 rounds.
 */
async function allFixed(text: string): Promise<string> {
    let current = text;
    for (let round = 0; round < 10; round++) {
        const { workspace, document } = await open(current);
        const edits: TextEdit[] = [];
        for (const d of document.diagnostics ?? []) {
            if (codeOf(d) !== PYTHON_SPELLING) continue;
            for (const action of await fixesOf(workspace, document, d)) edits.push(...action.edit!.changes![document.uri.toString()]);
        }
        if (edits.length === 0) return current;
        current = TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, current), edits);
    }
    throw new Error('the fixes did not settle');
}

/** The one Python spelling said in `model` (with the model line before it), its fix's title and the text it fixes to. */
async function oneSpelling(body: string): Promise<{ said: Said[]; title?: string; fixed?: string; generic: string[] }> {
    const { workspace, document } = await open(MODEL + body);
    const diagnostic = (document.diagnostics ?? []).find(d => codeOf(d) === PYTHON_SPELLING);
    const [action] = diagnostic ? await fixesOf(workspace, document, diagnostic) : [];
    const fixed = action && TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, document.textDocument.getText()), action.edit!.changes![document.uri.toString()]);
    return { said: said(document), title: action?.title, fixed: fixed?.slice(MODEL.length), generic: genericErrors(document) };
}

/** Whether a text reads without a lexing, syntax or name error. */
async function readsAsEfp(text: string): Promise<boolean> {
    const { document } = await open(text);
    return genericErrors(document).length === 0 && said(document).length === 0;
}

describe('e-footprint\'s Python in a .efp file', () => {
    it('says a SourceValue is Python, where it is, and rewrites it as a number and its unit', async () => {
        const result = await oneSpelling('network n { bandwidth_energy_intensity: SourceValue(0.05 * u.kWh / u.GB) }\n');
        expect(result.said).toEqual([{
            at: '2:41', message: '`SourceValue(0.05 * u.kWh / u.GB)` is e-footprint\'s Python', hint: 'In .efp, write `0.05 kWh/GB`: a number and its unit.'
        }]);
        // the unknown `SourceValue` and `u` are said no more
        expect(result.generic).toEqual([]);
        expect(result.title).toBe("Replace with '0.05 kWh/GB'");
        expect(result.fixed).toBe('network n { bandwidth_energy_intensity: 0.05 kWh/GB }\n');
        expect(await readsAsEfp(MODEL + result.fixed!)).toBe(true);
    });

    it('rewrites a SourceValue with its source, a built-in one of e-footprint\'s Sources', async () => {
        const result = await oneSpelling('server web { power: SourceValue(300 * u.W, source=Sources.HYPOTHESIS)  storage: ssd }\n');
        expect(result.said.map(s => [s.at, s.hint])).toEqual([['2:21', 'In .efp, write `300 W source hypothesis`: a number and its unit, with its source after it.']]);
        expect(result.generic).toEqual([]);
        expect(result.fixed).toBe('server web { power: 300 W source hypothesis  storage: ssd }\n');
        expect(await readsAsEfp(MODEL + result.fixed!)).toBe(true);
        // given without its keyword too; pint's own name of a unit (minute) as .efp writes it; a pure number without unit
        expect((await oneSpelling('job j { request_duration: SourceValue(4 * u.minute, Sources.USER_DATA) }\n')).fixed)
            .toBe('job j { request_duration: 4 min source user_data }\n');
        expect((await oneSpelling('storage s { data_replication_factor: SourceValue(3 * u.dimensionless) }\n')).fixed)
            .toBe('storage s { data_replication_factor: 3 }\n');
    });

    it('says a SourceValue it cannot rewrite is Python, without a fix, and nothing inside it again', async () => {
        // (1 / 3) GB in Python; `1 / 3 GB` would be 1 / (3 GB) in .efp: no rewrite
        const result = await oneSpelling('server s { ram: SourceValue(1 / 3 * u.GB, label="a third") }\n');
        expect(result.said).toEqual([{
            at: '2:17', message: '`SourceValue(1 / 3 * u.GB, label="a third")` is e-footprint\'s Python',
            hint: 'In .efp, a value is a number and its unit, with its source after it if it has one: `300 W source hypothesis`.'
        }]);
        expect(result.title).toBeUndefined();
        expect(result.generic).toEqual([]);
    });

    it('rewrites a pint quantity and a pint unit', async () => {
        const quantity = await oneSpelling('server s { ram: 3 * u.GB }\n');
        expect(quantity.said.map(s => s.message)).toEqual(['`3 * u.GB` is e-footprint\'s Python (a pint quantity)']);
        expect(quantity.fixed).toBe('server s { ram: 3 GB }\n');
        const unit = await oneSpelling('server s { average_carbon_intensity: 100 g / u.kWh }\n');
        expect(unit.said).toEqual([{ at: '2:46', message: '`u.kWh` is e-footprint\'s Python (a pint unit)', hint: 'In .efp, a unit is written by its name: `kWh`.' }]);
        expect(unit.fixed).toBe('server s { average_carbon_intensity: 100 g / kWh }\n');
        expect(await readsAsEfp(MODEL + unit.fixed!)).toBe(true);
        // pint's own names, as e-footprint's `u` also has them
        expect((await oneSpelling('server s { utilization_rate: 90 * u.percent }\n')).fixed).toBe('server s { utilization_rate: 90 % }\n');
        expect((await oneSpelling('network n { bandwidth_energy_intensity: 0.05 * u.kilowatt_hour / u.gigabyte }\n')).fixed)
            .toBe('network n { bandwidth_energy_intensity: 0.05 kWh/GB }\n');
        // x / 3 * u.GB is (x / 3) GB: only the unit is rewritten, `x / 3 GB` would divide by 3 GB
        const divided = await oneSpelling('server s { ram: 12 / 3 * u.GB }\n');
        expect(divided.fixed).toBe('server s { ram: 12 / 3 * GB }\n');
    });

    it('rewrites a Python comment', async () => {
        const result = await oneSpelling('# the web tier, from e-footprint\'s quickstart\nserver s { power: 300 W }\n');
        expect(result.said).toEqual([{
            at: '2:1', message: '`#` starts a comment in Python, not in .efp', hint: 'In .efp, a comment starts with `//`, or is written `/* … */`.'
        }]);
        expect(result.generic).toEqual([]);
        expect(result.fixed).toBe('// the web tier, from e-footprint\'s quickstart\nserver s { power: 300 W }\n');
    });

    it('rewrites a keyword argument as an input, in an object and in a builder call', async () => {
        const input = await oneSpelling('server s {\n  power=300 W\n}\n');
        expect(input.said).toEqual([{ at: '3:3', message: '`power=` is a Python keyword argument', hint: 'In .efp, an input is written `power: value`.' }]);
        expect(input.generic).toEqual([]);
        expect(input.fixed).toBe('server s {\n  power: 300 W\n}\n');
        const argument = await oneSpelling('usage_pattern p { hourly_usage_journey_starts: sinusoidal(amplitude = 3000, period: 90 day) }\n');
        expect(argument.fixed).toBe('usage_pattern p { hourly_usage_journey_starts: sinusoidal(amplitude: 3000, period: 90 day) }\n');
        // outside an object, a variable: said, not rewritten (.efp has none)
        const variable = await oneSpelling('x = 3\n');
        expect(variable.said).toEqual([{ at: '2:1', message: '`x =` is a Python assignment', hint: '.efp has no variables: declare an object (`server x { … }`) and use it by its name.' }]);
        expect(variable.title).toBeUndefined();
    });

    it('rewrites e-footprint\'s archetypes as the built-in objects, from the archetype table', async () => {
        const laptop = await oneSpelling('usage_pattern p { devices: [Device.laptop()] }\n');
        expect(laptop.said).toEqual([{
            at: '2:29', message: '`Device.laptop()` is e-footprint\'s Python',
            hint: 'In .efp, e-footprint\'s archetypes are built-in objects: write `laptop`, or declare `device my_device from laptop { … }` to change some of its inputs.'
        }]);
        expect(laptop.generic).toEqual([]);
        expect(laptop.fixed).toBe('usage_pattern p { devices: [laptop] }\n');
        expect((await oneSpelling('server s { storage: Storage.ssd() }\n')).fixed).toBe('server s { storage: ssd }\n');
        expect((await oneSpelling('usage_pattern p { network: Network.wifi_network() }\n')).fixed).toBe('usage_pattern p { network: wifi_network }\n');
        // an archetype efp does not have: the ones it has, no fix
        const tablet = await oneSpelling('usage_pattern p { devices: [Device.tablet()] }\n');
        expect(tablet.said.map(s => s.message)).toEqual(['`Device.tablet()` is e-footprint\'s Python']);
        expect(tablet.said.map(s => s.hint)).toEqual(['efp\'s built-in device archetypes are `laptop`, `smartphone`, `box`, `screen`: write one of them, or declare the object: `device name { … }`.']);
        expect(tablet.title).toBeUndefined();
    });

    it('says an object built in Python is declared in .efp, its arguments rewritten one by one', async () => {
        const { document } = await open(`${MODEL}web = Server.from_defaults("web", power=SourceValue(300 * u.W))\n`);
        expect(said(document)).toEqual([
            {
                at: '2:1', message: '`Server.from_defaults(…)` is e-footprint\'s Python',
                hint: 'In .efp, declare the object: `server web { … }`, with its inputs written `name: value`; those left out take e-footprint\'s defaults.'
            },
            { at: '2:35', message: '`power=` is a Python keyword argument', hint: 'In .efp, an input is written `power: value`.' },
            { at: '2:41', message: '`SourceValue(300 * u.W)` is e-footprint\'s Python', hint: 'In .efp, write `300 W`: a number and its unit.' }
        ]);
        expect(genericErrors(document)).toEqual([]);
    });

    it('rewrites e-footprint\'s countries as .efp spells them, and suggests the closest for one it does not have', async () => {
        const france = await oneSpelling('usage_pattern p { country: Countries.FRANCE() }\n');
        expect(france.said).toEqual([{ at: '2:28', message: '`Countries.FRANCE()` is e-footprint\'s Python', hint: 'In .efp, e-footprint\'s countries are built-in objects: write `France`.' }]);
        expect(france.fixed).toBe('usage_pattern p { country: France }\n');
        expect((await oneSpelling('usage_pattern p { country: Countries.UNITED_STATES() }\n')).fixed).toBe('usage_pattern p { country: United_States }\n');
        const misspelt = await oneSpelling('usage_pattern p { country: Countries.FRANC() }\n');
        expect(misspelt.said.map(s => s.hint)).toEqual(['In .efp, e-footprint\'s countries are built-in objects named like `France` or `United_States`, and efp\'s table has no `FRANC`: did you mean `France`?']);
        expect(misspelt.title).toBeUndefined();
    });

    it('rewrites a source given as a keyword argument, a time zone, and texts in single quotes', async () => {
        const source = await oneSpelling('server s { power: 300 W source=Sources.BASE_ADEME_V19 }\n');
        expect(source.said).toEqual([{ at: '2:25', message: '`source=Sources.BASE_ADEME_V19` is e-footprint\'s Python', hint: 'In .efp, a value\'s source follows it: `300 W source base_ademe_v19`.' }]);
        expect(source.fixed).toBe('server s { power: 300 W source base_ademe_v19 }\n');
        expect(await readsAsEfp(MODEL + source.fixed!)).toBe(true);
        const zone = await allFixed(`${MODEL}country c { average_carbon_intensity: 50 g/kWh  timezone=pytz.timezone("Europe/Paris") }\n`);
        expect(zone).toBe(`${MODEL}country c { average_carbon_intensity: 50 g/kWh  timezone: "Europe/Paris" }\n`);
        const quoted = await oneSpelling('country c { timezone: \'Europe/Paris\' }\n');
        expect(quoted.said).toEqual([{ at: '2:23', message: '`\'Europe/Paris\'` is a Python text', hint: 'In .efp, a text is in double quotes: `"Europe/Paris"`.' }]);
        expect(quoted.fixed).toBe('country c { timezone: "Europe/Paris" }\n');
    });

    it('rewrites e-footprint\'s JSON of a value and a dict of counts', async () => {
        const value = await oneSpelling('job j { data_stored: {"value": 0.05, "unit": "megabyte"} }\n');
        expect(value.said.map(s => [s.at, s.message])).toEqual([['2:22', '`{"value": 0.05, "unit": "megabyte"}` is e-footprint\'s JSON of a value, not .efp']]);
        expect(value.generic).toEqual([]);
        expect(value.fixed).toBe('job j { data_stored: 0.05 MB }\n');
        expect((await oneSpelling('job j { data_stored: {"unit": "GB", "value": 3} }\n')).fixed).toBe('job j { data_stored: 3 GB }\n');
        expect(await allFixed(`${MODEL}edge_device_group g { edge_device_counts={sensor: 4, camera: 2} }\n`))
            .toBe(`${MODEL}edge_device_group g { edge_device_counts: [sensor * 4, camera * 2] }\n`);
        const counts = await oneSpelling('edge_device_group g { edge_device_counts: {sensor: 4, camera: 2} }\n');
        expect(counts.said.map(s => s.hint)).toEqual(['In .efp, objects counted each a number of times are a list: `[sensor * 4, camera * 2]`.']);
        expect(counts.fixed).toBe('edge_device_group g { edge_device_counts: [sensor * 4, camera * 2] }\n');
    });

    it('offers no fix when the text where the diagnostic starts is no longer what was written', async () => {
        const { workspace, document } = await open(`${MODEL}server s { ram: 3 * u.GB }\n`);
        const diagnostic = (document.diagnostics ?? []).find(d => codeOf(d) === PYTHON_SPELLING)!;
        expect(await fixesOf(workspace, document, diagnostic)).toHaveLength(1);
        // as an editor may send it back after the text moved: one character later
        const moved = { ...diagnostic, range: { start: { ...diagnostic.range.start, character: diagnostic.range.start.character + 1 }, end: diagnostic.range.end } };
        expect(await fixesOf(workspace, document, moved)).toEqual([]);
        // data that claims more than the range holds
        const longer = { ...diagnostic, data: { ...(diagnostic.data as object), written: '3 * u.GB }' } };
        expect(await fixesOf(workspace, document, longer)).toEqual([]);
    });

    it('says True, False and None are Python, without a fix', async () => {
        const none = await oneSpelling('server s { fixed_nb_of_instances: None }\n');
        expect(none.said).toEqual([{ at: '2:35', message: '`None` is Python, not .efp', hint: 'In .efp, leave the input out: it then takes e-footprint\'s default.' }]);
        expect(none.generic).toEqual([]);
        expect(none.title).toBeUndefined();
        expect((await oneSpelling('server s { power: True }\n')).said.map(s => s.message)).toEqual(['`True` is Python, not .efp']);
    });

    it('says nothing of Python spellings in a text, a comment or a file without errors, and keeps the errors they do not explain', async () => {
        const quiet = `${MODEL}// power=SourceValue(300 * u.W) # Device.laptop()\nserver s "SourceValue(3 * u.GB) # x" { power: 300 W }\n`;
        const { document } = await open(quiet);
        expect(said(document)).toEqual([]);
        // an object named `u` is .efp's own
        const { document: withU } = await open(`${MODEL}server u { power: 300 W  storage: ssd }\nserver v { power: 2 * u.power  storage: ssd }\n`);
        expect(said(withU)).toEqual([]);
        expect(genericErrors(withU)).toEqual([]);
        // the misspelt network on another line is still said as such
        const { document: both } = await open(`${MODEL}server s {\n  power=SourceValue(300 * u.W)\n}\nusage_pattern p { network: wifi_netwrk }\n`);
        expect(said(both).map(s => s.at)).toEqual(['3:3', '3:9']);
        expect(genericErrors(both)).toEqual(["unknown name 'wifi_netwrk'. Did you mean 'wifi_network'?"]);
    });

    it('leaves efp\'s own errors of the text as they are, on a line with a spelling too', async () => {
        const deep = `${'('.repeat(70)}1 GB${')'.repeat(70)}`;
        const { document } = await open(`${MODEL}server s { power: SourceValue(300 * u.W)  ram: ${deep} }\n`);
        expect(said(document).map(s => s.at)).toEqual(['2:19']);
        // at the 65th bracket (the first is at column 48), past the 64 efp reads
        expect((document.diagnostics ?? []).filter(d => codeOf(d) === 'lexing-error').map(d => [d.range.start.character + 1, String(d.message).slice(0, 50)]))
            .toEqual([[48 + 64, 'this value is nested too deeply for efp to read (m']]);
    });

    it('turns e-footprint\'s quickstart written with Python habits into the .efp quickstart, which evaluates as e-footprint does', async () => {
        const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
        const habits: Array<[string, string]> = [
            ['// e-footprint\'s quickstart: daily', '# e-footprint\'s quickstart: daily'],
            ['data_replication_factor: 3', 'data_replication_factor: SourceValue(3 * u.dimensionless)'],
            ['carbon_footprint_fabrication: 600 kg   source base_ademe_v19', 'carbon_footprint_fabrication: SourceValue(600 * u.kg, source=Sources.BASE_ADEME_V19)'],
            ['power: 300 W', 'power=SourceValue(300 * u.W)'],
            ['ram: 128 GB', 'ram: SourceValue(128 * u.GB)'],
            ['average_carbon_intensity: 100 g/kWh', 'average_carbon_intensity: 100 * u.g / u.kWh'],
            ['request_duration: 4 min', 'request_duration: SourceValue(4 * u.minute)'],
            ['data_stored: 0.05 MB', 'data_stored: {"value": 0.05, "unit": "megabyte"}'],
            ['bandwidth_energy_intensity: 0.05 kWh/GB', 'bandwidth_energy_intensity: SourceValue(0.05 * u.kWh / u.GB)'],
            ['devices: [laptop]', 'devices: [Device.laptop()]'],
            ['country: France', 'country: Countries.FRANCE()'],
            ['period: 90 day', 'period=90 * u.day']
        ];
        let python = quickstart;
        for (const [efp, py] of habits) {
            expect(python.split(efp)).toHaveLength(2);
            python = python.replace(efp, py);
        }
        const fixed = await allFixed(python);
        // the .efp quickstart, but for the blanks before `source`, which the rewrite does not keep
        const handWritten = quickstart.replace('600 kg   source', '600 kg source');
        expect(fixed).toBe(handWritten);
        const model = await loadModelText(fixed);
        expect(model.errors).toEqual([]);
        // every value as e-footprint 22.2.1 computes the quickstart, but for the SSD's float32 disk-count boundary (test/engine/reference-parity.test.ts)
        const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
        const result = compareDumps(reference, model.toJson() as unknown as DumpLike);
        const boundaryPaths = ["Storage 'SSD storage'.nb_of_instances", "Storage 'SSD storage'.instances_fabrication_footprint"];
        expect(result.mismatches.filter(m => !boundaryPaths.includes(m.path))).toEqual([]);
        expect(result.compared).toBeGreaterThan(100);
        model.dispose();
    });
});

describe('Python spellings in hostile text', () => {
    const MB = 1024 * 1024;

    it('read a megabyte of `u.u.u…` and of `SourceValue(((((…` in one pass: located diagnostics, a few', async () => {
        const { document: units } = await open(`${MODEL}server s { power: ${'u.'.repeat(MB / 2)} }\n`);
        expect((units.diagnostics ?? []).length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE);
        expect(said(units)[0]).toEqual({ at: '2:19', message: '`u.u` is e-footprint\'s Python (a pint unit)', hint: 'In .efp, a unit is written by its name, and efp has no unit `u`: the built-in library lists its units.' });
        // the parentheses are too deep to read, which is what is said (where they go past the limit), not the Python
        const { document: calls } = await open(`${MODEL}server s { power: SourceValue${'('.repeat(MB)} }\n`);
        const diagnostics = calls.diagnostics ?? [];
        expect(diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE);
        expect(diagnostics[0]).toMatchObject({ range: { start: { line: 1, character: 93 } }, message: expect.stringContaining('nested too deeply') });
        expect(said(calls)).toEqual([]);
    });

    it('find at most a bounded number of spellings, each of bounded length, in a megabyte of any of them', () => {
        const texts = [
            'u.'.repeat(MB / 2), 'SourceValue('.repeat(MB / 12), `SourceValue${'('.repeat(MB)}`, ': {'.repeat(MB / 3), `: {a: 1, ${'a: 1, '.repeat(MB / 6)}`,
            "'".repeat(MB), '#\n'.repeat(MB / 2), 'a='.repeat(MB / 2), `1 * u.GB${' * u.GB'.repeat(MB / 8)}`, 'Device.laptop('.repeat(MB / 14),
            'Countries.'.repeat(MB / 10), 'x'.repeat(MB), `SourceValue(1${' '.repeat(MB)}`, `pytz.timezone("${'x'.repeat(MB)}")`
        ];
        for (const text of texts) {
            const spellings = findPythonSpellings(text);
            expect(spellings.length).toBeLessThanOrEqual(MAX_SPELLINGS);
            for (const s of spellings) {
                expect(s.end).toBeGreaterThan(s.start);
                if (s.rewrite) expect(s.rewrite.written.length).toBeLessThanOrEqual(MAX_SPELLING_LENGTH);
                // a comment runs to the end of its line; any other spelling is read within the limit
                if (!s.rewrite || s.rewrite.written !== '#') expect(s.end - s.start).toBeLessThanOrEqual(MAX_SPELLING_LENGTH);
            }
        }
    });

    it('rewrites nothing that is not read whole: a unit or number running past the limit, an unclosed text', () => {
        expect(findPythonSpellings(`SourceValue(3 * u.${'G'.repeat(MB)})`).map(s => s.rewrite)).toEqual([undefined]);
        expect(findPythonSpellings(`x: 'Europe/Paris\n`)).toEqual([]);
        expect(findPythonSpellings(`x: "unclosed ${'# '.repeat(1000)}`)).toEqual([]);
    });
});
