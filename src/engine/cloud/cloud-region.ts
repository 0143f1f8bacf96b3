/**
 * A cloud server's `region` sets its average_carbon_intensity and power_usage_effectiveness unless the
 * model writes them. Input defaults are fixed per class in the engine, so the region's values are filled
 * into the object's description before the model is built, with the catalogue as their source: they then
 * show, export and trace like any written input. An unknown region is left alone here; the class spec
 * reports it with a suggestion.
 */
import type { ExprDescription, InputDescription, ModelDescription, ObjectDescription, SourceDescription } from '../model/description.js';
import { cloudProvider, cloudRegion, CloudCatalogueError } from './cloud-catalogue.js';
import { cloudRegionInputs } from './cloud-server-inputs.js';

/** The source the region's values cite; the model's sources must include it. */
export const CCF_REGION_SOURCE: SourceDescription = {
    id: 'ccf_cloud_regions',
    name: 'Cloud Carbon Footprint region grid factors and PUE (2024-03)',
    link: 'https://www.cloudcarbonfootprint.org/docs/methodology'
};

/** The default provider when a cloud server does not name one (see cloud-server.ts). */
export const DEFAULT_CLOUD_PROVIDER = 'aws';

/** The object with its region's intensity and PUE filled in where the model leaves them out. */
export function withCloudRegionDefaults(object: ObjectDescription): ObjectDescription {
    const regionName = writtenName(object.inputs.region?.expr);
    if (regionName === undefined) return object;
    let region;
    try {
        region = cloudRegion(cloudProvider(writtenName(object.inputs.provider?.expr) ?? DEFAULT_CLOUD_PROVIDER), regionName);
    } catch (e) {
        if (e instanceof CloudCatalogueError) return object;
        throw e;
    }
    const values = cloudRegionInputs(region);
    const filled: Record<string, InputDescription> = { ...object.inputs };
    const origin = object.inputs.region?.origin;
    const note = `${region.provider} ${region.name} in the offline catalogue`;
    if (!filled.average_carbon_intensity) {
        filled.average_carbon_intensity = {
            expr: { kind: 'number', value: values.averageCarbonIntensityGPerKWh, unit: 'g/kWh' },
            text: `${values.averageCarbonIntensityGPerKWh} g/kWh`, source: CCF_REGION_SOURCE.id, comment: note, origin
        };
    }
    if (!filled.power_usage_effectiveness) {
        filled.power_usage_effectiveness = {
            expr: { kind: 'number', value: values.powerUsageEffectiveness },
            text: `${values.powerUsageEffectiveness}`, source: CCF_REGION_SOURCE.id, comment: note, origin
        };
    }
    return { ...object, inputs: filled };
}

/** The model with every cloud server's region values filled in, and their source declared when used. */
export function withCloudRegions(model: ModelDescription): ModelDescription {
    let changed = false;
    const objects = model.objects.map(object => {
        if (object.className !== 'BoaviztaCloudServer') return object;
        const filled = withCloudRegionDefaults(object);
        if (filled !== object) changed = true;
        return filled;
    });
    if (!changed) return model;
    const sources = model.sources.some(s => s.id === CCF_REGION_SOURCE.id) ? model.sources : [...model.sources, CCF_REGION_SOURCE];
    return { ...model, objects, sources };
}

/** `aws`, `"eu-west-3"`: a name written as a symbol, a bare name or a text. */
export function writtenName(expr: ExprDescription | undefined): string | undefined {
    if (!expr) return undefined;
    if (expr.kind === 'text') return expr.value;
    if (expr.kind === 'symbol') return expr.label ?? expr.name;
    if (expr.kind === 'ref' && expr.path.length === 0) return expr.object;
    return undefined;
}
