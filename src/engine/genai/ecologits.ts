/**
 * EcoLogits' model of one call to a generative-AI API, as e-footprint 22.2.1 uses it (through EcoLogits
 * 0.11): the model's size gives how many GPUs hold it, how long the answer takes and how much energy the
 * GPUs and their server draw; the data centre's PUE and grid give the usage emissions, and a share of the
 * hardware's manufacturing emissions (by time used over its lifetime) gives the embodied emissions.
 * Written from EcoLogits' methodology; the data (EcoLogits 0.11.2) comes from src/engine/data/ecologits-data.ts.
 * EcoLogits 0.11.2 keeps 0.9.1's constants and formulas; what it adds is each model's measured deployment
 * (tokens per second, time to first token), which replaces the latency regression when known.
 */
import { ELECTRICITY_MIX_GWP, GENAI_MODEL_ROWS, GENAI_PROVIDER_ROWS, type GenAIModelRow, type GenAIProviderRow } from '../data/ecologits-data.js';
import { didYouMean, didYouMeanHint } from '../model/diagnostics.js';

/**
 * The hardware and regression constants e-footprint 22.2.1 passes to EcoLogits (EcoLogits 0.11.2's
 * defaults, the same as 0.9.1's, as e-footprint's own serialized test job lists them): an 8-GPU server of
 * 80 GB GPUs.
 */
export const ECOLOGITS_CONSTANTS = {
    /** Bits per weight of a served model. */
    modelQuantizationBits: 16,
    /** GPU energy per token = alpha × e^(beta × batch) × active params (billions) + gamma, in Wh. */
    gpuEnergyAlpha: 1.1665273170451914e-06,
    gpuEnergyBeta: -0.011205921025579175,
    gpuEnergyGamma: 4.052928146734005e-05,
    /** Seconds per token = alpha × active params (billions) + beta × batch + gamma (without a measured throughput). */
    latencyAlpha: 0.0006785088094353663,
    latencyBeta: 0.0003119310311688259,
    latencyGamma: 0.019473717579473387,
    /** GB of memory of one GPU. */
    gpuMemoryGB: 80,
    /** kgCO2e of making one GPU. */
    gpuEmbodiedKg: 273,
    serverGpuCount: 8,
    /** kW drawn by the server without its GPUs. */
    serverPowerKW: 1.2,
    /** kgCO2e of making the server without its GPUs. */
    serverEmbodiedKg: 5700,
    /** Hardware lifetime: three years of 365 days, in seconds. */
    serverLifetimeS: 3 * 365 * 24 * 3600,
    /** Requests a server handles at once. */
    batchSize: 64,
    /** Bytes sent back per generated token (4 characters and 1 byte of JSON), e-footprint's estimate. */
    bytesPerToken: 5
} as const;

export const GENAI_PROVIDERS: readonly string[] = GENAI_PROVIDER_ROWS.map(p => p.name);
export const DEFAULT_GENAI_PROVIDER = 'anthropic';
/** e-footprint's default: an alias of claude-opus-4-5-20251101 in EcoLogits 0.11.2's repository. */
export const DEFAULT_GENAI_MODEL = 'claude-opus-4-5';

/** A provider or model name the offline catalogue does not know, with the closest one it does. */
export class GenAICatalogueError extends Error {
    constructor(message: string, readonly suggestion?: string) {
        super(message);
    }

    get hint(): string | undefined {
        return this.suggestion === undefined ? undefined : didYouMeanHint(this.suggestion);
    }
}

export function genaiProvider(name: string): GenAIProviderRow {
    const row = GENAI_PROVIDER_ROWS.find(p => p.name === name);
    if (!row) {
        throw new GenAICatalogueError(`unknown GenAI provider '${name}': EcoLogits' data has ${GENAI_PROVIDERS.join(', ')}`,
            didYouMean(name, GENAI_PROVIDERS));
    }
    return row;
}

/** Model names of a provider, for completion. */
export function genaiModelNames(provider: string): string[] {
    return GENAI_MODEL_ROWS.filter(m => m.provider === provider).map(m => m.name);
}

export function genaiModel(provider: string, name: string): GenAIModelRow {
    genaiProvider(provider);
    const row = GENAI_MODEL_ROWS.find(m => m.provider === provider && m.name === name);
    if (!row) {
        throw new GenAICatalogueError(`unknown ${provider} model '${name}' in EcoLogits' model repository`,
            didYouMean(name, genaiModelNames(provider)));
    }
    return row;
}

/** Grid carbon intensity (kgCO2e/kWh) of a provider's data centres, the world's mix when it has no zone. */
export function providerCarbonIntensity(provider: string): number {
    const zone = genaiProvider(provider).zone || 'WOR';
    const gwp = ELECTRICITY_MIX_GWP[zone];
    if (gwp === undefined) throw new GenAICatalogueError(`no electricity mix for zone '${zone}'`);
    return gwp;
}

// --- The formulas, one per EcoLogits quantity (units in the names) ---

const C = ECOLOGITS_CONSTANTS;

