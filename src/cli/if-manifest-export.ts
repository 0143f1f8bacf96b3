/**
 * `efp export --if-manifest`: the model's cloud servers as an Impact Framework manifest running the
 * CloudCarbonFootprint plugin (src/engine/export/if-manifest.ts; one aggregated observation per server,
 * src/engine/ccf/cloud-server-observations.ts). Exit codes as main.ts.
 */
import { basename } from 'node:path';
import { cloudServerObservations, ifManifest, isCloudProvider, pluginInstance, yamlText } from '../engine/index.js';
import { EFP_VERSION } from '../version.js';
import { emit, EXIT_MODEL_ERRORS, EXIT_OK, type Output } from './cli-output.js';
import { evaluatedModel } from './evaluated-model.js';
import { terminalText } from './terminal-text.js';


export async function ifManifestCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    const evaluated = await evaluatedModel(file, io, 'nothing exported');
    if (!evaluated) return EXIT_MODEL_ERRORS;
    const { model } = evaluated;
    const { observations, skipped } = cloudServerObservations(model);
    for (const s of skipped) io.err(terminalText(`efp: note: cloud server ${s.server.id} is left out: ${s.reason}`));
    if (observations.length === 0) {
        io.err(`efp: ${terminalText(file)} has no cloud server with a load to export (declare a \`cloud_server\` that jobs run on)`);
        return EXIT_MODEL_ERRORS;
    }
    for (const o of observations) {
        const note = pluginCaveat(o.vendor, o.instanceType);
        if (note) io.err(terminalText(`efp: note: cloud server ${o.server.id}: ${note}`));
    }
    const manifest = ifManifest(observations, {
        name: model.title ?? basename(file, '.efp'),
        description: `Cloud servers of ${basename(file)}, exported by efp ${EFP_VERSION} for the Impact Framework CloudCarbonFootprint plugin`
    });
    const text = yamlText(manifest, [
        `Impact Framework manifest written by efp ${EFP_VERSION} from ${basename(file)}; run it with if-run (@grnsft/if 1.x).`,
        'One observation per cloud server for the whole modeling period: duration is instance-seconds (3600 x the',
        'instance-hours summed over the hours) and cpu/utilization the instance-hour-weighted mean utilisation, so the',
        'plugin\'s linear energy and embodied carbon equal the sums over the hours.',
        'carbon-operational = energy x power-usage-effectiveness x grid/carbon-intensity, as in CCF; PUE and intensity are the server\'s.'
    ]);
    await emit(text, options.output, io);
    return EXIT_OK;
}

/** What if-run will make of the server's instance type, when it is not a plain answer. */
function pluginCaveat(vendor: string, instanceType: string): string | undefined {
    const instance = isCloudProvider(vendor) ? pluginInstance(vendor, instanceType) : undefined;
    if (!instance) return `the Impact Framework plugin does not support ${vendor} ${instanceType}; if-run will stop on it`;
    if (instance.pluginEnergyIsNaN) {
        return `the Impact Framework plugin returns NaN energy for ${vendor} ${instanceType} (CCF maps it to several microarchitectures and the plugin adds their watts as text)`;
    }
    if (Number.isNaN(instance.platformEmbodiedKg)) return `the Impact Framework plugin has no embodied emissions for ${vendor} ${instanceType}: carbon-embodied will be NaN`;
    return undefined;
}
