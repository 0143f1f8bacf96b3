/**
 * e-footprint's EcoLogitsGenAIExternalAPI and EcoLogitsGenAIExternalAPIJob, offline: calls to a
 * generative-AI API (OpenAI, Anthropic, Mistral…) whose per-call energy and embodied emissions follow
 * EcoLogits' model (src/engine/genai/ecologits.ts) and data (src/engine/data/ecologits-data.ts).
 * e-footprint keeps the hourly footprints on a hidden EcoLogitsGenAIExternalAPIServer; efp keeps them on
 * the API itself, which the system counts in its ExternalAPIs category.
 */
import type { CalculatedSpec, ClassSpec, FormulaDefinition } from '../model/class-spec.js';
import { jobCalculations } from './job.js';
import { ONE_HOUR, sumOfItems, valueOf } from '../formulas/formula-values.js';
import { formula, nodeOf, onEach, own } from '../formulas/operands.js';
import {
    DEFAULT_GENAI_MODEL, DEFAULT_GENAI_PROVIDER, ECOLOGITS_CONSTANTS, GENAI_PROVIDERS, GenAICatalogueError, genaiModel, genaiProvider,
    generationLatencyS, gpuEnergyKWh, gpuRequiredCount, modelRequiredMemoryGB, providerCarbonIntensity, requestEmbodiedKg,
    requestItEnergyKWh, serverEnergyKWh, serverGpuEmbodiedKg
} from '../genai/ecologits.js';
import type { GenAIModelRow } from '../data/ecologits-data.js';
import { ModelError, suggestionData } from '../model/diagnostics.js';
import { EMPTY, multiply, quantity, scalarOf, sum, type NumericValue } from '../model/values.js';
import { parseUnit } from '../units/unit.js';
import { Dimension } from '../units/dimension.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { Node } from '../model/node.js';

function inUnit(value: number, unit: string): NumericValue {
    const u = parseUnit(unit);
    return quantity(value * u.factor, u.dimension);
}

/** The number a node holds, in `unit`. */
function numberIn(node: Node, unit: string): number {
    return scalarOf(valueOf(node), node.attribute) / parseUnit(unit).factor;
}

/** The number a node holds, in `unit`, or undefined when it is empty (a deployment figure EcoLogits lacks). */
function optionalNumberIn(node: Node, unit: string): number | undefined {
    return valueOf(node).kind === 'empty' ? undefined : numberIn(node, unit);
}

function lookUp<T>(find: () => T, object: EfpObject, input: string): T {
    try {
        return find();
    } catch (e) {
        if (e instanceof GenAICatalogueError) {
            // a model EcoLogits dropped (older e-footprint files name some) has no close name to suggest
            const written = object.text(input);
            throw new ModelError('invalid-value', e.message, object.inputs.get(input)?.origin,
                e.hint ?? `Choose one of the ${input === 'provider' ? 'providers' : 'provider\'s models'} EcoLogits lists (completion shows them, data/ecologits/).`,
                written === undefined ? undefined : suggestionData(written, e.suggestion));
        }
        throw e;
    }
}

const providerOf = (api: EfpObject) => api.text('provider') ?? DEFAULT_GENAI_PROVIDER;
const modelOf = (api: EfpObject) => lookUp(() => genaiModel(lookUp(() => genaiProvider(providerOf(api)), api, 'provider').name,
    api.text('model_name') ?? DEFAULT_GENAI_MODEL), api, 'model_name');

/** The catalogue row of the API's model, or undefined when provider or model is unknown (reported elsewhere). */
function catalogueRow(api: EfpObject): GenAIModelRow | undefined {
    try {
        return modelOf(api);
    } catch {
        return undefined;
    }
}

/** Per hour: Σ over the API's jobs of the per-request value × 1 h / request_duration × average occurrences. */
function spreadOverJobs(api: EfpObject, model: Model, perRequest: string, dimension: Dimension): FormulaDefinition {
    const jobs = model.relations.jobsOfExternalApi(api);
    const durations = onEach(jobs, 'request_duration');
    const occurrences = onEach(jobs, 'hourly_avg_occurrences_across_usage_patterns');
    const values = onEach(jobs, perRequest);
    return {
        operands: { request_duration: durations, hourly_avg_occurrences_across_usage_patterns: occurrences, [perRequest]: values },
        operandOrder: jobs.flatMap((_, i) => [durations[i], occurrences[i], values[i]]),
        formula: `Σ over jobs of ${perRequest} × 1 h / request_duration × hourly_avg_occurrences_across_usage_patterns`,
        compute() {
            const parts = jobs.map((_, i) => {
                const occ = valueOf(occurrences[i]);
                if (occ.kind === 'empty') return EMPTY;
                const perHour = scalarOf(valueOf(values[i]), perRequest) * ONE_HOUR / scalarOf(valueOf(durations[i]), 'request_duration');
                return multiply(occ, quantity(perHour, dimension));
            });
            return sum(parts, dimension);
        }
    };
}

