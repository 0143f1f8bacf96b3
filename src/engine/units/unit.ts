import { create, all, type MathJsInstance, type Unit as MathUnit } from 'mathjs';
import { BASE_DIMENSIONS, Dimension } from './dimension.js';
import { UNIT_ATOMS, type UnitAtomDefinition } from './unit-atoms.js';

/**
 * A unit as the engine uses it: a dimension and the factor that converts a value in this unit to the
 * engine's internal SI magnitude. Resolved once per written value, never per hour.
 */
export interface Unit {
    readonly dimension: Dimension;
    /** SI magnitude of one of this unit (1 kWh -> 3.6e6 J). */
    readonly factor: number;
    /** How it is written in .efp (`kWh/GB`); empty for a pure number. */
    readonly text: string;
}

interface ResolvedAtom extends UnitAtomDefinition {
    readonly dimension: Dimension;
    readonly factor: number;
}

let mathInstance: MathJsInstance | undefined;
const atomsBySymbol = new Map<string, ResolvedAtom>();
const atomsByPint = new Map<string, ResolvedAtom>();

/** mathjs with e-footprint's custom base units, created on first use. */
function math(): MathJsInstance {
    if (!mathInstance) {
        mathInstance = create(all);
        // order matters: their dimension indices follow mathjs's nine built-in ones
        mathInstance.createUnit('cpucore');
        mathInstance.createUnit('gpu');
        mathInstance.createUnit('byteram');
        mathInstance.createUnit('bytestored');
    }
    return mathInstance;
}

const MATHJS_BASE_ORDER = ['mass', 'length', 'time', 'current', 'temperature', 'luminous_intensity',
    'amount', 'angle', 'data', 'cpu_core', 'gpu', 'data_ram', 'data_stored'] as const;

function resolveAtom(def: UnitAtomDefinition): ResolvedAtom {
    const value = math().evaluate(`1 * (${def.mathjs})`) as number | MathUnit;
    if (typeof value === 'number') {
        return { ...def, dimension: Dimension.none, factor: value };
    }
    // A mathjs Unit keeps its magnitude in SI base units (custom bases count as their own base);
    // data is counted in bits.
    const { dimensions, value: magnitude } = value as unknown as { dimensions: number[]; value: number };
    const exponents = BASE_DIMENSIONS.map(b => dimensions[MATHJS_BASE_ORDER.indexOf(b)] ?? 0);
    return { ...def, dimension: Dimension.of(exponents), factor: magnitude };
}

function ensureAtoms(): void {
    if (atomsBySymbol.size > 0) return;
    for (const def of UNIT_ATOMS) {
        const atom = resolveAtom(def);
        atomsBySymbol.set(def.symbol, atom);
        if (!atomsByPint.has(def.pint)) atomsByPint.set(def.pint, atom);
    }
}

/** Every unit symbol a model may write (for the built-in library and completion). */
export function unitSymbols(): readonly UnitAtomDefinition[] {
    return UNIT_ATOMS;
}

export function unitAtom(symbol: string): ResolvedAtom | undefined {
    ensureAtoms();
    return atomsBySymbol.get(symbol);
}

export const DIMENSIONLESS: Unit = { dimension: Dimension.none, factor: 1, text: '' };

const unitCache = new Map<string, Unit>();

/**
 * Parses a unit written as atoms joined by `*` and `/` with optional integer powers (`kWh/GB`,
 * `kg/TB_stored`, `W/gpu`, `h/day`). Everything after a `/` is in the denominator, as in e-footprint's
 * unit strings. Throws on an unknown atom.
 */
export function parseUnit(text: string): Unit {
    const key = text.trim();
    const cached = unitCache.get(key);
    if (cached) return cached;
    ensureAtoms();
    let dimension = Dimension.none;
    let factor = 1;
    if (key !== '') {
        // pint writes powers `concurrent ** 2`; ours are `concurrent^2`
        const tokens = key.replace(/\s*\*\*\s*/g, '^').split(/\s*([*/])\s*/);
        let sign = 1;
        for (const token of tokens) {
            if (token === '*') continue;
            if (token === '/') { sign = -1; continue; }
            const [name, power] = token.split('^');
            // `1/s` (a frequency, e-footprint's `1 / second`): the 1 is only there to hold the `/`
            if (name === '1' && power === undefined) continue;
            const atom = atomsBySymbol.get(name) ?? atomsByPint.get(name);
            if (!atom) throw new Error(`unknown unit '${name}'`);
            const p = sign * (power === undefined ? 1 : Number(power));
            dimension = dimension.multiply(atom.dimension.power(p));
            factor *= atom.factor ** p;
        }
    }
    const unit: Unit = { dimension, factor, text: key };
    unitCache.set(key, unit);
    return unit;
}

/** The unit's name in e-footprint's JSON (`kilowatt_hour / gigabyte`). */
export function pintName(unit: Unit | string): string {
    const text = typeof unit === 'string' ? unit : unit.text;
    if (text.trim() === '') return 'dimensionless';
    ensureAtoms();
    return text.split(/\s*([*/])\s*/).map(token => {
        if (token === '*' || token === '/') return ` ${token} `;
        const [name, power] = token.split('^');
        const atom = atomsBySymbol.get(name);
        const pint = atom ? atom.pint : name;
        return power === undefined ? pint : `${pint} ** ${power}`;
    }).join('');
}

