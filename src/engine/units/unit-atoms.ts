/**
 * The unit names a model may use. Each is defined in mathjs syntax (mathjs does the conversion to SI)
 * and carries the name pint gives it in e-footprint's JSON, so exported values read as e-footprint's.
 */
export interface UnitAtomDefinition {
    /** How the unit is written in .efp. */
    readonly symbol: string;
    /** Its name in e-footprint (pint), e.g. `kilowatt_hour`. */
    readonly pint: string;
    /** The mathjs expression it stands for (mathjs names may not contain `_`). */
    readonly mathjs: string;
    /** What it measures, in a few words (completion and hover detail). */
    readonly description: string;
}

const SI_PREFIXES: Array<[string, string, number]> = [
    ['k', 'kilo', 1e3], ['M', 'mega', 1e6], ['G', 'giga', 1e9], ['T', 'tera', 1e12], ['P', 'peta', 1e15]
];

function prefixed(symbol: string, pint: string, mathjs: (factor: number, prefix: string) => string,
    description: string, prefixes: string[]): UnitAtomDefinition[] {
    const atoms: UnitAtomDefinition[] = [{ symbol, pint, mathjs: mathjs(1, ''), description }];
    for (const [p, name, factor] of SI_PREFIXES) {
        if (!prefixes.includes(p)) continue;
        atoms.push({ symbol: p + symbol, pint: name + pint, mathjs: mathjs(factor, p), description });
    }
    return atoms;
}

export const UNIT_ATOMS: readonly UnitAtomDefinition[] = [
    // mass and emissions (a CO2e mass is a mass)
    { symbol: 'mg', pint: 'milligram', mathjs: 'mg', description: 'mass' },
    { symbol: 'g', pint: 'gram', mathjs: 'g', description: 'mass' },
    { symbol: 'kg', pint: 'kilogram', mathjs: 'kg', description: 'mass' },
    { symbol: 't', pint: 'metric_ton', mathjs: 'tonne', description: 'mass (1000 kg)' },
    { symbol: 'kt', pint: 'kilometric_ton', mathjs: '1000 tonne', description: 'mass' },
    { symbol: 'gCO2e', pint: 'gram', mathjs: 'g', description: 'emissions (CO2 equivalent mass)' },
    { symbol: 'kgCO2e', pint: 'kilogram', mathjs: 'kg', description: 'emissions (CO2 equivalent mass)' },
    { symbol: 'tCO2e', pint: 'metric_ton', mathjs: 'tonne', description: 'emissions (CO2 equivalent mass)' },
    // power and energy
    { symbol: 'mW', pint: 'milliwatt', mathjs: 'mW', description: 'power' },
    ...prefixed('W', 'watt', (_f, p) => `${p}W`, 'power', ['k', 'M', 'G']),
    ...prefixed('Wh', 'watt_hour', (_f, p) => `${p}Wh`, 'energy', ['k', 'M', 'G', 'T']),
    ...prefixed('J', 'joule', (_f, p) => `${p}J`, 'energy', ['k', 'M', 'G']),
    // time (a year is 365.25 days, as in e-footprint and mathjs)
    { symbol: 'ms', pint: 'millisecond', mathjs: 'ms', description: 'time' },
    { symbol: 's', pint: 'second', mathjs: 's', description: 'time' },
    { symbol: 'min', pint: 'minute', mathjs: 'minute', description: 'time' },
    { symbol: 'h', pint: 'hour', mathjs: 'hour', description: 'time' },
    { symbol: 'hour', pint: 'hour', mathjs: 'hour', description: 'time' },
    { symbol: 'hours', pint: 'hour', mathjs: 'hour', description: 'time' },
    { symbol: 'day', pint: 'day', mathjs: 'day', description: 'time' },
    { symbol: 'days', pint: 'day', mathjs: 'day', description: 'time' },
    { symbol: 'week', pint: 'week', mathjs: 'week', description: 'time' },
    { symbol: 'weeks', pint: 'week', mathjs: 'week', description: 'time' },
    { symbol: 'month', pint: 'month', mathjs: 'month', description: 'time (a twelfth of a year)' },
    { symbol: 'months', pint: 'month', mathjs: 'month', description: 'time (a twelfth of a year)' },
    { symbol: 'year', pint: 'year', mathjs: 'year', description: 'time (365.25 days)' },
    { symbol: 'years', pint: 'year', mathjs: 'year', description: 'time (365.25 days)' },
    // data transferred over networks
    ...prefixed('bit', 'bit', f => `${f} bit`, 'data transferred', ['k', 'M', 'G']),
    ...prefixed('B', 'byte', (_f, p) => `${p}B`, 'data transferred', ['k', 'M', 'G', 'T', 'P']),
    // memory and storage: dimensions of their own, counted in bits like transferred data so that a plain
    // GB read as GB_ram keeps its magnitude
    ...prefixed('B_ram', 'byte_ram', f => `${8 * f} byteram`, 'memory (RAM)', ['k', 'M', 'G', 'T']),
    ...prefixed('B_stored', 'byte_stored', f => `${8 * f} bytestored`, 'data stored', ['k', 'M', 'G', 'T', 'P']),
    // computing resources
    { symbol: 'cpu_core', pint: 'cpu_core', mathjs: 'cpucore', description: 'compute (CPU cores)' },
    { symbol: 'gpu', pint: 'gpu', mathjs: 'gpu', description: 'compute (GPUs)' },
    // counts
    { symbol: 'occurrence', pint: 'occurrence', mathjs: '1', description: 'a count of events (summed over time)' },
    { symbol: 'concurrent', pint: 'concurrent', mathjs: '1', description: 'a count of things in progress (averaged over time)' },
    { symbol: 'dimensionless', pint: 'dimensionless', mathjs: '1', description: 'a pure number' },
    { symbol: '%', pint: 'percent', mathjs: '0.01', description: 'a hundredth' }
];
