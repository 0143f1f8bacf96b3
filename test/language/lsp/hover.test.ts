import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEfpServices, type EfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { readFileSync } from 'node:fs';
import { modelOf } from '../../helpers/model-from-text.js';
import { hoverForNode } from '../../../src/language/lsp/efp-hover-provider.js';

// a server outside the system, whose fabrication footprint names the storage's computed one
const quickstart = readFileSync('examples/quickstart.efp', 'utf8') + '\nserver mirror { storage: ssd  carbon_footprint_fabrication: ssd.carbon_footprint_fabrication * 2 }\n';

async function open(): Promise<{ Efp: EfpServices; document: LangiumDocument }> {
    const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': quickstart });
    return { Efp, document };
}

/**
 * The hover's markdown at the first occurrence of `needle` (plus `offset` characters), for a client that
 * runs efp's commands (the VS Code extension) unless told otherwise.
 */
async function hoverAt(needle: string, offset = 0, runsEfpCommands = true): Promise<string> {
    const { Efp, document } = await open();
    Efp.client.Commands.runsEfpCommands = runsEfpCommands;
    const index = quickstart.indexOf(needle) + offset;
    const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index)
    });
    const contents = hover?.contents as { value: string } | undefined;
    return contents?.value ?? '';
}

describe('hover', () => {
    it('shows an input\'s value, where it comes from and what it means', async () => {
        const text = await hoverAt('carbon_footprint_fabrication: 600 kg', 2);
        expect(text).toContain('**web.carbon_footprint_fabrication** — Carbon footprint fabrication (server "server")');
        expect(text).toContain('**600 kg**');
        expect(text).toContain('given · source: [Base ADEME_V19](<https://data.ademe.fr/datasets/base-carbone(r)>)');
        expect(text).toContain('Emissions of making one server.');
    });

    it('shows a computed value with its formula and operands where a reference names it', async () => {
        const text = await hoverAt('ssd.carbon_footprint_fabrication', 'ssd.'.length + 2);
        expect(text).toContain('**ssd.carbon_footprint_fabrication** — Carbon footprint (storage "SSD storage")');
        expect(text).toContain('**160 kg**');
        expect(text).toContain('`carbon_footprint_fabrication = carbon_footprint_fabrication_per_storage_capacity × storage_capacity`');
        expect(text).toContain('| `ssd.carbon_footprint_fabrication_per_storage_capacity` | 160 kg/TB_stored |');
        expect(text).toContain('| `ssd.storage_capacity` | 1 TB_stored |');
    });

    it('links a value and an object to their calculus graph and to the dashboard (command URIs VS Code runs)', async () => {
        /** The arguments of the hover's link to `command`, decoded as VS Code decodes them. */
        const argsOf = (markdown: string, title: string, command: string) => {
            const match = new RegExp(`\\[${title}\\]\\(command:${command.replace('.', '\\.')}\\?([^)]+)\\)`).exec(markdown);
            return match ? JSON.parse(decodeURIComponent(match[1])) as unknown[] : undefined;
        };
        const value = await hoverAt('ssd.carbon_footprint_fabrication', 'ssd.'.length + 2);
        const [uri, ...rest] = argsOf(value, 'Calculus graph', 'efp.showCalculusGraph')!;
        expect(uri).toMatch(/^file:\/\/\/virtual\/ws\d+\/quickstart\.efp$/);
        expect(rest).toEqual(['ssd', 'carbon_footprint_fabrication']);
        expect(argsOf(value, 'Footprint dashboard', 'efp.showFootprint')).toEqual([uri]);
        const object = await hoverAt('server web "server"', 'server '.length + 1);
        expect(argsOf(object, 'Calculus graph', 'efp.showCalculusGraph')?.slice(1)).toEqual(['web']);
        // a built-in object (the laptop archetype) has no graph of its own in this document
        const laptop = await hoverAt('devices: [laptop]', 'devices: ['.length + 1);
        expect(laptop).toContain('device laptop');
        expect(argsOf(laptop, 'Calculus graph', 'efp.showCalculusGraph')).toBeUndefined();
    });

    it('has no command links for a client that does not run efp\'s commands (another editor running efp lsp)', async () => {
        const value = await hoverAt('ssd.carbon_footprint_fabrication', 'ssd.'.length + 2, false);
        expect(value).toContain('**160 kg**');
        expect(value).not.toContain('command:');
        expect(value).not.toContain('Calculus graph');
        const object = await hoverAt('server web "server"', 'server '.length + 1, false);
        expect(object).toContain('server web');
        expect(object).not.toContain('command:');
    });

    it('draws an hourly value as a sparkline', async () => {
        const text = await hoverAt('hourly_usage_journey_starts:', 2);
        expect(text).toMatch(/`[▁▂▃▄▅▆▇█]{32}` over 26298 hours/);
        expect(text).toContain('26,298 hourly values, total 1,381,313,');
    });

    it('shows a server\'s yearly footprint, as the CodeLens does, and its fabrication and energy footprint over the period', async () => {
        const text = await hoverAt('server web "server"', 'server '.length + 1);
        // e-footprint: fabrication 54,194.1 kg, energy 170,628.86 kg over 3 years: 74,941 kg a year
        expect(text).toContain('**Footprint: 74.94 t CO2e/year** on average');
        // the two phases in one scale, the larger's (170.6 t: four significant digits, one decimal)
        expect(text).toContain('Over the modeling period: fabrication 54.2 t CO2e · energy 170.6 t CO2e');
        // and where its electricity would emit less: e-footprint's 170.6 t at Norway's 30.7 g/kWh instead of 100 g/kWh
        expect(text).toContain('**Lower-carbon locations** for its energy (100 g/kWh now, 170.6 t CO2e over the modeling period):');
        expect(text).toContain('- Norway, 31 g/kWh: −118.2 t (−69 %)');
    });

    it('shows an object\'s footprint over the period', async () => {
        const text = await hoverAt('system streaming_platform', 'system '.length + 2);
        expect(text).toContain('**system streaming_platform** — "System" (e-footprint System)');
        // e-footprint: 10,966,373 kg over 3 years (3,655,458 kg a year), as the status bar and efp eval write them
        expect(text).toContain('**Footprint: 3,655.5 t CO2e/year** on average');
        expect(text).toContain('Over the modeling period: 10,966.4 t CO2e');
    });

    it('shows units', async () => {
        expect(await hoverAt('100 g/kWh', '100 '.length)).toContain('**g** — unit: mass (e-footprint\'s `gram`)');
    });
});