const MASS = Dimension.base('mass');
const ENERGY = parseUnit('kWh').dimension;

const apiCalculations: CalculatedSpec[] = [
    {
        name: 'model_total_params', label: 'Total parameter count (in billions)', unit: '',
        define: (api) => formula({},
            'EcoLogits model repository: total parameters of model_name (middle of a range)', () => quantity(modelOf(api).total))
    },
    {
        name: 'model_active_params', label: 'Active parameter count (in billions)', unit: '',
        define: (api) => formula({},
            'EcoLogits model repository: parameters active per token of model_name (middle of a range)', () => quantity(modelOf(api).active))
    },
    {
        // e-footprint's EcoLogitsGenAIExternalAPI reads both deployment figures the same way: empty when
        // EcoLogits' repository has no measurement for the model. An unknown model is reported once, by the
        // parameter counts, not again here.
        name: 'tokens_per_second', label: 'Tokens per second', unit: '', emptyBecause: 'EcoLogits has not measured this model',
        define: (api) => formula({},
            'EcoLogits model repository: measured generation speed (deployment tps) of model_name, empty when it has none', () => {
                const tps = catalogueRow(api)?.tps;
                return tps === undefined ? EMPTY : quantity(tps);
            })
    },
    {
        name: 'time_to_first_token', label: 'Time to first token', unit: 's', emptyBecause: 'EcoLogits has not measured this model',
        define: (api) => formula({},
            'EcoLogits model repository: measured time to first token (deployment ttft) of model_name, empty when it has none', () => {
                const ttft = catalogueRow(api)?.ttft;
                return ttft === undefined ? EMPTY : inUnit(ttft, 's');
            })
    },
    {
        name: 'data_center_pue', label: 'Datacenter PUE', unit: '',
        define: (api) => formula({}, 'EcoLogits provider configuration: PUE of the provider\'s data centres',
            () => quantity(lookUp(() => genaiProvider(providerOf(api)), api, 'provider').pue))
    },
    {
        name: 'average_carbon_intensity', label: 'Average carbon intensity of electricity mix', unit: 'kg/kWh',
        define: (api) => formula({},
            'EcoLogits electricity mixes: carbon intensity of the zone of the provider\'s data centres',
            () => inUnit(lookUp(() => providerCarbonIntensity(providerOf(api)), api, 'provider'), 'kg/kWh'))
    },
    { name: 'instances_fabrication_footprint', label: 'Instances fabrication footprint', unit: 'kg', min: 0, define: (api, model) => spreadOverJobs(api, model, 'request_embodied_gwp', MASS) },
    { name: 'instances_energy', label: 'Instances energy', unit: 'kWh', define: (api, model) => spreadOverJobs(api, model, 'request_energy', ENERGY) },
    { name: 'energy_footprint', label: 'Energy footprint', unit: 'kg', min: 0, define: (api, model) => spreadOverJobs(api, model, 'request_usage_gwp', MASS) }
];

/** A generative-AI API, its model from EcoLogits' repository. */
export const EcoLogitsGenAIExternalAPI: ClassSpec = {
    className: 'EcoLogitsGenAIExternalAPI',
    extends: ['ExternalAPI'],
    keyword: 'genai_api',
    article: 'a generative AI API',
    description: 'An external generative-AI API (OpenAI, Anthropic, Mistral…): the model\'s size, the provider\'s data centres and grid set the footprint of each call (EcoLogits).',
    typicalInputs: ['provider', 'model_name'],
    // e-footprint books the API's footprint on a hidden server, and links the API to it; efp books it on the API
    efootprintJson: { derivedFields: ['server'], foldedClasses: ['EcoLogitsGenAIExternalAPIServer'] },
    category: 'ExternalAPIs',
    inputs: [
        {
            type: 'enum', name: 'provider', label: 'Provider', values: GENAI_PROVIDERS, default: DEFAULT_GENAI_PROVIDER,
            description: 'Provider in EcoLogits\' catalogue (anthropic, openai, mistralai, google_genai, cohere, huggingface_hub).'
        },
        {
            type: 'text', name: 'model_name', label: 'Model used', default: DEFAULT_GENAI_MODEL,
            description: 'Model of the provider in EcoLogits\' repository ("gpt-4o", "mistral-large-latest"); it sets the parameter counts and, when EcoLogits has measured them, the tokens per second and time to first token.'
        }
    ],
    calculated: apiCalculations
};

