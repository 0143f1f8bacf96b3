import { describe, expect, it } from 'vitest';
import { analyze, modelOf } from '../../helpers/model-from-text.js';
import { parseUnit } from '../../../src/engine/units/unit.js';
import { summarizeSystem } from '../../../src/engine/report/footprint-summary.js';
import { llmRequestImpacts } from '../../../src/engine/genai/ecologits.js';
import type { Model } from '../../../src/engine/model/model.js';

/**
 * e-footprint's EcoLogitsGenAIExternalAPI(Job). There is no e-footprint reference output for GenAI APIs
 * in efp's fixtures, so the expected values are worked out by hand from EcoLogits' formulas (as
 * e-footprint 22.2.1 calls them) and EcoLogits 0.9.1's data, step by step in the comments — except the
 * first test, which checks the formulas against the one EcoLogits result e-footprint ships in its own
 * tests (tests/builders/external_apis/ecologits/job_serialization.json: gpt-4o, 1000 tokens).
 */

function valueIn(model: Model, object: string, attribute: string, unit: string): number {
    const value = model.findNode(object, attribute)?.value;
    if (!value || value.kind !== 'quantity') throw new Error(`${object}.${attribute} is ${value?.kind ?? 'missing'}`);
    return value.value / parseUnit(unit).factor;
}

function genaiModel(api: string, job: string, starts = 'constant(100)', duration = '1 day'): string {
    return `
model { start_date: 2025-01-01  modeling_duration: ${duration} }
genai_api llm "LLM API" { ${api} }
genai_job ask "Ask the assistant" on llm { ${job} }
usage_journey_step chat { user_time_spent: 2 min  jobs: [ask] }
usage_journey assistant { uj_steps: [chat] }
usage_pattern users {
  usage_journey: assistant  devices: [laptop]  network: wifi_network  country: France
  hourly_usage_journey_starts: ${starts}
}
system app { usage_patterns: [users] }
`;
}

describe('EcoLogits LLM request formulas', () => {
    it('reproduce the impacts e-footprint stores for gpt-4o, 1000 tokens, tps 46.2, ttft 0.53 s (its job_serialization.json)', () => {
        const r = llmRequestImpacts({ activeParamsB: 88, totalParamsB: 440, tokens: 1000, pue: 1.2, kgPerKWh: 0.3844, tps: 46.2, ttft: 0.53 });
        expect(r.gpuEnergyKWh).toBeCloseTo(9.06377035298003e-05, 15);
        expect(r.generationLatencyS).toBeCloseTo(22.175021645021644, 10);
        expect(r.modelRequiredMemoryGB).toBeCloseTo(1056, 10);
        expect(r.gpuRequiredCount).toBe(16);
        expect(r.serverEnergyKWh).toBeCloseTo(0.00023098980880230878, 15);
        expect(r.requestItEnergyKWh).toBeCloseTo(0.0016811930652791136, 15);
        expect(r.requestEnergyKWh).toBeCloseTo(0.002017431678334936, 15);
        expect(r.requestUsageKg).toBeCloseTo(0.0007755007371519494, 15);
        expect(r.serverGpuEmbodiedKg).toBeCloseTo(15768, 8);
        expect(r.requestEmbodiedKg).toBeCloseTo(5.7747452200577196e-05, 15);
    });
});

