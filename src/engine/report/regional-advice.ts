import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { totalOf } from '../model/values.js';
import { COUNTRIES } from '../data/countries.js';
import { cloudProvider, cloudRegion, regionNames } from '../cloud/cloud-catalogue.js';

/** A place a server could run instead, and what its energy footprint would be there. */
export interface LocationOption {
    readonly kind: 'country' | 'region';
    /** The country's .efp name, or the cloud region's id. */
    readonly name: string;
    /** g CO2e/kWh. */
    readonly intensity: number;
    /** The data centre's PUE (cloud regions), when it changes with the move. */
    readonly pue?: number;
    /** kg CO2e of energy over the modeling period there. */
    readonly energyFootprint: number;
    /** kg CO2e saved over the modeling period. */
    readonly saving: number;
    /** saving / current energy footprint. */
    readonly savingShare: number;
}

export interface RegionalAdvice {
    readonly server: EfpObject;
    /** kg CO2e of energy over the modeling period where it runs now. */
    readonly energyFootprint: number;
    /** g CO2e/kWh where it runs now. */
    readonly intensity: number;
    readonly options: readonly LocationOption[];
}

/** `Europe` of `Europe/Paris`: the continent a time zone is on. */
function timezoneArea(timezone: string | undefined): string | undefined {
    return timezone?.includes('/') ? timezone.split('/')[0] : undefined;
}

/** The countries of the usage patterns whose jobs run on the server. */
function usersCountries(model: Model, server: EfpObject): EfpObject[] {
    const patterns = model.relations.jobsOfServer(server).flatMap(job => model.relations.patternsOfJob(job));
    return [...new Set(patterns.map(p => p.ref('country')).filter((c): c is EfpObject => c !== undefined))];
}

function scalar(model: Model, object: EfpObject, attribute: string): number | undefined {
    const v = model.findNode(object.key, attribute)?.value;
    return v?.kind === 'quantity' ? v.value : undefined;
}

/**
 * Where a server's electricity would emit less: the same provider's cloud regions with a lower
 * intensity × PUE for a cloud server (a move within the provider), the countries of e-footprint's table
 * on its users' continents with a lower grid intensity for any other server (same PUE: the same data
 * centre, elsewhere). A
 * server's energy footprint is proportional to its PUE × its grid's intensity (e-footprint:
 * energy × power_usage_effectiveness × average_carbon_intensity), so the saving is that ratio's; its
 * fabrication does not change. The `limit` best options, largest saving first; none for a server
 * without energy footprint or already at the lowest.
 */
export function regionalAdvice(model: Model, server: EfpObject, limit = 3): RegionalAdvice | undefined {
    if (!model.registry.isA(server.className, 'ServerBase')) return undefined;
    const energyValue = model.findNode(server.key, 'energy_footprint')?.value;
    const intensitySi = scalar(model, server, 'average_carbon_intensity');
    const pue = scalar(model, server, 'power_usage_effectiveness');
    if (!energyValue || energyValue.kind === 'dict' || intensitySi === undefined || pue === undefined || intensitySi <= 0) return undefined;
    const energyFootprint = totalOf(energyValue);
    if (!(energyFootprint > 0)) return undefined;
    // kg/J in the engine; g/kWh for people
    const intensity = intensitySi * 1000 * 3.6e6;
    const option = (kind: LocationOption['kind'], name: string, gPerKWh: number, newPue: number): LocationOption => {
        const there = energyFootprint * (gPerKWh * newPue) / (intensity * pue);
        return {
            kind, name, intensity: gPerKWh, pue: kind === 'region' ? newPue : undefined,
            energyFootprint: there, saving: energyFootprint - there, savingShare: 1 - there / energyFootprint
        };
    };
    let options: LocationOption[];
    const provider = server.className === 'BoaviztaCloudServer' ? server.text('provider') : undefined;
    if (provider !== undefined) {
        const p = cloudProvider(provider);
        options = regionNames(p).map(name => cloudRegion(p, name)).map(r => option('region', r.name, r.gramsPerKWh, r.pue));
    } else {
        // the continents its users are on: a data centre can move to a neighbouring country, not anywhere
        const areas = new Set(usersCountries(model, server).map(c => timezoneArea(c.text('timezone'))).filter(a => a !== undefined));
        options = COUNTRIES
            // a grid intensity of 0 is a gap in the data (no country's electricity is free of CO2e)
            .filter(c => c.intensity > 0 && (areas.size === 0 || areas.has(timezoneArea(c.timezone)!)))
            .map(c => option('country', c.id, c.intensity, pue));
    }
    const better = options.filter(o => o.saving > 1e-9 * energyFootprint).sort((a, b) => b.saving - a.saving || a.name.localeCompare(b.name));
    return { server, energyFootprint, intensity, options: better.slice(0, limit) };
}
