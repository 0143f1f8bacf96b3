import {
    ARCHETYPE_UNSOURCED, ARCHETYPES, BUILTIN_ENUMS, BUILTIN_SOURCES, classSpec, COUNTRIES, COUNTRY_INTENSITY_CONFIDENCE, COUNTRY_INTENSITY_SOURCE,
    countryIntensity, enumMember, unitSymbols
} from '../engine/index.js';
import { BUILTIN_LIBRARY_SCHEME } from './protocol.js';

/**
 * Where the built-in library lives (as `URI.toString()` spells it): go to definition on `France` or `ssd`
 * lands there, and the VS Code extension shows it read-only, its text asked of the server
 * (`BuiltinLibraryRequest`).
 */
export const BUILTIN_LIBRARY_URI = `${BUILTIN_LIBRARY_SCHEME}:/library.efp`;

function quote(text: string): string {
    return JSON.stringify(text);
}

function quantityText(value: number, unit: string): string {
    if (unit === '') return String(value);
    // compound units are written as arithmetic on units: `0.05 kWh/GB`
    return `${value} ${unit}`;
}

let cached: string | undefined;

/**
 * The built-in library as .efp text: units, enumerated values, e-footprint's sources, its country table
 * and its archetypes. Generated from the engine's data so that the two never disagree.
 */
export function builtinLibraryText(): string {
    if (cached) return cached;
    const lines: string[] = [
        '// The efp built-in library: every name a model can use without declaring it.',
        '// Generated from efp\'s engine data; country intensities from Our World in Data (CC BY 4.0).',
        '',
        '// Units'
    ];
    for (const unit of unitSymbols()) lines.push(`unit ${unit.symbol} ${quote(unit.description)}`);
    lines.push('', '// Enumerated values');
    for (const e of BUILTIN_ENUMS) {
        const members = e.values.map(v => enumMember(v)).map(m => (m.label !== undefined ? `${m.name} ${quote(m.label)}` : m.name));
        lines.push(`enum ${e.name} { ${members.join(', ')} }`);
    }
    lines.push('', '// Sources');
    for (const s of BUILTIN_SOURCES) lines.push(`source ${s.id} ${quote(s.name)}${s.link ? ' ' + quote(s.link) : ''}`);
    lines.push('', '// Archetypes (e-footprint\'s ready-made objects)');
    for (const a of ARCHETYPES) {
        const keyword = classSpec(a.className)!.keyword;
        lines.push(`// ${a.description}`, `${keyword} ${a.id} ${quote(a.name)} {`);
        for (const [name, v] of Object.entries(a.inputs)) {
            lines.push(`    ${name}: ${quantityText(v.value, v.unit)} source ${v.source ?? ARCHETYPE_UNSOURCED}`);
        }
        lines.push('}');
    }
    lines.push('', '// Countries: grid carbon intensity (e-footprint truncates it to whole g/kWh) and time zone');
    for (const c of COUNTRIES) {
        lines.push(`country ${c.id} ${quote(c.name)} { average_carbon_intensity: ${countryIntensity(c)} g/kWh source ${COUNTRY_INTENSITY_SOURCE} confidence ${COUNTRY_INTENSITY_CONFIDENCE} `
            + `comment ${quote(`${c.code}, ${c.year}: ${c.intensity} gCO2/kWh`)}  timezone: ${quote(c.timezone)} }`);
    }
    cached = lines.join('\n') + '\n';
    return cached;
}
