import { BUILTIN_ENUMS, BUILTIN_SOURCES, builtinObjects, classSpec, enumMember, unitSymbols, type BuiltinObject, type BuiltinValue } from '../engine/index.js';
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

function valueText(v: BuiltinValue): string {
    const value = typeof v.value === 'string' ? quote(v.value) : v.unit === '' ? String(v.value) : `${v.value} ${v.unit}`;
    // compound units are written as arithmetic on units: `0.05 kWh/GB`
    return `${value} source ${v.source}${v.confidence ? ` confidence ${v.confidence}` : ''}${v.comment ? ` comment ${quote(v.comment)}` : ''}`;
}

/** An object's declaration: its inputs one a line, or all on one line for the long table of countries. */
function objectText(o: BuiltinObject, oneLine: boolean): string {
    const inputs = Object.entries(o.inputs).map(([name, v]) => `${name}: ${valueText(v)}`);
    const head = `${classSpec(o.className)!.keyword} ${o.id} ${quote(o.name)} {`;
    return oneLine ? `${head} ${inputs.join('  ')} }` : [`// ${o.description}`, head, ...inputs.map(i => `    ${i}`), '}'].join('\n');
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
    const objects = builtinObjects();
    lines.push('', '// Archetypes (e-footprint\'s ready-made objects)');
    for (const o of objects) if (o.className !== 'Country') lines.push(objectText(o, false));
    lines.push('', '// Countries: grid carbon intensity (e-footprint truncates it to whole g/kWh) and time zone');
    for (const o of objects) if (o.className === 'Country') lines.push(objectText(o, true));
    cached = lines.join('\n') + '\n';
    return cached;
}
