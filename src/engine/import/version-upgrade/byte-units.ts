/**
 * The three ways e-footprint's upgrades mark a byte unit as RAM (`_ram`) or storage (`_stored`) over the
 * versions. Each step keeps its own rule, spacing quirks included, so a unit comes out as e-footprint's does.
 */

/** A unit is a timeseries' when the value has hourly or weekly values. */
export function isTimeseries(v: { [key: string]: unknown }): boolean {
    return 'compressed_values' in v || 'values' in v || 'recurring_values' in v;
}

/**
 * 12→13's rule: a unit with a `b` or `byte` in it and no `_ram` gets `_ram` — appended to a unit ending in
 * `byte`, else after every `B` (`GB` -> `GB_ram`). `gigabyte / gpu` matches neither and stays (19→20 fixes it).
 */
export function ramUnitV13(unit: string): string {
    if (unit.includes('_ram') || !unit.toLowerCase().includes('b')) return unit;
    return unit.endsWith('byte') ? unit + '_ram' : unit.split('B').join('B_ram');
}

/**
 * 17→18's rule for storage: only the last factor of a ratio is marked, and the parts are joined again with
 * `' / '` without trimming the first ones (`kilogram / terabyte` -> `kilogram  / terabyte_stored`, two spaces).
 */
export function storedUnitV18(unit: string): string {
    if (unit.includes('_stored') || unit.includes('_ram')) return unit;
    if (unit.includes('/')) {
        const parts = unit.split('/');
        parts[parts.length - 1] = storedUnitV18(parts[parts.length - 1].trim());
        return parts.join(' / ');
    }
    return unit.endsWith('byte') || unit.endsWith('B') ? unit + '_stored' : unit;
}

/** 19→20's rule: every factor of a ratio that ends in `byte`, `B` or `bit` gets the suffix, unless it has one. */
export function withSuffixOnByteTokensV20(unit: string, suffix: 'ram' | 'stored'): string {
    return unit.split('/').map(token => {
        const bare = token.trim();
        if (bare.includes('_stored') || bare.includes('_ram')) return token;
        const isByte = ['byte', 'B', 'bit'].some(end => bare.endsWith(end)) && bare !== 'gpu';
        return isByte ? token.split(bare).join(`${bare}_${suffix}`) : token;
    }).join('/');
}

/** 19→20's rule for a per-byte ratio that means plain (network) bytes: `_stored` and `_ram` come off. */
export function withoutByteSuffixesV20(unit: string): string {
    return unit.split('/').map(token => {
        const bare = token.trim();
        for (const tag of ['_stored', '_ram']) {
            if (bare.endsWith(tag)) return token.split(bare).join(bare.slice(0, -tag.length));
        }
        return token;
    }).join('/');
}
