/**
 * A region's PUE and grid emission factor in CCF, and energy to emissions. CCF's factors are tonnes CO2e per
 * kWh (location-based); a region CCF does not list takes its cloud's "Unknown" factor, as CCF does.
 * PUE is one figure per cloud, except GCP which publishes it for some regions.
 */
import type { CloudProvider } from '../cloud/cloud-catalogue.js';
import { ccfConstants } from './methodology-constants.js';

export function ccfPue(cloud: CloudProvider, region?: string): number {
    const c = ccfConstants(cloud);
    return (region !== undefined ? c.pueByRegion[region] : undefined) ?? c.pueAverage;
}

export interface GridFactor {
    readonly tonnesPerKWh: number;
    /** False when the region is not listed and the cloud's "Unknown" factor stands in. */
    readonly listed: boolean;
}

export function gridFactor(cloud: CloudProvider, region: string): GridFactor {
    const table = ccfConstants(cloud).gridTonnesPerKWh;
    const own = Object.prototype.hasOwnProperty.call(table, region) && region !== 'Unknown' ? table[region] : undefined;
    return own ? { tonnesPerKWh: own, listed: true } : { tonnesPerKWh: table.Unknown, listed: false };
}

/** CCF's estimateCo2: tCO2e of `kWh` (already including PUE). */
export function co2eTonnes(kWh: number, tonnesPerKWh: number): number {
    return kWh * tonnesPerKWh;
}

/** CCF's estimateKwh: the energy that would emit `tonnes` (CCF reports it for embodied emissions). */
export function kWhFromCo2e(tonnes: number, tonnesPerKWh: number, replicationFactor = 1): number {
    return (tonnes / tonnesPerKWh) * replicationFactor;
}
