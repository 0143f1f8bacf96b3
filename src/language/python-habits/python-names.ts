import { ARCHETYPES, BUILTIN_SOURCES, classSpec, COUNTRIES, didYouMean, efpSymbolOfPint, unitSymbols, type ClassSpec } from '../../engine/index.js';

/**
 * e-footprint's Python names (`u.kilowatt_hour`, `Device.laptop()`, `Countries.FRANCE()`,
 * `Sources.HYPOTHESIS`) and the .efp names of the same things, read from the engine's own tables (its
 * units, archetypes, countries and sources), so that a name efp adds is known here without a list to keep.
 */

let efpSymbols: Set<string> | undefined;

/**
 * The .efp unit for e-footprint's `u.<name>`: the name itself when it is an efp unit (`u.GB`, `u.kWh`),
 * else the unit pint spells `name` (`u.kilowatt_hour` -> `kWh`, `u.percent` -> `%`), as the JSON importer
 * reads it; undefined for a name efp does not know.
 */
export function efpUnitOf(name: string): string | undefined {
    efpSymbols ??= new Set(unitSymbols().map(atom => atom.symbol));
    return efpSymbols.has(name) ? name : efpSymbolOfPint(name);
}

/** The e-footprint class a Python name stands for (`Server`, `UsagePattern`), when it is one efp has. */
export function pythonClass(name: string): ClassSpec | undefined {
    // only e-footprint's spelling of a class name: `server` is an .efp keyword, not Python
    return /^[A-Z]/.test(name) ? classSpec(name) : undefined;
}

/** The built-in archetype e-footprint builds with `<className>.<method>()` (`Device.laptop()` -> `laptop`). */
export function archetypeOf(className: string, method: string): string | undefined {
    return ARCHETYPES.find(a => a.className === className && a.id === method)?.id;
}

/** The built-in archetypes of a class (`laptop`, `smartphone`, … for Device), in the library's order. */
export function archetypesOf(className: string): string[] {
    return ARCHETYPES.filter(a => a.className === className).map(a => a.id);
}

/**
 * The built-in country e-footprint's `Countries.<NAME>()` stands for: the country whose .efp name is NAME
 * but for case (`FRANCE` -> `France`, `UNITED_STATES` -> `United_States`), or whose ISO code it is.
 */
export function countryOf(name: string): string | undefined {
    const upper = name.toUpperCase();
    return (COUNTRIES.find(c => c.id.toUpperCase() === upper) ?? COUNTRIES.find(c => c.code === name))?.id;
}

/** The country name closest to a misspelt `Countries.<NAME>`, as .efp spells it. */
export function closestCountry(name: string): string | undefined {
    return didYouMean(name, COUNTRIES.map(c => c.id));
}

/** The built-in source e-footprint's `Sources.<NAME>` stands for (`HYPOTHESIS` -> `hypothesis`). */
export function sourceOf(name: string): string | undefined {
    const lower = name.toLowerCase();
    return BUILTIN_SOURCES.find(s => s.id === lower)?.id;
}
