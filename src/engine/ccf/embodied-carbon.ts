/**
 * Embodied emissions of a cloud instance: the platform's manufacturing emissions, spread over its expected
 * lifespan, for the time used and the instance's share of the platform's vCPUs (the Software Carbon
 * Intensity's `M = TE × (TR / EL) × (RR / TR)`). The plugin counts in grams and years, CCF in tonnes and hours.
 */

/** The plugin's default `cpu/expected-lifespan`, years. */
export const PLUGIN_DEFAULT_LIFESPAN_YEARS = 4;
const HOURS_PER_YEAR = 8760;

export interface PluginEmbodiedInput {
    readonly platformEmbodiedKg: number;
    readonly durationSeconds: number;
    /** Years; 0 or missing takes the default, as the plugin's `expectedLifespan || 4` does. */
    readonly lifespanYears?: number;
    readonly vcpus: number;
    readonly platformVcpus: number;
}

/** The plugin's `carbon-embodied`, gCO2e, in its order of operations. */
export function pluginEmbodiedGrams(input: PluginEmbodiedInput): number {
    const durationHours = input.durationSeconds / 3600;
    const lifespanHours = HOURS_PER_YEAR * (input.lifespanYears || PLUGIN_DEFAULT_LIFESPAN_YEARS);
    return input.platformEmbodiedKg * 1000 * (durationHours / lifespanHours) * (input.vcpus / input.platformVcpus);
}

export interface EmbodiedUsage {
    /** Platform embodied emissions (CCF's scope 3), tCO2e. */
    readonly scopeThreeEmissionsTonnes: number;
    readonly usageHours: number;
    readonly serverLifespanHours: number;
    readonly instanceVcpus: number;
    readonly largestInstanceVcpus: number;
}

/** CCF's EmbodiedEmissionsEstimator, tCO2e. */
export function embodiedTonnes(usage: EmbodiedUsage): number {
    return usage.scopeThreeEmissionsTonnes * (usage.usageHours / usage.serverLifespanHours) * (usage.instanceVcpus / usage.largestInstanceVcpus);
}
