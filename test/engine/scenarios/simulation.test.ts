import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { modelOf } from '../../helpers/model-from-text.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { scenarioResults, scenarioFootprints, type ScenarioResult } from '../../../src/engine/scenarios/scenario-results.js';
import { utcHourOf } from '../../../src/engine/series/calendar.js';
import type { Model } from '../../../src/engine/model/model.js';
import type { NumericValue } from '../../../src/engine/model/values.js';
import type { SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';

/*
 * Scenarios worked out by hand from e-footprint's ModelingUpdate rules on the quickstart, whose
 * reference outputs (test/fixtures/efootprint/quickstart.outputs.json.gz) are e-footprint's baseline.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const DATE = '2026-01-01';
const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');

function referenceSeries(className: string, name: string, attribute: string): { start: number; values: number[] } {
    const object = Object.values(reference.objects).find(o => o.class === className && o.name === name)!;
    const value = object.calculated[attribute] as unknown as { start_date: string; values: number[]; unit: string };
    expect(value.unit).toBe('kilogram');
    return { start: utcHourOf(value.start_date.replace(' ', 'T')), values: value.values };
}

/** The hourly values of a footprint over [start, start + length), hours it does not cover being 0. */
function hours(value: NumericValue, start: number, length: number): Float64Array {
    const out = new Float64Array(length);
    if (value.kind === 'hourly') {
        const v = value.series.values;
        for (let i = 0; i < v.length; i++) {
            const h = value.series.start + i - start;
            if (h >= 0 && h < length) out[h] = v[i];
        }
    }
    return out;
}

function expectClose(actual: number, expected: number, scale = Math.abs(expected)): void {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 + 1e-5 * scale);
}

