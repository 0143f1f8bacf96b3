/**
 * The offline cloud catalogue: instance types and regions of AWS, GCP and Azure from Cloud Carbon
 * Footprint's coefficients (data/ccf/, generated into src/engine/data/cloud-catalogue-data.ts). It stands
 * in for the Boavizta API that e-footprint's BoaviztaCloudServer calls over the network.
 */
import { CLOUD_INSTANCE_ROWS, CLOUD_REGION_ROWS } from '../data/cloud-catalogue-data.js';
import { didYouMean, didYouMeanHint } from '../model/diagnostics.js';

export const CLOUD_PROVIDERS = ['aws', 'gcp', 'azure'] as const;
export type CloudProvider = typeof CLOUD_PROVIDERS[number];

/** One instance type, as CCF describes it. */
export interface CloudInstanceType {
    readonly provider: CloudProvider;
    /** The catalogue's spelling (`m5.large`, `n2-standard-2`, `D2s v3`). */
    readonly name: string;
    readonly vcpus: number;
    /** vCPUs of the bare-metal server ("platform") hosting the instance: the share of it the instance takes. */
    readonly platformVcpus: number;
    readonly memoryGB: number;
    /** Watts per vCPU at 0 % and 100 % CPU (SPECpower whole-server measurements divided by threads). */
    readonly minWattsPerVcpu: number;
    readonly maxWattsPerVcpu: number;
    /** Embodied emissions of the whole platform server, kgCO2e (not of the instance). */
    readonly platformEmbodiedKg: number;
}

/** A data-centre region: CCF's location-based grid intensity and the provider's PUE there. */
export interface CloudRegion {
    readonly provider: CloudProvider;
    readonly name: string;
    readonly gramsPerKWh: number;
    readonly pue: number;
}

/** A name the catalogue does not know, with the closest one it does (for "did you mean"). */
export class CloudCatalogueError extends Error {
    constructor(message: string, readonly suggestion?: string) {
        super(message);
    }

    /** One sentence for an editor's quick hint. */
    get hint(): string | undefined {
        return this.suggestion === undefined ? undefined : didYouMeanHint(this.suggestion);
    }
}

export function isCloudProvider(name: string): name is CloudProvider {
    return (CLOUD_PROVIDERS as readonly string[]).includes(name);
}

export function cloudProvider(name: string): CloudProvider {
    const lower = name.toLowerCase();
    if (isCloudProvider(lower)) return lower;
    throw new CloudCatalogueError(`unknown cloud provider '${name}': the offline catalogue has ${CLOUD_PROVIDERS.join(', ')}`,
        didYouMean(name, CLOUD_PROVIDERS));
}

/** Instance type names of a provider, in catalogue order (for completion). */
export function instanceTypeNames(provider: CloudProvider): string[] {
    return Object.keys(CLOUD_INSTANCE_ROWS[provider]);
}

/** Region names of a provider (for completion). */
export function regionNames(provider: CloudProvider): string[] {
    return Object.keys(CLOUD_REGION_ROWS[provider]);
}

/**
 * The catalogue entry of an instance type. Matching ignores case; Azure names may also be written the
 * way Azure's own tools print them (`Standard_D2s_v3` for the catalogue's `D2s v3`).
 */
export function instanceType(provider: CloudProvider, name: string): CloudInstanceType {
    const rows = CLOUD_INSTANCE_ROWS[provider];
    const key = findKey(Object.keys(rows), candidateSpellings(provider, name));
    if (key === undefined) {
        throw new CloudCatalogueError(`unknown ${provider} instance type '${name}' in the offline catalogue`,
            didYouMean(candidateSpellings(provider, name).at(-1)!, Object.keys(rows)));
    }
    const [vcpus, platformVcpus, memoryGB, minWattsPerVcpu, maxWattsPerVcpu, platformEmbodiedKg] = rows[key];
    return { provider, name: key, vcpus, platformVcpus, memoryGB, minWattsPerVcpu, maxWattsPerVcpu, platformEmbodiedKg };
}

/** A region of a provider, by its id (`eu-west-3`, `europe-west1`, `westeurope`); case is ignored. */
export function cloudRegion(provider: CloudProvider, name: string): CloudRegion {
    const rows = CLOUD_REGION_ROWS[provider];
    const key = findKey(Object.keys(rows), [name]);
    if (key === undefined) {
        throw new CloudCatalogueError(`unknown ${provider} region '${name}' in the offline catalogue`, didYouMean(name, Object.keys(rows)));
    }
    const [gramsPerKWh, pue] = rows[key];
    return { provider, name: key, gramsPerKWh, pue };
}

function candidateSpellings(provider: CloudProvider, name: string): string[] {
    const trimmed = name.trim();
    if (provider !== 'azure') return [trimmed];
    // Azure's API names: Standard_D2s_v3 → D2s v3
    return [trimmed, trimmed.replace(/^standard_/i, '').replace(/_/g, ' ')];
}

function findKey(keys: readonly string[], spellings: readonly string[]): string | undefined {
    for (const s of spellings) {
        const lower = s.toLowerCase();
        const found = keys.find(k => k.toLowerCase() === lower);
        if (found !== undefined) return found;
    }
    return undefined;
}