describe('hover on a built-in object', () => {
    const ADEME = '[Base ADEME_V19](<https://data.ademe.fr/datasets/base-carbone(r)>)';

    it('a device used as it is: e-footprint\'s name and class, each value with its unit and source, what it is, its footprint here', async () => {
        const text = await hoverAt('devices: [laptop]', 'devices: ['.length + 1);
        expect(text).toContain('**device laptop** — "Default laptop" (e-footprint Device, archetype `Device.laptop()`), built in');
        expect(text).toContain('A laptop, used 7 hours a day.');
        // e-footprint 22.2.1's Device.laptop(): 156 kg (Base ADEME_V19), 50 W, 6 year (its hypothesis), 7 h/day (DATA.AI)
        expect(text).toContain(`| \`carbon_footprint_fabrication\` | 156 kg | ${ADEME} |`);
        expect(text).toContain('| `power` | 50 W | e-footprint hypothesis |');
        expect(text).toContain('| `lifespan` | 6 year | e-footprint hypothesis |');
        expect(text).toContain('| `fraction_of_usage_time` | 7 h/day | [DATA.AI - STATE OF MOBILE](<https://www.data.ai/en/GB/state-of-mobile-2022>) |');
        expect(text).toContain('A user device; its footprint counts while users are in a journey.');
        // e-footprint's quickstart: the laptop's fabrication 4,955,397.5 kg and energy 1,072,052.6 kg over the
        // period (3 years, 26,298 hours: 2,009.1 t a year)
        expect(text).toContain('**Footprint: 2,009.1 t CO2e/year** on average');
        expect(text).toContain('Over the modeling period: fabrication 4,955.4 t CO2e · energy 1,072.1 t CO2e');
        expect(text).not.toContain('command:');
    });

    it('a country: its grid intensity as e-footprint truncates it, cited to Our World in Data with high confidence, and its time zone', async () => {
        const text = await hoverAt('country: France', 'country: '.length + 1);
        expect(text).toContain('**country France** — "France" (e-footprint Country from its country table), built in');
        // data/efootprint/countries.csv: France, FRA, 2024, 44.32… gCO2/kWh, which e-footprint truncates to 44
        expect(text).toContain('| `average_carbon_intensity` | 44 g/kWh | [Our world in data (2024)](<https://ourworldindata.org/grapher/carbon-intensity-electricity>), high confidence |');
        expect(text).toContain('| `timezone` | Europe/Paris | user data |');
        expect(text).toMatch(/`average_carbon_intensity`: FRA, 2024: 44\.\d+ gCO2\/kWh/);
    });

    it('the archetype a model starts from, and the built-in network it names', async () => {
        const ssd = await hoverAt('from ssd', 'from '.length + 1);
        expect(ssd).toContain('**storage ssd** — "Default SSD storage" (e-footprint Storage, archetype `Storage.ssd()`), built in');
        const study = '[Dirty secret of SSDs: embodied carbon](<https://arxiv.org/pdf/2207.10793.pdf>)';
        expect(ssd).toContain(`| \`carbon_footprint_fabrication_per_storage_capacity\` | 160 kg/TB_stored | ${study} |`);
        expect(ssd).toContain(`| \`storage_capacity\` | 1 TB_stored | ${study} |`);
        expect(ssd).toContain('| `data_replication_factor` | 3 | e-footprint hypothesis |');
        const wifi = await hoverAt('from wifi_network', 'from '.length + 1);
        expect(wifi).toContain('**network wifi_network** — "Default wifi network" (e-footprint Network, archetype `Network.wifi_network()`), built in');
        expect(wifi).toContain('| `bandwidth_energy_intensity` | 0.05 kWh/GB | [Traficom study](<https://www.traficom.fi/en/news/first-study-energy-consumption-communications-networks>) |');
    });

    it('in the built-in library itself, without a model around', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        await shared.workspace.DocumentBuilder.build([library]);
        const offset = builtinLibraryText().indexOf('device smartphone') + 'device '.length + 1;
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(library, {
            textDocument: { uri: BUILTIN_LIBRARY_URI }, position: library.textDocument.positionAt(offset)
        });
        const text = (hover?.contents as { value: string }).value;
        expect(text).toContain('**device smartphone** — "Default smartphone"');
        // e-footprint 22.2.1's Device.smartphone(): 30 kg, 1 W, 3 year, 3.6 h/day
        expect(text).toContain(`| \`carbon_footprint_fabrication\` | 30 kg | ${ADEME} |`);
        expect(text).toContain('| `power` | 1 W | e-footprint hypothesis |');
        expect(text).toContain('| `fraction_of_usage_time` | 3.6 h/day |');
        expect(text).not.toContain('Footprint over the modeling period');
    });
});

describe('hover while the text is broken', () => {
    it('keeps showing the values of the last text that parsed', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        const uri = 'file:///virtual/broken.efp';
        setTextDocument(Efp, TextDocument.create(uri, 'efp', 1, quickstart));
        await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        const broken = quickstart.replace('power: 300 W', 'power: 300 W )');
        setTextDocument(Efp, TextDocument.create(uri, 'efp', 2, broken));
        await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri }, position: document.textDocument.positionAt(broken.indexOf('carbon_footprint_fabrication: 600') + 2)
        });
        expect((hover?.contents as { value: string }).value).toContain('**600 kg**');
    });
});

describe('hover on an empty value', () => {
    it('says why it is empty (e-footprint 22 does not model storage energy) instead of "no value"', async () => {
        const model = await modelOf(readFileSync('examples/quickstart.efp', 'utf8'));
        const text = hoverForNode(model, model.findNode('ssd', 'energy_footprint')!);
        expect(text).toContain('**empty**: e-footprint 22 does not model it');
        expect(text).not.toContain('no value');
    });
});
