import { COUNTRIES, type CountryRow } from '../data/countries.js';
import type { Confidence } from '../model/description.js';
import { ARCHETYPES } from './archetypes.js';

/**
 * The built-in objects as values: what `laptop` or `France` means, input by input, with the source and
 * confidence e-footprint gives them. The built-in library's text (src/language/builtin-library.ts) is
 * written from these, and the importer compares an imported object with them to use the built-in instead.
 */

/** e-footprint cites its own `hypothesis` for an archetype's values it gives no other source. */
export const ARCHETYPE_UNSOURCED = 'hypothesis';
/** e-footprint's countries: the Our World in Data intensity, truncated to whole g/kWh, with high confidence. */
export const COUNTRY_INTENSITY_SOURCE = 'our_world_in_data';
export const COUNTRY_INTENSITY_CONFIDENCE: Confidence = 'high';

export function countryIntensity(country: CountryRow): number {
    return Math.trunc(country.intensity);
}

export type BuiltinValue =
    | { readonly kind: 'quantity'; readonly value: number; readonly unit: string; readonly source: string; readonly confidence?: Confidence }
    | { readonly kind: 'text'; readonly value: string; readonly source: string };

export interface BuiltinObject {
    readonly id: string;
    readonly className: string;
    readonly name: string;
    readonly inputs: Readonly<Record<string, BuiltinValue>>;
    /** Fields e-footprint keeps that efp does not model (a country's `short_name`). */
    readonly kept: Readonly<Record<string, string>>;
}

let objects: readonly BuiltinObject[] | undefined;

/** Every built-in object: the archetypes, then the countries. */
export function builtinObjects(): readonly BuiltinObject[] {
    objects ??= [
        ...ARCHETYPES.map((a): BuiltinObject => ({
            id: a.id, className: a.className, name: a.name, kept: {},
            inputs: Object.fromEntries(Object.entries(a.inputs).map(([name, v]) =>
                [name, { kind: 'quantity', value: v.value, unit: v.unit, source: v.source ?? ARCHETYPE_UNSOURCED }]))
        })),
        ...COUNTRIES.map((c): BuiltinObject => ({
            id: c.id, className: 'Country', name: c.name, kept: { short_name: c.code },
            inputs: {
                average_carbon_intensity: {
                    kind: 'quantity', value: countryIntensity(c), unit: 'g/kWh', source: COUNTRY_INTENSITY_SOURCE, confidence: COUNTRY_INTENSITY_CONFIDENCE
                },
                // e-footprint writes a country's time zone as user data
                timezone: { kind: 'text', value: c.timezone, source: 'user_data' }
            }
        }))
    ];
    return objects;
}
