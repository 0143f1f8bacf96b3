/**
 * The plugin's NaN bug. For AWS types CCF maps to several microarchitectures (c5*, r5*, m4*, i3en*: 53
 * types), the plugin sums the architectures' "Min Watts" and "Max Watts", which its data holds as strings:
 * `0 + "0.64" + "0.65"` concatenates, the mean becomes NaN and so does the linear energy. The spline does
 * not use those watts and is unaffected.
 *
 * efp computes what the plugin means by default (the mean of the architectures) and says so; the
 * compatibility mode reproduces the NaN for someone checking efp against the plugin's outputs.
 */
import type { PluginInstance } from './plugin-catalogue.js';
import type { Interpolation } from './watts-interpolation.js';

/** True when the real plugin's energy for this observation is NaN. */
export function pluginEnergyIsNaN(instance: PluginInstance, interpolation: Interpolation): boolean {
    return instance.pluginEnergyIsNaN && interpolation === 'linear';
}

/** The note efp attaches when it departs from the plugin. */
export function nanBugNote(instance: PluginInstance): string {
    return `the Impact Framework plugin returns NaN energy for ${instance.vendor} ${instance.name} (CCF maps it to several microarchitectures and the plugin adds their watts as text); efp uses the mean of the architectures (the compatibility mode reproduces the NaN)`;
}