/** A value of the job's API, or empty without one (the missing input is reported). */
function fromApi(job: EfpObject, attribute: string, define: (node: Node) => FormulaDefinition): FormulaDefinition {
    const api = job.ref('external_api');
    if (!api) return formula({}, `external_api.${attribute}`, () => EMPTY);
    return define(nodeOf(api, attribute));
}

const C = ECOLOGITS_CONSTANTS;
const perRequest = (name: string, label: string, unit: string, def: (job: EfpObject, model: Model) => FormulaDefinition): CalculatedSpec =>
    ({ name, label, unit, define: def });

const jobDag: CalculatedSpec[] = [
    perRequest('data_transferred', 'Data transferred', 'kB', job => {
        const tokens = nodeOf(job, 'output_token_count');
        return formula({ output_token_count: tokens }, `${C.bytesPerToken} B per token × output_token_count`, () => inUnit(C.bytesPerToken * numberIn(tokens, ''), 'B'));
    }),
    perRequest('data_stored', 'Data stored by request', 'MB_stored', () => formula({}, '0 (an API call stores nothing)', () => inUnit(0, 'MB_stored'))),
    perRequest('gpu_energy', 'EcoLogits gpu_energy', 'kWh', job => {
        const tokens = nodeOf(job, 'output_token_count');
        return fromApi(job, 'model_active_params', active => formula({ model_active_params: active, output_token_count: tokens },
            `output_token_count × (${C.gpuEnergyAlpha} Wh × e^(${C.gpuEnergyBeta} × batch ${C.batchSize}) × model_active_params + ${C.gpuEnergyGamma} Wh)`,
            () => inUnit(gpuEnergyKWh(numberIn(active, ''), numberIn(tokens, '')), 'kWh')));
    }),
    perRequest('generation_latency', 'EcoLogits generation_latency', 's', job => {
        const tokens = nodeOf(job, 'output_token_count');
        const api = job.ref('external_api');
        if (!api) return formula({}, 'external_api.model_active_params', () => EMPTY);
        const { model_active_params: active, tokens_per_second: tps, time_to_first_token: ttft } = own(api, ['model_active_params', 'tokens_per_second', 'time_to_first_token']);
        // The formula shown is the one EcoLogits applies to this model: its measured speed when it has one,
        // its regression otherwise (plus a measured time to first token either way).
        const row = catalogueRow(api);
        const regression = `output_token_count × (${C.latencyAlpha} s × external_api.model_active_params + ${C.latencyBeta} s × batch ${C.batchSize} + ${C.latencyGamma} s)`;
        if (row?.tps !== undefined) {
            // the active parameters play no part once the speed is measured
            return formula({ time_to_first_token: ttft, output_token_count: tokens, tokens_per_second: tps },
                'external_api.time_to_first_token + output_token_count / external_api.tokens_per_second (EcoLogits\' measured deployment of the model, used instead of its latency regression)',
                () => inUnit(generationLatencyS(0, numberIn(tokens, ''), numberIn(tps, ''), optionalNumberIn(ttft, 's')), 's'));
        }
        if (row?.ttft !== undefined) {
            return formula({ model_active_params: active, output_token_count: tokens, time_to_first_token: ttft },
                `${regression} + external_api.time_to_first_token (EcoLogits\' latency regression: it has not measured the model\'s speed)`,
                () => inUnit(generationLatencyS(numberIn(active, ''), numberIn(tokens, ''), undefined, numberIn(ttft, 's')), 's'));
        }
        return formula({ model_active_params: active, output_token_count: tokens },
            `${regression} (EcoLogits\' latency regression: it has measured neither the model\'s speed nor its time to first token)`,
            () => inUnit(generationLatencyS(numberIn(active, ''), numberIn(tokens, '')), 's'));
    }),
    perRequest('model_required_memory', 'EcoLogits model_required_memory', 'GB_ram', job =>
        fromApi(job, 'model_total_params', total => formula({ model_total_params: total },
            `1.2 × model_total_params × ${C.modelQuantizationBits} bits / 8`, () => inUnit(modelRequiredMemoryGB(numberIn(total, '')), 'GB_ram')))),
    perRequest('gpu_required_count', 'EcoLogits gpu_required_count', '', job => {
        const memory = nodeOf(job, 'model_required_memory');
        return formula({ model_required_memory: memory }, `model_required_memory / ${C.gpuMemoryGB} GB, rounded up to 1, 2, 4, 8… GPUs`,
            () => quantity(gpuRequiredCount(numberIn(memory, 'GB_ram'))));
    }),
    perRequest('server_energy', 'EcoLogits server_energy', 'kWh', job => {
        const operands = own(job, ['generation_latency', 'gpu_required_count']);
        const { generation_latency: latency, gpu_required_count: gpus } = operands;
        return formula(operands, `generation_latency × ${C.serverPowerKW} kW × gpu_required_count / ${C.serverGpuCount} / batch ${C.batchSize}`,
            () => inUnit(serverEnergyKWh(numberIn(latency, 's'), numberIn(gpus, '')), 'kWh'));
    }),
    perRequest('request_it_energy', 'EcoLogits request_it_energy', 'kWh', job => {
        const operands = own(job, ['server_energy', 'gpu_required_count', 'gpu_energy']);
        const { server_energy: server, gpu_required_count: gpus, gpu_energy: gpu } = operands;
        return formula(operands, 'server_energy + gpu_required_count × gpu_energy',
            () => inUnit(requestItEnergyKWh(numberIn(server, 'kWh'), numberIn(gpus, ''), numberIn(gpu, 'kWh')), 'kWh'));
    }),
    perRequest('request_energy', 'EcoLogits request_energy', 'kWh', job => {
        const it = nodeOf(job, 'request_it_energy');
        return fromApi(job, 'data_center_pue', pue => formula({ data_center_pue: pue, request_it_energy: it }, 'external_api.data_center_pue × request_it_energy',
            () => multiply(valueOf(pue), valueOf(it))));
    }),
    perRequest('request_usage_gwp', 'EcoLogits request_usage_gwp', 'kg', job => {
        const energy = nodeOf(job, 'request_energy');
        return fromApi(job, 'average_carbon_intensity', intensity => formula({ request_energy: energy, average_carbon_intensity: intensity },
            'request_energy × external_api.average_carbon_intensity', () => multiply(valueOf(energy), valueOf(intensity))));
    }),
    perRequest('server_gpu_embodied_gwp', 'EcoLogits server_gpu_embodied_gwp', 'kg', job => {
        const gpus = nodeOf(job, 'gpu_required_count');
        return formula({ gpu_required_count: gpus }, `gpu_required_count / ${C.serverGpuCount} × ${C.serverEmbodiedKg} kg + gpu_required_count × ${C.gpuEmbodiedKg} kg`,
            () => inUnit(serverGpuEmbodiedKg(numberIn(gpus, '')), 'kg'));
    }),
    perRequest('request_embodied_gwp', 'EcoLogits request_embodied_gwp', 'kg', job => {
        const operands = own(job, ['server_gpu_embodied_gwp', 'generation_latency']);
        const { server_gpu_embodied_gwp: embodied, generation_latency: latency } = operands;
        return formula(operands, `generation_latency × server_gpu_embodied_gwp / (3 years of 365 days × batch ${C.batchSize})`,
            () => inUnit(requestEmbodiedKg(numberIn(embodied, 'kg'), numberIn(latency, 's')), 'kg'));
    }),
    perRequest('request_duration', 'Request duration', 's', job => {
        const latency = nodeOf(job, 'generation_latency');
        return formula({ generation_latency: latency }, 'generation_latency', () => valueOf(latency));
    })
];

