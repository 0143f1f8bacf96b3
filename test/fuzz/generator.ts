import { CLASS_SPECS } from '../../src/engine/classes/registry.js';
import type { ClassSpec, InputSpec } from '../../src/engine/model/class-spec.js';
import { unitSymbols } from '../../src/engine/units/unit.js';
import { ARCHETYPES } from '../../src/engine/library/archetypes.js';
import { COUNTRIES } from '../../src/engine/data/countries.js';
import { enumMember } from '../../src/engine/classes/builtin-enums.js';

/**
 * A grammar-aware generator of .efp text: well-formed-ish models built from the grammar's rules and the
 * engine's class specs (kinds, attribute names, units, enums), with references between the objects it
 * declares, expressions, lists, calls, scenarios, budgets and measurements. Mostly valid, sometimes off
 * (a wrong unit, an unknown name, a strange number), so that every stage of the pipeline is reached.
 */
export type Rng = () => number;

const pick = <T>(next: Rng, items: readonly T[]): T => items[Math.floor(next() * items.length)];
const chance = (next: Rng, p: number): boolean => next() < p;

const UNITS = unitSymbols().map(u => u.symbol);
const ARCHETYPE_IDS = ARCHETYPES.map(a => a.id);
const COUNTRY_IDS = COUNTRIES.map(c => c.id);
const CALLS = ['linear_growth', 'sinusoidal', 'daily_fluctuation', 'volume_growth', 'hourly_values', 'weekly_values', 'constant', 'nosuch_call'];
const ODD_NUMBERS = ['0', '1e308', '1e-320', '99999999999999999999999', '0.000000001', '1_000_000', '3.5e3', '007'];

interface Declared { readonly name: string; readonly spec: ClassSpec }

function number(next: Rng): string {
    if (chance(next, 0.1)) return pick(next, ODD_NUMBERS);
    const n = next() * Math.pow(10, Math.floor(next() * 6));
    return chance(next, 0.5) ? String(Math.round(n)) : n.toFixed(Math.floor(next() * 4));
}

function quantity(next: Rng, unit: string): string {
    const u = chance(next, 0.85) ? unit : pick(next, UNITS);
    return u ? `${number(next)} ${u}` : number(next);
}

function reference(next: Rng, declared: readonly Declared[]): string {
    if (declared.length === 0 || chance(next, 0.05)) return pick(next, ['nowhere', 'France', 'laptop', 'ssd']);
    const target = pick(next, declared);
    if (!chance(next, 0.4)) return target.name;
    const members = [...target.spec.inputs.map(i => i.name), ...target.spec.calculated.map(c => c.name)];
    return members.length > 0 ? `${target.name}.${pick(next, members)}` : target.name;
}

/** An expression of at most `depth` levels: literals, references, calls, lists, arithmetic, conversions. */
export function expression(next: Rng, declared: readonly Declared[], unit: string, depth = 3): string {
    const r = next();
    if (depth <= 0 || r < 0.35) return quantity(next, unit);
    if (r < 0.5) return reference(next, declared);
    if (r < 0.62) return `${expression(next, declared, unit, depth - 1)} ${pick(next, ['+', '-', '*', '/'])} ${expression(next, declared, chance(next, 0.5) ? '' : unit, depth - 1)}`;
    if (r < 0.7) return `(${expression(next, declared, unit, depth - 1)})`;
    if (r < 0.75) return `-${expression(next, declared, unit, depth - 1)}`;
    if (r < 0.8) return `${expression(next, declared, unit, depth - 1)} in ${pick(next, UNITS)}`;
    if (r < 0.93) return call(next, declared, unit, depth - 1);
    if (r < 0.97) return `"${pick(next, ['emissions.csv', 'Europe/Paris', 'gpt-4o', '', 'é'])}"`;
    return `${2025 + Math.floor(next() * 5)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`;
}

function call(next: Rng, declared: readonly Declared[], unit: string, depth: number): string {
    const fn = pick(next, CALLS);
    const args: string[] = [];
    if (fn === 'hourly_values' || fn === 'weekly_values') {
        const count = fn === 'weekly_values' && chance(next, 0.7) ? 168 : Math.floor(next() * 30);
        args.push(`[${Array.from({ length: count }, () => number(next)).join(', ')}]`);
        if (fn === 'hourly_values' && chance(next, 0.7)) args.push(`start_date: 2025-01-01`);
    } else {
        const named = ['amplitude', 'period', 'scale', 'min_hour', 'initial_volume', 'net_growth_rate', 'start', 'end', 'value'];
        for (let i = Math.floor(next() * 3); i >= 0; i--) {
            const name = chance(next, 0.5) ? `${pick(next, named)}: ` : '';
            const per = chance(next, 0.15) ? ` per ${pick(next, ['year', 'month', 'day'])}` : '';
            args.push(`${name}${expression(next, declared, chance(next, 0.5) ? '' : unit, depth)}${per}`);
        }
    }
    return `${fn}(${args.join(', ')})`;
}

function annotations(next: Rng): string {
    let out = '';
    if (chance(next, 0.1)) out += ` source ${pick(next, ['base_ademe_v19', 'our_world_in_data', 'mine', 'nosuch'])}`;
    if (chance(next, 0.1)) out += ` confidence ${pick(next, ['low', 'medium', 'high', 'weird'])}`;
    if (chance(next, 0.1)) out += ` comment "${pick(next, ['why', 'measured', '\\"quoted\\"', 'ünïcödé 🌍'])}"`;
    return out;
}