/** Energy (kWh) one GPU spends generating the tokens: a per-token figure that grows with the active parameters. */
export function gpuEnergyKWh(activeParamsB: number, tokens: number): number {
    const whPerToken = C.gpuEnergyAlpha * Math.exp(C.gpuEnergyBeta * C.batchSize) * activeParamsB + C.gpuEnergyGamma;
    return tokens * whPerToken / 1000;
}

/** Seconds per generated token from EcoLogits' latency regression on the active parameters and batch size. */
export function regressionSecondsPerToken(activeParamsB: number): number {
    return C.latencyAlpha * activeParamsB + C.latencyBeta * C.batchSize + C.latencyGamma;
}

/**
 * Seconds to generate the answer, as EcoLogits 0.11.2 decides: a measured throughput (tps) replaces the
 * regression entirely (one token every 1/tps s); a measured time to first token is added whenever it is
 * known, with or without a tps. (EcoLogits also caps the result at the request's measured latency;
 * e-footprint passes an infinite one, so there is no cap here.)
 */
export function generationLatencyS(activeParamsB: number, tokens: number, tps?: number, ttft?: number): number {
    // EcoLogits refuses tps = 0 (its Python raises ZeroDivisionError); the data has none, but say so plainly.
    if (tps !== undefined && !(tps > 0)) throw new GenAICatalogueError(`a measured throughput of ${tps} tokens per second cannot give a latency`);
    const perToken = tps === undefined ? regressionSecondsPerToken(activeParamsB) : 1 / tps;
    return tokens * perToken + (ttft ?? 0);
}

/** GB of GPU memory the weights take, with 20 % overhead. */
export function modelRequiredMemoryGB(totalParamsB: number): number {
    return 1.2 * totalParamsB * C.modelQuantizationBits / 8;
}

/** GPUs that hold the model: enough memory, rounded up to a power of two. */
export function gpuRequiredCount(requiredMemoryGB: number): number {
    const gpus = Math.ceil(requiredMemoryGB / C.gpuMemoryGB);
    return 2 ** Math.ceil(Math.log2(gpus));
}

/** kWh the server (without GPUs) draws for the request: its power, for the latency, for the share of its GPUs the model uses, split over the batch. */
export function serverEnergyKWh(latencyS: number, gpus: number): number {
    return (latencyS / 3600) * C.serverPowerKW * (gpus / C.serverGpuCount) / C.batchSize;
}

/** kWh of the IT equipment: server plus every GPU holding the model. */
export function requestItEnergyKWh(serverKWh: number, gpus: number, gpuKWh: number): number {
    return serverKWh + gpus * gpuKWh;
}

/** kgCO2e of making the share of the server and the GPUs the model occupies. */
export function serverGpuEmbodiedKg(gpus: number): number {
    return (gpus / C.serverGpuCount) * C.serverEmbodiedKg + gpus * C.gpuEmbodiedKg;
}

/** kgCO2e of that hardware's manufacture charged to one request: its time over the lifetime, split over the batch. */
export function requestEmbodiedKg(embodiedKg: number, latencyS: number): number {
    return latencyS * embodiedKg / (C.serverLifetimeS * C.batchSize);
}

export interface LlmRequestImpacts {
    readonly gpuEnergyKWh: number;
    readonly generationLatencyS: number;
    readonly modelRequiredMemoryGB: number;
    readonly gpuRequiredCount: number;
    readonly serverEnergyKWh: number;
    readonly requestItEnergyKWh: number;
    readonly requestEnergyKWh: number;
    readonly requestUsageKg: number;
    readonly serverGpuEmbodiedKg: number;
    readonly requestEmbodiedKg: number;
}

/** Every quantity of one request, from the model's size, the tokens, the data centre's PUE and grid intensity. */
export function llmRequestImpacts(p: {
    activeParamsB: number; totalParamsB: number; tokens: number; pue: number; kgPerKWh: number; tps?: number; ttft?: number;
}): LlmRequestImpacts {
    const gpuKWh = gpuEnergyKWh(p.activeParamsB, p.tokens);
    const latency = generationLatencyS(p.activeParamsB, p.tokens, p.tps, p.ttft);
    const memory = modelRequiredMemoryGB(p.totalParamsB);
    const gpus = gpuRequiredCount(memory);
    const serverKWh = serverEnergyKWh(latency, gpus);
    const it = requestItEnergyKWh(serverKWh, gpus, gpuKWh);
    const energy = p.pue * it;
    const embodied = serverGpuEmbodiedKg(gpus);
    return {
        gpuEnergyKWh: gpuKWh, generationLatencyS: latency, modelRequiredMemoryGB: memory, gpuRequiredCount: gpus,
        serverEnergyKWh: serverKWh, requestItEnergyKWh: it, requestEnergyKWh: energy, requestUsageKg: energy * p.kgPerKWh,
        serverGpuEmbodiedKg: embodied, requestEmbodiedKg: requestEmbodiedKg(embodied, latency)
    };
}