/** One call to a generative-AI API, sized by the tokens it generates. */
export const EcoLogitsGenAIExternalAPIJob: ClassSpec = {
    className: 'EcoLogitsGenAIExternalAPIJob',
    extends: ['ExternalAPIJob'],
    keyword: 'genai_job',
    article: 'a generative AI job',
    description: 'One call to a generative-AI API: its energy, latency and embodied emissions follow from the tokens it generates (EcoLogits).',
    typicalInputs: ['output_token_count'],
    // e-footprint fixes these for a call (0 data stored, compute and RAM) or computes them (data transferred, duration)
    efootprintJson: { derivedFields: ['data_transferred', 'data_stored', 'request_duration', 'compute_needed', 'ram_needed'] },
    onInput: 'external_api',
    inputs: [
        { type: 'ref', name: 'external_api', label: 'External API', classes: ['EcoLogitsGenAIExternalAPI'], description: 'The generative-AI API the call goes to.' },
        {
            type: 'quantity', name: 'output_token_count', label: 'Output token count', unit: '', default: { value: 1000, unit: '' }, min: 0,
            description: 'Tokens the model generates for one call, on average.'
        }
    ],
    calculated: [
        ...jobDag, ...jobCalculations,
        {
            name: 'hourly_occurrences_across_usage_patterns', label: 'Hourly occurrences across usage patterns', unit: 'occurrence',
            define: job => sumOfItems(job, 'hourly_occurrences_per_usage_pattern', Dimension.none)
        }
    ]
};
