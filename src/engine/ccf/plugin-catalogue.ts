/**
 * The instance types the Impact Framework CloudCarbonFootprint plugin (@grnsft/if-unofficial-plugins 0.3.1)
 * knows, with the numbers it computes from (src/engine/data/ccf-data.ts, generated from data/ccf/).
 *
 * This is not the catalogue cloud servers use (src/engine/cloud/): that one averages a type's
 * microarchitectures as CCF does, while the plugin keeps the last row CCF lists for GCP and Azure types,
 * and so must this one for its figures to match the plugin's.
 */
import { CCF_PLUGIN_ROWS } from '../data/ccf-data.js';
import type { CloudProvider } from '../cloud/cloud-catalogue.js';

/** Whole-instance watts measured at 0, 10, 50 and 100 % CPU (Teads' AWS EC2 dataset): the spline's knots. */
export type InstanceWattsCurve = readonly [number, number, number, number];

export interface PluginInstance {
    readonly vendor: CloudProvider;
    readonly name: string;
    readonly vcpus: number;
    /** vCPUs of the platform (bare-metal host): the instance's share of its embodied emissions is vcpus / platformVcpus. */
    readonly platformVcpus: number;
    /** Watts per vCPU at 0 % and 100 % CPU; for AWS types with several microarchitectures, their mean. */
    readonly minWattsPerVcpu: number;
    readonly maxWattsPerVcpu: number;
    /** Embodied emissions of the whole platform, kgCO2e; NaN where the plugin has no figure (GCP a2-ultragpu-1g). */
    readonly platformEmbodiedKg: number;
    /** AWS only: the curve the spline interpolation goes through. */
    readonly wattsCurve?: InstanceWattsCurve;
    /** AWS only: the real plugin's linear energy is NaN for this type (see plugin-nan-compatibility.ts). */
    readonly pluginEnergyIsNaN: boolean;
}

/** The plugin's entry, or undefined when it does not support the type. Names match exactly, as in the plugin. */
export function pluginInstance(vendor: CloudProvider, name: string): PluginInstance | undefined {
    if (vendor === 'aws') {
        const row = own(CCF_PLUGIN_ROWS.aws, name);
        if (!row) return undefined;
        const [vcpus, platformVcpus, minWattsPerVcpu, maxWattsPerVcpu, platformEmbodiedKg, idle, p10, p50, p100, nan] = row;
        return { vendor, name, vcpus, platformVcpus, minWattsPerVcpu, maxWattsPerVcpu, platformEmbodiedKg, wattsCurve: [idle, p10, p50, p100], pluginEnergyIsNaN: nan };
    }
    const row = own(CCF_PLUGIN_ROWS[vendor], name);
    if (!row) return undefined;
    const [vcpus, platformVcpus, minWattsPerVcpu, maxWattsPerVcpu, embodied] = row;
    return { vendor, name, vcpus, platformVcpus, minWattsPerVcpu, maxWattsPerVcpu, platformEmbodiedKg: embodied ?? NaN, pluginEnergyIsNaN: false };
}

/** Instance type names the plugin supports for a vendor (for suggestions). */
export function pluginInstanceTypeNames(vendor: CloudProvider): string[] {
    return Object.keys(CCF_PLUGIN_ROWS[vendor]);
}

// `name in table` (the plugin's test) would also accept "constructor" and other inherited names
function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
