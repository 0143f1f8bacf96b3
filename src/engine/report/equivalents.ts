import comparisonFactors from '../../../data/equivalents/comparison_factors.json' with { type: 'json' };

/** One line of `data/equivalents/comparison_factors.json` that converts a mass of CO2e into a count of something. */
interface ComparisonFactor {
    readonly id: string;
    readonly label: string;
    readonly gCO2e_per_unit?: number;
    readonly kWh_per_unit?: number;
    readonly source?: string;
    readonly url?: string;
    readonly licence?: string;
}

/** A footprint told as an everyday quantity, with the factor and where it comes from. */
export interface Equivalent {
    readonly id: string;
    /** What is counted, plural: `smartphone charges`. */
    readonly label: string;
    /** How many of them emit as much CO2e as the footprint. */
    readonly value: number;
    /** Grams of CO2e per unit counted. */
    readonly factor: number;
    readonly source: string;
    readonly url?: string;
    readonly licence?: string;
}

/**
 * The comparisons the dashboard shows, from small to large units so that at least one reads as a
 * human-sized number whatever the footprint. Only CO2e-based factors: the energy-based ones
 * (`kWh_per_unit`) would need the model's energy, not its CO2e.
 */
export const DEFAULT_EQUIVALENTS: readonly string[] = [
    'smartphone_charge_epa_2024',
    'video_streaming_hour',
    'car_km_eu_in_use',
    'tree_month',
    'flight_paris_london'
];

const FACTORS: readonly ComparisonFactor[] = (comparisonFactors as { factors: ComparisonFactor[] }).factors;

/** The factor of that id in the JSON; throws for an unknown or energy-based one (a programming error). */
export function comparisonFactor(id: string): ComparisonFactor & { gCO2e_per_unit: number } {
    const factor = FACTORS.find(f => f.id === id);
    if (!factor || typeof factor.gCO2e_per_unit !== 'number') throw new Error(`no CO2e comparison factor '${id}'`);
    return factor as ComparisonFactor & { gCO2e_per_unit: number };
}

/** `kg` of CO2e as everyday equivalents (the `ids` of comparison_factors.json, in that order). */
export function equivalentsOf(kg: number, ids: readonly string[] = DEFAULT_EQUIVALENTS): Equivalent[] {
    return ids.map(id => {
        const f = comparisonFactor(id);
        return {
            id,
            label: f.label,
            value: (kg * 1000) / f.gCO2e_per_unit,
            factor: f.gCO2e_per_unit,
            source: f.source ?? '',
            url: f.url,
            licence: f.licence
        };
    });
}