function only(model: Model): ScenarioResult {
    const results = scenarioResults(model);
    expect(results).toHaveLength(1);
    expect(results[0].diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    return results[0];
}

function rowsOf(result: ScenarioResult) {
    const system = result.simulation!.model.lookup('streaming_platform')!;
    return scenarioFootprints(result.baseline, result.simulation!, system);
}

function expectSameSummary(a: SystemFootprintSummary, b: SystemFootprintSummary): void {
    expectClose(a.total, b.total);
    expectClose(a.fabrication, b.fabrication);
    expectClose(a.energy, b.energy);
    expect(a.objects.map(o => o.id)).toEqual(b.objects.map(o => o.id));
    a.objects.forEach((o, i) => {
        expectClose(o.fabrication, b.objects[i].fabrication, a.total);
        expectClose(o.energy, b.objects[i].energy, a.total);
    });
    expect(a.years.map(y => y.year)).toEqual(b.years.map(y => y.year));
    a.years.forEach((y, i) => expectClose(y.energy + y.fabrication, b.years[i].energy + b.years[i].fabrication, a.total));
}

describe('a value change at a simulation_date', () => {
    const text = `${QUICKSTART}
scenario greener "Greener electricity" at ${DATE} {
  web.average_carbon_intensity: 50 g/kWh   comment "a greener contract"
}`;

    it('halves the server\'s energy footprint from the date on, the hours before it being the reference', async () => {
        const model = await modelOf(text);
        const result = only(model);
        const date = utcHourOf(DATE);
        expect(result.date).toBe(date);
        const ref = referenceSeries('Server', 'server', 'energy_footprint');
        const web = rowsOf(result).find(r => r.object.id === 'web')!;
        const combined = hours(web.energy, ref.start, ref.values.length);
        const max = Math.max(...ref.values);
        let before = 0, after = 0;
        for (let i = 0; i < ref.values.length; i++) {
            const factor = ref.start + i < date ? 1 : 0.5;
            expectClose(combined[i], ref.values[i] * factor, max);
            if (factor === 1) before++;
            else after++;
        }
        expect(before).toBe(365 * 24);
        expect(after).toBe(ref.values.length - 365 * 24);
    });

    it('recomputes only what depends on the change, from the date, and leaves the baseline as it was', async () => {
        const model = await modelOf(text);
        const result = only(model);
        const simulation = result.simulation!;
        const recomputed = [...simulation.recomputed].map(n => n.key).sort();
        // the server's energy footprints (e-footprint 22 splits idle and load) and the system's total
        expect(recomputed).toEqual(['streaming_platform.total_footprint', 'web.energy_footprint', 'web.idle_energy_footprint', 'web.load_energy_footprint']);
        const energy = simulation.model.findNode('web', 'energy_footprint')!.value!;
        expect(energy.kind === 'hourly' && energy.series.start).toBe(utcHourOf(DATE));
        // the hourly values it reads were cut to the date (e-footprint's filtered ancestors)
        expect(simulation.cut.map(n => n.key)).toContain('web.raw_nb_of_instances');
        for (const node of simulation.cut) expect(node.value?.kind === 'hourly' && node.value.series.start).toBe(utcHourOf(DATE));
        expect(simulation.cut.filter(n => simulation.recomputed.has(n))).toEqual([]);
        const ref = referenceSeries('Server', 'server', 'energy_footprint');
        const baseline = model.findNode('web', 'energy_footprint')!.value!;
        expect(baseline.kind === 'hourly' && baseline.series.start).toBe(ref.start);
        expectClose(baseline.kind === 'hourly' ? baseline.series.sum() : 0, ref.values.reduce((a, b) => a + b, 0));
    });

    it('gives the system the baseline total less half the server\'s energy footprint after the date', async () => {
        const model = await modelOf(text);
        const [system] = only(model).systems;
        const ref = referenceSeries('Server', 'server', 'energy_footprint');
        const date = utcHourOf(DATE);
        const afterDate = ref.values.reduce((sum, v, i) => (ref.start + i >= date ? sum + v : sum), 0);
        expectClose(system.scenario.total, system.baseline.total - afterDate / 2);
        expectClose(system.scenario.fabrication, system.baseline.fabrication);
        const server = (s: SystemFootprintSummary) => s.objects.find(o => o.id === 'web')!;
        expectClose(server(system.scenario).energy, server(system.baseline).energy - afterDate / 2);
        for (const id of ['ssd', 'wifi', 'laptop']) {
            const b = system.baseline.objects.find(o => o.id === id)!, s = system.scenario.objects.find(o => o.id === id)!;
            expectClose(s.energy, b.energy);
            expectClose(s.fabrication, b.fabrication);
        }
        // 2025 is before the date: unchanged
        expect(system.scenario.years[0].year).toBe(2025);
        expectClose(system.scenario.years[0].energy, system.baseline.years[0].energy);
    });

    it('at the start date is the same as without a date', async () => {
        const dated = only(await modelOf(text.replace(`at ${DATE}`, 'at 2025-01-01')));
        const undated = only(await modelOf(text.replace(` at ${DATE}`, '')));
        expect(undated.date).toBeUndefined();
        expectSameSummary(dated.systems[0].scenario, undated.systems[0].scenario);
    });

    it('skips a change to the value the input already has, as e-footprint does', async () => {
        const model = await modelOf(text.replace('50 g/kWh', '100 g/kWh'));
        const result = only(model);
        expect(result.simulation!.recomputed.size).toBe(0);
        expectSameSummary(result.systems[0].scenario, result.systems[0].baseline);
    });
});

describe('without a date', () => {
    it('is the same as editing the model, for a value change and a link change', async () => {
        const llmStep = `
job chat_job "LLM chat job" on web { data_transferred: 1 MB  data_stored: 1 MB  request_duration: 10 s
                                     compute_needed: 2 cpu_core  ram_needed: 2 GB }
usage_journey_step llm_chat "Ask the assistant" { user_time_spent: 2 min  jobs: [chat_job] }
`;
        const scenario = `${QUICKSTART}${llmStep}
scenario llm "LLM chat" {
  daily_video.uj_steps: [watch, capture, llm_chat]
  web.average_carbon_intensity: 50 g/kWh
}`;
        const edited = `${QUICKSTART.replace('uj_steps: [watch, capture]', 'uj_steps: [watch, capture, llm_chat]')
            .replace('average_carbon_intensity: 100 g/kWh', 'average_carbon_intensity: 50 g/kWh')}${llmStep}`;
        const result = only(await modelOf(scenario));
        const editedModel = await modelOf(edited);
        const { summarizeSystem } = await import('../../../src/engine/report/footprint-summary.js');
        expectSameSummary(result.systems[0].scenario, summarizeSystem(editedModel, editedModel.lookup('streaming_platform')!));
        // the baseline does not have the step
        expect(result.systems[0].baseline.total).toBeLessThan(result.systems[0].scenario.total);
    });
});

describe('a link change at a simulation_date', () => {
    const llmStep = `
job chat_job "LLM chat job" on web { data_transferred: 1 MB  data_stored: 1 MB  request_duration: 10 s
                                     compute_needed: 2 cpu_core  ram_needed: 2 GB }
usage_journey_step llm_chat "Ask the assistant" { user_time_spent: 2 min  jobs: [chat_job] }
`;
    const text = `${QUICKSTART}${llmStep}
scenario llm "LLM chat" at ${DATE} { daily_video.uj_steps: [watch, capture, llm_chat] }`;
    const edited = `${QUICKSTART.replace('uj_steps: [watch, capture]', 'uj_steps: [watch, capture, llm_chat]')}${llmStep}`;

    it('keeps every hour before the date and takes the edited model\'s hours after it (hour by hour values)', async () => {
        const model = await modelOf(text);
        const result = only(model);
        const editedModel = await modelOf(edited);
        const date = utcHourOf(DATE);
        const { start, length } = model.period;
        const { systemFootprints } = await import('../../../src/engine/model/footprint-totals.js');
        const baselineRows = systemFootprints(model, model.lookup('streaming_platform')!);
        const editedRows = systemFootprints(editedModel, editedModel.lookup('streaming_platform')!);
        // an autoscaling server, a network and a device compute hour by hour: from the date they are the edited model's
        for (const id of ['web', 'wifi', 'laptop']) {
            const row = rowsOf(result).find(r => r.object.id === id)!;
            const b = baselineRows.find(r => r.object.id === id)!, e = editedRows.find(r => r.object.id === id)!;
            for (const phase of ['energy', 'fabrication'] as const) {
                const combined = hours(row[phase], start, length), before = hours(b[phase], start, length), after = hours(e[phase], start, length);
                const max = Math.max(...before, ...after);
                for (let h = 0; h < length; h++) expectClose(combined[h], start + h < date ? before[h] : after[h], max);
            }
        }
        // the step's job runs from the date on only
        const occurrences = result.simulation!.model.findNode('chat_job', 'hourly_avg_occurrences_across_usage_patterns')!.value!;
        expect(occurrences.kind === 'hourly' && occurrences.series.start).toBe(date);
    });

    it('restarts the storage\'s cumulative need at the date, since its inputs are cut there (e-footprint\'s rule)', async () => {
        const model = await modelOf(text);
        const result = only(model);
        const date = utcHourOf(DATE);
        const simulated = result.simulation!.model.findNode('ssd', 'full_cumulative_storage_need')!.value!;
        const baseline = model.findNode('ssd', 'full_cumulative_storage_need')!.value!;
        if (simulated.kind !== 'hourly' || baseline.kind !== 'hourly') throw new Error('hourly values expected');
        expect(simulated.series.start).toBe(date);
        const baseNeed = 100e12 * 8; // 100 TB in bits
        const atDate = baseline.series.values[date - baseline.series.start];
        // a year of stored data in the baseline; the scenario starts again from the base need and one hour's data
        expect(atDate).toBeGreaterThan(baseNeed * 1.1);
        expect(simulated.series.values[0]).toBeGreaterThanOrEqual(baseNeed);
        expect(simulated.series.values[0] - baseNeed).toBeLessThan((atDate - baseNeed) / 1000);
    });

    it('does not flag the step the scenario adds as unused', async () => {
        const { analyze } = await import('../../helpers/model-from-text.js');
        const analysis = await analyze(text);
        expect(analysis.diagnostics.filter(d => d.code === 'unused')).toEqual([]);
        const without = await analyze(`${QUICKSTART}${llmStep}`);
        expect(without.diagnostics.filter(d => d.code === 'unused').map(d => d.message)).toEqual([
            'job chat_job is not used by any system, so its footprint counts nowhere',
            'usage_journey_step llm_chat is not used by any system, so its footprint counts nowhere'
        ]);
    });
});

describe('an on-premise server\'s instance count', () => {
    const model = (scenario: string) => `
model { start_date: 2025-01-01  modeling_duration: 10 day }
storage disk from ssd {}
server api { server_type: on_premise  compute: 24 cpu_core  storage: disk }
job call on api { request_duration: 1 min  compute_needed: 1 cpu_core  ram_needed: 10 MB }
usage_journey_step step { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [step] }
usage_pattern users {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: United_Kingdom   // UTC in winter: no rotation
  hourly_usage_journey_starts: linear_growth(100000, 1000)
}
system service { usage_patterns: [users] }
${scenario}`;

    it('is the max over the simulated hours only', async () => {
        const date = '2025-01-06';
        const dated = only(await modelOf(model(`scenario bigger at ${date} { api.compute: 48 cpu_core }`)));
        const undated = only(await modelOf(model('scenario bigger { api.compute: 48 cpu_core }')));
        const raw = undated.simulation!.model.findNode('api', 'raw_nb_of_instances')!.value!;
        if (raw.kind !== 'hourly') throw new Error('hourly expected');
        const from = utcHourOf(date) - raw.series.start;
        const values = [...raw.series.values];
        const peakAfter = Math.ceil(Math.max(...values.slice(from)));
        const peakAll = Math.ceil(Math.max(...values));
        // usage falls over the period: the peak after the date is lower than the whole period's
        expect(peakAfter).toBeLessThan(peakAll);
        const simulated = dated.simulation!.model.findNode('api', 'nb_of_instances')!.value!;
        if (simulated.kind !== 'hourly') throw new Error('hourly expected');
        expect(simulated.series.start).toBe(utcHourOf(date));
        expect(simulated.series.length).toBe(raw.series.length - from);
        expect(new Set(simulated.series.values)).toEqual(new Set([peakAfter]));
        const withoutDate = undated.simulation!.model.findNode('api', 'nb_of_instances')!.value!;
        expect(withoutDate.kind === 'hourly' && withoutDate.series.values[0]).toBe(peakAll);
    });
});

describe('errors', () => {
    it('refuses a date outside the modeling period', async () => {
        const model = await modelOf(QUICKSTART);
        const { evaluateScenario } = await import('../../../src/engine/scenarios/scenario-results.js');
        const late = evaluateScenario(model, { id: 'late', name: 'late', date: '2030-01-01', changes: [] });
        expect(late.diagnostics.map(d => [d.code, d.message])).toEqual([
            // 3 years of 365.25 days: the last hour is 2028-01-01 17:00
            ['out-of-range', 'scenario late starts on 2030-01-01, outside the modeling period (2025-01-01 to 2028-01-01)']
        ]);
        expect(late.simulation).toBeUndefined();
        const early = evaluateScenario(model, { id: 'early', name: 'early', date: '2024-12-31', changes: [] });
        expect(early.diagnostics.map(d => d.code)).toEqual(['out-of-range']);
        // the last hour of the period is inside it
        const last = evaluateScenario(model, { id: 'last', name: 'last', date: '2028-01-01T17:00', changes: [] });
        expect(last.diagnostics).toEqual([]);
        const after = evaluateScenario(model, { id: 'after', name: 'after', date: '2028-01-01T18:00', changes: [] });
        expect(after.diagnostics.map(d => d.code)).toEqual(['out-of-range']);
    });

    it('names an unknown object or input, with the closest name', async () => {
        const model = await modelOf(QUICKSTART);
        const { evaluateScenario } = await import('../../../src/engine/scenarios/scenario-results.js');
        const input = (text: string) => ({ expr: { kind: 'number' as const, value: 50, unit: 'W' }, text });
        const result = evaluateScenario(model, {
            id: 's', name: 's', changes: [
                { object: 'wbe', attribute: 'power', input: input('50 W') },
                { object: 'web', attribute: 'powr', input: input('50 W') },
                { object: 'web', attribute: 'energy_footprint', input: input('50 W') }
            ]
        });
        expect(result.diagnostics.map(d => [d.code, d.message, d.hint, d.data])).toEqual([
            ['unknown-object', "unknown object 'wbe'", "Did you mean 'web'?", { kind: 'did-you-mean', name: 'wbe', suggestion: 'web' }],
            ['unknown-attribute', "a server has no input 'powr'", "Did you mean 'power'?", { kind: 'did-you-mean', name: 'powr', suggestion: 'power' }],
            ['unknown-attribute', "'energy_footprint' of a server is calculated; a scenario changes inputs", 'Change the inputs it is calculated from.', undefined]
        ]);
    });

    it('checks the new value\'s dimension and a link\'s kind of object as the model does', async () => {
        const { analyze } = await import('../../helpers/model-from-text.js');
        const text = `${QUICKSTART}
scenario wrong {
  web.power: 50 kWh
  daily_video.uj_steps: [watch, web]
}`;
        const line = (start: string) => text.split('\n').findIndex(l => l.trimStart().startsWith(start));
        const analysis = await analyze(text);
        const [result] = scenarioResults(analysis.model!);
        expect(result.diagnostics.map(d => [d.code, d.message, d.origin?.range.start.line])).toEqual([
            ['wrong-kind', "usage_journey daily_video: 'uj_steps' expects a usage journey step, but 'web' is a server", line('daily_video.uj_steps')],
            ['dimension-mismatch', "'power' expects a power (W); `50 kWh` is an energy (kWh)", line('web.power')]
        ]);
        expect(result.systems).toEqual([]);
        // the model itself is fine: its figures are still there, the scenario's errors are on its lines
        expect(analysis.model!.hasErrors).toBe(false);
    });
});
