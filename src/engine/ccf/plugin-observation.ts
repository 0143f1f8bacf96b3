/**
 * The Impact Framework CloudCarbonFootprint plugin (@grnsft/if-unofficial-plugins 0.3.1) as a function:
 * an observation (`duration` s, `cpu/utilization` %, `cloud/vendor`, `cloud/instance-type`, optionally
 * `cpu/expected-lifespan` years and `interpolation`) in, the same observation with `energy` (kWh, CPU only:
 * no PUE, memory or GPU) and `carbon-embodied` (gCO2e) added. Global config keys override the
 * observation's, as in the plugin. Errors carry the plugin's class and message.
 */
import { didYouMean } from '../model/diagnostics.js';
import { pluginInstance, pluginInstanceTypeNames, type PluginInstance } from './plugin-catalogue.js';
import { linearWatts, splineWatts, type Interpolation } from './watts-interpolation.js';
import { observationEnergyKWh } from './operational-energy.js';
import { pluginEmbodiedGrams } from './embodied-carbon.js';
import { PluginInputError, pluginMessage, validateObservationFields, type ValidObservation } from './plugin-validation.js';
import { nanBugNote, pluginEnergyIsNaN } from './plugin-nan-compatibility.js';

export type Observation = Readonly<Record<string, unknown>>;

export interface PluginConfig {
    /** The plugin's global config: `interpolation: spline` (AWS only) or `linear`. */
    readonly interpolation?: Interpolation;
}

export interface PluginOptions {
    /** Reproduce the plugin's NaN energy for AWS types with several architectures (plugin-nan-compatibility.ts). */
    readonly compatibility?: boolean;
}

export interface ObservationResult {
    /** The observation with `energy` and `carbon-embodied` added (NaN where the plugin gives NaN). */
    readonly output: Observation;
    readonly energyKWh: number;
    readonly embodiedGrams: number;
    /** Where efp departs from the plugin, or a figure is missing. */
    readonly notes: readonly string[];
}

export function ccfPluginObservation(observation: Observation, config: PluginConfig = {}, options: PluginOptions = {}): ObservationResult {
    const merged: Observation = { ...observation, ...config };
    const valid = validateObservationFields(merged);
    const instance = supportedInstance(valid);
    const interpolation = valid.interpolation ?? 'linear';
    const notes: string[] = [];

    let energyKWh: number;
    if (options.compatibility && pluginEnergyIsNaN(instance, interpolation)) {
        energyKWh = NaN;
    } else {
        if (pluginEnergyIsNaN(instance, interpolation)) notes.push(nanBugNote(instance));
        energyKWh = observationEnergyKWh(instanceWatts(instance, interpolation, valid.cpuUtilization), valid.duration);
    }
    const embodiedGrams = pluginEmbodiedGrams({
        platformEmbodiedKg: instance.platformEmbodiedKg, durationSeconds: valid.duration, lifespanYears: valid.lifespanYears,
        vcpus: instance.vcpus, platformVcpus: instance.platformVcpus
    });
    if (Number.isNaN(instance.platformEmbodiedKg)) {
        notes.push(`the plugin's data has no embodied emissions for ${instance.vendor} ${instance.name}: carbon-embodied is NaN`);
    }
    return { output: { ...observation, energy: energyKWh, 'carbon-embodied': embodiedGrams }, energyKWh, embodiedGrams, notes };
}

/** The plugin's `execute`: every observation, or the first error (the plugin fails the whole batch). */
export function ccfPluginExecute(observations: readonly Observation[], config: PluginConfig = {}, options: PluginOptions = {}): Observation[] {
    return observations.map(o => ccfPluginObservation(o, config, options).output);
}

/** The plugin's checks after the schema: interpolation is for AWS only (even "linear"), then the type must be known. */
function supportedInstance(valid: ValidObservation): PluginInstance {
    if (valid.interpolation !== undefined && valid.vendor !== 'aws') {
        throw new PluginInputError('UnsupportedValueError', pluginMessage(`Interpolation ${valid.interpolation} method is not supported`), ['interpolation']);
    }
    const instance = pluginInstance(valid.vendor, valid.instanceType);
    if (!instance) {
        throw new PluginInputError('UnsupportedValueError', pluginMessage(`Instance type ${valid.instanceType} is not supported`),
            ['cloud/instance-type'], didYouMean(valid.instanceType, pluginInstanceTypeNames(valid.vendor)));
    }
    return instance;
}

function instanceWatts(instance: PluginInstance, interpolation: Interpolation, cpuPercent: number): number {
    // the plugin only reaches the spline for AWS (interpolation is refused for the others)
    if (interpolation === 'spline' && instance.wattsCurve) return splineWatts(instance.wattsCurve, cpuPercent);
    return linearWatts(instance.minWattsPerVcpu * instance.vcpus, instance.maxWattsPerVcpu * instance.vcpus, cpuPercent);
}