describe('EcoLogitsGenAIExternalAPI and its jobs (values worked out by hand)', () => {
    it('mistralai open-mistral-7b, 1000 output tokens: parameters, PUE, grid, energy and embodied per request (by hand)', async () => {
        const model = await modelOf(genaiModel('provider: mistralai  model_name: "open-mistral-7b"', 'output_token_count: 1000'));
        // EcoLogits data: open-mistral-7b is dense, 7.3 B parameters; mistralai's data centres: SWE, PUE 1.16; SWE grid 0.03582 kg/kWh
        expect(valueIn(model, 'llm', 'model_total_params', '')).toBe(7.3);
        expect(valueIn(model, 'llm', 'model_active_params', '')).toBe(7.3);
        expect(valueIn(model, 'llm', 'data_center_pue', '')).toBe(1.16);
        expect(valueIn(model, 'llm', 'average_carbon_intensity', 'kg/kWh')).toBeCloseTo(0.03582, 12);
        // GPU energy per token: 1.16653e-6 Wh × e^(−0.0112059 × 64) [= 0.488131] × 7.3 + 4.05293e-5 Wh = 4.46860e-5 Wh
        // × 1000 tokens = 0.0446860 Wh = 4.46860e-5 kWh
        expect(valueIn(model, 'ask', 'gpu_energy', 'kWh')).toBeCloseTo(4.4686002842975955e-05, 15);
        // no throughput in the data: latency per token 0.000678509 × 7.3 + 0.000311931 × 64 + 0.0194737 = 0.0443904 s; × 1000 = 44.3904 s
        expect(valueIn(model, 'ask', 'generation_latency', 's')).toBeCloseTo(44.390417883156424, 10);
        expect(valueIn(model, 'ask', 'request_duration', 's')).toBeCloseTo(44.390417883156424, 10);
        // memory 1.2 × 7.3 × 16 / 8 = 17.52 GB -> 1 GPU of 80 GB
        expect(valueIn(model, 'ask', 'model_required_memory', 'GB_ram')).toBeCloseTo(17.52, 12);
        expect(valueIn(model, 'ask', 'gpu_required_count', '')).toBe(1);
        // server: 44.3904 s / 3600 × 1.2 kW × 1/8 / 64 = 2.89000e-5 kWh; IT: + 1 × 4.46860e-5 = 7.35860e-5 kWh; × PUE 1.16 = 8.53598e-5 kWh
        expect(valueIn(model, 'ask', 'server_energy', 'kWh')).toBeCloseTo(2.890001164267996e-05, 15);
        expect(valueIn(model, 'ask', 'request_it_energy', 'kWh')).toBeCloseTo(7.358601448565592e-05, 15);
        expect(valueIn(model, 'ask', 'request_energy', 'kWh')).toBeCloseTo(8.535977680336086e-05, 15);
        // usage: 8.53598e-5 kWh × 0.03582 kg/kWh = 3.05759e-6 kg
        expect(valueIn(model, 'ask', 'request_usage_gwp', 'kg')).toBeCloseTo(3.057587205096386e-06, 16);
        // embodied: 1/8 × 5700 kg + 1 × 273 kg = 985.5 kg; × 44.3904 s / (94 608 000 s × 64) = 7.22500e-6 kg
        expect(valueIn(model, 'ask', 'server_gpu_embodied_gwp', 'kg')).toBeCloseTo(985.5, 10);
        expect(valueIn(model, 'ask', 'request_embodied_gwp', 'kg')).toBeCloseTo(7.225002910669991e-06, 16);
        // 5 bytes per token
        expect(valueIn(model, 'ask', 'data_transferred', 'kB')).toBeCloseTo(5, 12);
    });

    it('openai gpt-4o (mixture of experts, 44-132 B active), 1000 tokens: the range\'s middle and 16 GPUs (by hand)', async () => {
        const model = await modelOf(genaiModel('provider: openai  model_name: "gpt-4o"', 'output_token_count: 1000'));
        expect(valueIn(model, 'llm', 'model_total_params', '')).toBe(440);
        expect(valueIn(model, 'llm', 'model_active_params', '')).toBe(88);
        // latency: (0.000678509 × 88 + 0.000311931 × 64 + 0.0194737) × 1000 = 99.1461 s; memory 1056 GB -> 14 GPUs -> 16
        expect(valueIn(model, 'ask', 'generation_latency', 's')).toBeCloseTo(99.14607880459047, 10);
        expect(valueIn(model, 'ask', 'gpu_required_count', '')).toBe(16);
        // server 99.1461/3600 × 1.2 × 16/8 / 64 = 0.00103277 kWh; IT + 16 × 9.06377e-5 = 0.00248297; × PUE 1.2 = 0.00297957 kWh
        expect(valueIn(model, 'ask', 'request_energy', 'kWh')).toBeCloseTo(0.0029795698928295465, 15);
        // × USA grid 0.38355 kg/kWh = 0.00114281 kg
        expect(valueIn(model, 'ask', 'request_usage_gwp', 'kg')).toBeCloseTo(0.0011428140323947727, 15);
        // embodied 2 × 5700 + 16 × 273 = 15 768 kg; × 99.1461 / (94 608 000 × 64) = 0.000258193 kg
        expect(valueIn(model, 'ask', 'request_embodied_gwp', 'kg')).toBeCloseTo(0.000258192913553621, 15);
    });

    it('the system counts N requests an hour in ExternalAPIs: N × per-request emissions every hour (by hand)', async () => {
        // 100 journeys an hour, one call each, for one day (24 h), open-mistral-7b with 1000 tokens
        const model = await modelOf(genaiModel('provider: mistralai  model_name: "open-mistral-7b"', 'output_token_count: 1000'));
        const summary = summarizeSystem(model, model.lookup('app')!);
        const external = summary.categories.find(c => c.category === 'ExternalAPIs')!;
        // per hour: request × 1 h / 44.39 s × (100 × 44.39 s / 1 h) averaged occurrences = 100 × request; × 24 h
        expect(external.energy).toBeCloseTo(24 * 100 * 3.057587205096386e-06, 12);
        expect(external.fabrication).toBeCloseTo(24 * 100 * 7.225002910669991e-06, 12);
        const api = summary.objects.find(o => o.id === 'llm')!;
        expect(api.category).toBe('ExternalAPIs');
        expect(api.className).toBe('EcoLogitsGenAIExternalAPI');
        // energy the API's hardware draws: 24 × 100 × 8.53598e-5 kWh
        const energy = model.findNode('llm', 'instances_energy')!.value!;
        expect(energy.kind).toBe('hourly');
        if (energy.kind === 'hourly') expect(energy.series.sum() / parseUnit('kWh').factor).toBeCloseTo(24 * 100 * 8.535977680336086e-05, 10);
        // the calls' data goes through the usage pattern's network: 100 × 5 kB an hour
        expect(summary.categories.some(c => c.category === 'Network')).toBe(true);
    });

    it('defaults to anthropic claude-opus-4-1 and 1000 tokens', async () => {
        const model = await modelOf(genaiModel('', ''));
        expect(model.lookup('llm')!.text('provider')).toBe('anthropic');
        expect(valueIn(model, 'ask', 'output_token_count', '')).toBe(1000);
        expect(valueIn(model, 'llm', 'data_center_pue', '')).toBeCloseTo(1.115, 12);
    });

    it('reports a model the provider does not have, with the closest name', async () => {
        const analysis = await analyze(genaiModel('provider: openai  model_name: "gpt-4oo"', ''));
        const error = analysis.diagnostics.find(d => d.severity === 'error');
        expect(error?.message).toContain("unknown openai model 'gpt-4oo'");
        expect(JSON.stringify(error)).toContain('gpt-4o');
    });
});