function inputValue(next: Rng, input: InputSpec, declared: readonly Declared[]): string {
    const ofClasses = (classes: readonly string[]) => {
        const fitting = declared.filter(d => classes.includes(d.spec.className));
        return fitting.length > 0 && !chance(next, 0.1) ? fitting : declared;
    };
    switch (input.type) {
        case 'quantity': return expression(next, declared, input.unit, 2);
        case 'hourly':
            return input.weekly && chance(next, 0.5)
                ? `weekly_values([${Array.from({ length: 168 }, () => number(next)).join(', ')}]) * 1 ${input.unit || 'cpu_core'}`
                : expression(next, declared, input.unit, 3);
        case 'ref': {
            const candidates = ofClasses(input.classes);
            return candidates.length > 0 ? pick(next, candidates).name : pick(next, [...COUNTRY_IDS.slice(0, 5), ...ARCHETYPE_IDS]);
        }
        case 'refs':
        case 'weighted': {
            const candidates = ofClasses(input.classes);
            const items = Array.from({ length: Math.floor(next() * 4) }, () => {
                const name = candidates.length > 0 ? pick(next, candidates).name : pick(next, ARCHETYPE_IDS);
                return input.type === 'weighted' && chance(next, 0.4) ? `${name} * ${number(next)}` : name;
            });
            return `[${items.join(', ')}${chance(next, 0.1) ? ',' : ''}]`;
        }
        case 'enum': return chance(next, 0.9) && input.values.length > 0 ? enumMember(pick(next, input.values)).name : 'not_a_member';
        case 'text': return `"${pick(next, ['emissions.csv', 'Europe/Paris', 'gpt-4o', 'm5.large', 'eu-west-3', 'x'])}"`;
    }
}

function objectDecl(next: Rng, spec: ClassSpec, name: string, declared: readonly Declared[]): string {
    const archetypes = ARCHETYPES.filter(a => a.className === spec.className).map(a => a.id);
    const sameKind = declared.filter(d => d.spec === spec).map(d => d.name);
    const from = chance(next, 0.15) && archetypes.length + sameKind.length > 0 ? ` from ${pick(next, [...archetypes, ...sameKind])}` : '';
    const onTargets = declared.map(d => d.name);
    const on = spec.onInput && chance(next, 0.6) && onTargets.length > 0 ? ` on ${pick(next, onTargets)}` : '';
    const label = chance(next, 0.5) ? ` "${name} label"` : '';
    const inputs = spec.inputs.filter(i => i.name !== spec.onInput || !on);
    const chosen = inputs.filter(() => chance(next, 0.5));
    if (chance(next, 0.05) && inputs.length > 0) chosen.push(pick(next, inputs)); // an attribute given twice
    const body = chosen.map(i => `  ${i.name}: ${inputValue(next, i, declared)}${annotations(next)}`);
    if (chance(next, 0.05)) body.push(`  no_such_attribute: ${number(next)}`);
    return `${spec.keyword} ${name}${label}${from}${on} {\n${body.join('\n')}\n}`;
}

function scenario(next: Rng, index: number, declared: readonly Declared[]): string {
    const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const target = pick(next, declared);
        const inputs = target.spec.inputs;
        if (inputs.length === 0) return '';
        const input = pick(next, inputs);
        return `  ${target.name}.${input.name}: ${inputValue(next, input, declared)}${annotations(next)}`;
    });
    const at = chance(next, 0.6) ? ` at 202${5 + Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}-01` : '';
    return `scenario what_if_${index} "What if ${index}"${at} {\n${changes.join('\n')}\n}`;
}

/** Specs by how often a model has them: the web model's core more often than the rest. */
const CORE = ['Server', 'Storage', 'Job', 'UsageJourneyStep', 'UsageJourney', 'Network', 'UsagePattern', 'System'];

/** A whole model: settings, sources, 3 to 20 objects in an order that mostly declares before use, scenarios and budgets. */
export function generateModel(next: Rng): string {
    const parts: string[] = [];
    if (chance(next, 0.1)) parts.push(`import "${pick(next, ['other.efp', 'missing.efp', '../outside.efp'])}"`);
    if (chance(next, 0.8)) {
        parts.push(`model "Fuzzed ${Math.floor(next() * 1000)}" {\n  start_date: 2025-0${1 + Math.floor(next() * 9)}-01\n  modeling_duration: ${1 + Math.floor(next() * 3)} ${pick(next, ['year', 'month', 'day'])}\n}`);
    }
    if (chance(next, 0.3)) parts.push(`source mine "My measurements" "https://example.org"`);
    const declared: Declared[] = [];
    const count = 3 + Math.floor(next() * 18);
    for (let i = 0; i < count; i++) {
        const spec = chance(next, 0.6)
            ? CLASS_SPECS.find(c => c.className === CORE[Math.min(CORE.length - 1, Math.floor((i / count) * CORE.length))])!
            : pick(next, CLASS_SPECS.filter(c => c.className !== 'Country' || chance(next, 0.2)));
        const name = `${spec.keyword.slice(0, 6)}_${i}`;
        parts.push(objectDecl(next, spec, name, declared));
        declared.push({ name, spec });
    }
    if (declared.length > 0) for (let i = Math.floor(next() * 3) - 1; i >= 0; i--) parts.push(scenario(next, i, declared));
    // shuffle a little: objects may come in any order
    if (chance(next, 0.3) && parts.length > 2) {
        const a = Math.floor(next() * parts.length), b = Math.floor(next() * parts.length);
        [parts[a], parts[b]] = [parts[b], parts[a]];
    }
    return parts.join('\n\n') + '\n';
}
