import { COUNTRIES, type CountryRow } from '../data/countries.js';
import type { Confidence } from '../model/description.js';
import { ARCHETYPE_DEFAULT_SOURCE, ARCHETYPES } from './archetypes.js';
import { countrySourceId } from './sources.js';

/** One value of a built-in object, as the built-in library writes it. */
export interface BuiltinValue {
    /** A number in `unit`, or a text (a time zone). */
    readonly value: number | string;
    /** '' for a number without unit or for a text. */
    readonly unit: string;
    /** The id of one of BUILTIN_SOURCES. */
    readonly source: string;
    readonly confidence?: Confidence;
    readonly comment?: string;
}

/**
 * An object every model can use without declaring it: an archetype of e-footprint or a country of its
 * table, with e-footprint's name for it. The built-in library's text and the hovers on built-in objects
 * are both written from these, so what a user reads is what the model uses.
 */
export interface BuiltinObject {
    /** Its .efp name (`laptop`, `United_Kingdom`). */
    readonly id: string;
    readonly className: string;
    /** e-footprint's name ("Default laptop", "United Kingdom"). */
    readonly name: string;
    /** One sentence, in efp's words. */
    readonly description: string;
    /** Its values by input name, in the order e-footprint gives them. */
    readonly inputs: Readonly<Record<string, BuiltinValue>>;
}

function countryObject(c: CountryRow): BuiltinObject {
    // e-footprint truncates the published intensity to whole g/kWh and rates it high confidence
    const intensity = Math.trunc(c.intensity);
    return {
        id: c.id, className: 'Country', name: c.name,
        description: `The electricity grid of ${c.name} (${c.code}): Our World in Data's ${c.year} carbon intensity, and its time zone.`,
        inputs: {
            average_carbon_intensity: {
                value: intensity, unit: 'g/kWh', source: countrySourceId(c.year), confidence: 'high',
                comment: `${c.code}, ${c.year}: ${c.intensity} gCO2/kWh`
            },
            // e-footprint cites "user data" for a country's time zone
            timezone: { value: c.timezone, unit: '', source: 'user_data' }
        }
    };
}

let all: readonly BuiltinObject[] | undefined;
let byId: Map<string, BuiltinObject> | undefined;

/** The archetypes, then the countries. */
export function builtinObjects(): readonly BuiltinObject[] {
    return all ??= [
        ...ARCHETYPES.map(a => ({
            id: a.id, className: a.className, name: a.name, description: a.description,
            inputs: Object.fromEntries(Object.entries(a.inputs).map(([name, v]) => [name, { ...v, source: v.source ?? ARCHETYPE_DEFAULT_SOURCE }]))
        })),
        ...COUNTRIES.map(countryObject)
    ];
}

/** The built-in object with this .efp name, if there is one. */
export function builtinObject(id: string): BuiltinObject | undefined {
    byId ??= new Map(builtinObjects().map(o => [o.id, o]));
    return byId.get(id);
}
