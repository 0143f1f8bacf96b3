import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../helpers/language-workspace.js';
import { analyze } from '../helpers/model-from-text.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

/** Diagnostics of the document (parser, linker, validator with the engine's findings): [line (1-based), severity, message]. */
async function diagnosticsOf(text: string): Promise<Array<[number, number | undefined, string]>> {
    const { documents: [document] } = await openWorkspace(text);
    return (document.diagnostics ?? []).map(d => [d.range.start.line + 1, d.severity, typeof d.message === 'string' ? d.message : d.message.value]);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex(l => l.includes(needle)) + 1;

describe('scenario syntax', () => {
    it('parses a scenario with or without a date and label, lines with annotations and unitless numbers', async () => {
        const text = `${QUICKSTART}
scenario a "Greener" at 2026-01-01 {
  ssd.data_replication_factor: 2
  web.average_carbon_intensity: 50 g/kWh  source base_ademe_v19  confidence low  comment "a contract"
  daily_video.uj_steps: [watch * 2, capture]
}
scenario b { wifi.bandwidth_energy_intensity: 0.04 kWh/GB }
scenario c {}
`;
        const { documents: [document] } = await openWorkspace(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        const analysis = await analyze(text);
        const description = analysis.model!.description.scenarios!;
        expect(description.map(s => [s.id, s.name, s.date, s.changes.length])).toEqual([
            ['a', 'Greener', '2026-01-01', 3], ['b', 'b', undefined, 1], ['c', 'c', undefined, 0]
        ]);
        // the 2 has no unit: the next line's object is not read as one
        const replication = description[0].changes[0];
        expect([replication.object, replication.attribute, replication.input.text]).toEqual(['ssd', 'data_replication_factor', '2']);
        const intensity = description[0].changes[1].input;
        expect([intensity.source, intensity.confidence, intensity.comment]).toEqual(['base_ademe_v19', 'low', 'a contract']);
    });
});

describe('scenario diagnostics, on the scenario line', () => {
    it('an unknown object, with the closest name (linking)', async () => {
        const text = `${QUICKSTART}\nscenario s { wbe.power: 50 W }\n`;
        expect(await diagnosticsOf(text)).toContainEqual([lineOf(text, 'wbe.power'), 1, "unknown object 'wbe'. Did you mean 'web'?"]);
    });

    it('an unknown input, with the closest name', async () => {
        const text = `${QUICKSTART}\nscenario s { web.powr: 50 W }\n`;
        expect(await diagnosticsOf(text)).toContainEqual([lineOf(text, 'web.powr'), 1, "a server has no input 'powr'. Did you mean 'power'?"]);
    });

    it('a value of the wrong dimension, as for the object\'s own input', async () => {
        const text = `${QUICKSTART}\nscenario s {\n  web.power: 50 kWh\n}\n`;
        const diagnostics = await diagnosticsOf(text);
        expect(diagnostics).toContainEqual([lineOf(text, 'web.power'), 1,
            "'power' expects a power (W); `50 kWh` is an energy (kWh). Write it in W or a unit of the same kind."]);
    });

    it('a link to an object of the wrong kind', async () => {
        const text = `${QUICKSTART}\nscenario s {\n  daily_video.uj_steps: [watch, web]\n}\n`;
        expect(await diagnosticsOf(text)).toContainEqual([lineOf(text, 'daily_video.uj_steps'), 1,
            "usage_journey daily_video: 'uj_steps' expects a usage journey step, but 'web' is a server"]);
    });

    it('a date outside the modeling period, on the date', async () => {
        const text = `${QUICKSTART}\nscenario late at 2031-06-01 { web.power: 250 W }\n`;
        const { documents: [document] } = await openWorkspace(text);
        const error = document.diagnostics!.find(d => typeof d.message === 'string' && d.message.startsWith('scenario late starts on 2031-06-01'))!;
        expect(error.message as string).toContain('outside the modeling period (2025-01-01 to 2028-01-01)');
        const line = text.split('\n')[error.range.start.line];
        expect(line.slice(error.range.start.character, error.range.end.character)).toBe('2031-06-01');
    });

    it('no "not used by any system" hint on objects only a scenario uses', async () => {
        const step = 'job chat_job on web { request_duration: 10 s }\nusage_journey_step llm_chat { user_time_spent: 2 min  jobs: [chat_job] }\n';
        const used = await diagnosticsOf(`${QUICKSTART}${step}scenario s at 2026-01-01 { daily_video.uj_steps: [watch, capture, llm_chat] }\n`);
        expect(used.filter(d => d[2].includes('not used by any system'))).toEqual([]);
        const unused = await diagnosticsOf(`${QUICKSTART}${step}`);
        expect(unused.filter(d => d[2].includes('not used by any system'))).toHaveLength(2);
    });
});

describe('hover on a scenario', () => {
    const text = `${QUICKSTART}
scenario greener "Greener electricity" at 2026-01-01 {
  web.average_carbon_intensity: 50 g/kWh
  daily_video.uj_steps: [watch]
}
`;
    async function hoverAt(needle: string, offset: number): Promise<string> {
        const { Efp, documents: [document] } = await openWorkspace(text);
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf(needle) + offset)
        });
        return (hover?.contents as { value: string } | undefined)?.value ?? '';
    }

    it('on a line\'s attribute: the value in the baseline → in the scenario, and the footprint', async () => {
        const value = await hoverAt('web.average_carbon_intensity', 6);
        expect(value).toContain('**web.average_carbon_intensity** in **scenario greener** "Greener electricity" — from 2026-01-01 on');
        expect(value).toContain('\n100 g/kWh → 50 g/kWh\n');
        // the two totals in one scale, the change in its own, as `efp eval` lists scenarios (a saving: a true minus sign)
        // e-footprint's quickstart 10,966,373 kg; half the server's carbon intensity from 2026 on
        expect(value).toContain('- system streaming_platform: 10,966.4 t → 8,451.0 t (−2,515.4 t, −22.9 %)');
        const link = await hoverAt('daily_video.uj_steps', 14);
        expect(link).toContain('`[watch, capture]` → `[watch]`');
    });

    it('on the scenario\'s name: its effect on each system', async () => {
        const value = await hoverAt('scenario greener', 10);
        expect(value).toContain('**scenario greener** "Greener electricity" — from 2026-01-01 on (e-footprint\'s simulation_date)');
        expect(value).toContain('- system streaming_platform:');
    });
});
