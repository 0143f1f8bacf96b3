/**
 * CCF's operational carbon of a cloud instance's energy in a region: energy × PUE × grid factor. The
 * Impact Framework plugin's energy is the instance's CPU energy without PUE; CCF applies the data centre's
 * PUE and the region's location-based grid factor to it.
 */
import type { CloudProvider } from '../cloud/cloud-catalogue.js';
import { ccfPue, co2eTonnes, gridFactor } from './grid-emissions.js';

export interface RegionOperationalCarbon {
    readonly region: string;
    readonly pue: number;
    /** gCO2e per kWh. */
    readonly gridIntensityGPerKWh: number;
    /** False when CCF does not list the region and its cloud's "Unknown" average stands in. */
    readonly gridListed: boolean;
    /** gCO2e. */
    readonly operationalGrams: number;
}

const GRAMS_PER_TONNE = 1e6;

export function regionOperationalCarbon(cloud: CloudProvider, region: string, energyKWh: number): RegionOperationalCarbon {
    const pue = ccfPue(cloud, region);
    const grid = gridFactor(cloud, region);
    return {
        region, pue,
        gridIntensityGPerKWh: grid.tonnesPerKWh * GRAMS_PER_TONNE,
        gridListed: grid.listed,
        operationalGrams: co2eTonnes(energyKWh * pue, grid.tonnesPerKWh) * GRAMS_PER_TONNE
    };
}
