import type { FootprintCategory } from '../model/class-spec.js';
import type { Model } from '../model/model.js';
import { systemsOf } from '../model/footprint-totals.js';
import { summarizeSystem, type ObjectFootprintSummary, type PhaseTotals, type SystemFootprintSummary } from '../report/footprint-summary.js';
import { closeEnough } from './value-equality.js';

/** An old object's id as the new model names it. */
type Rename = (id: string) => string;

/** A figure before and after (kg CO2e), its change and the change relative to before (null when before is 0). */
export interface Change {
    readonly old: number;
    readonly new: number;
    readonly change: number;
    readonly relative: number | null;
}

export interface PhaseChanges {
    readonly total: Change;
    readonly fabrication: Change;
    readonly energy: Change;
}

export interface CategoryFootprintChange extends PhaseChanges {
    readonly category: FootprintCategory;
}

export interface ObjectFootprintChange extends PhaseChanges {
    /** `same` also covers a renamed object (`oldId` then says its old name). */
    readonly status: 'same' | 'added' | 'removed';
    /** The .efp name in the new model (the old one for a removed object). */
    readonly id: string;
    readonly oldId?: string;
    readonly name: string;
    readonly className: string;
    readonly category: FootprintCategory;
}

/** The modeling period of one side: its start (ISO date) and length, and the hours its footprint covers. */
export interface PeriodSummary {
    readonly start: string;
    readonly hours: number;
    readonly duration: string;
    /** The hours the footprint's values cover (SystemFootprintSummary.evaluatedHours): what `perYear` divides by. */
    readonly evaluatedHours: number;
}

export interface SystemFootprintDiff extends PhaseChanges {
    readonly status: 'same' | 'added' | 'removed';
    /** The system's .efp name in the new model (the old one for a removed system). */
    readonly id: string;
    readonly oldId?: string;
    readonly name: string;
    /**
     * The total per year on average over the hours each side's footprint covers (not the declared
     * duration: a usage series of one month in a model of three years is a month of footprint): the
     * figure to compare when the period changed.
     */
    readonly perYear: Change;
    readonly oldPeriod?: PeriodSummary;
    readonly newPeriod?: PeriodSummary;
    /** By category and by object, the largest change (in absolute value) first. */
    readonly categories: readonly CategoryFootprintChange[];
    readonly objects: readonly ObjectFootprintChange[];
}

/**
 * A figure before and after. Two figures equal up to the rounding of floating-point sums (the same model
 * with its values written in other units: value-equality.ts) make no change.
 */
export function change(oldValue: number, newValue: number): Change {
    const delta = closeEnough(oldValue, newValue) ? 0 : newValue - oldValue;
    return { old: oldValue, new: newValue, change: delta, relative: oldValue !== 0 ? delta / Math.abs(oldValue) : null };
}

const ZERO: PhaseTotals = { fabrication: 0, energy: 0 };

function phaseChanges(o: PhaseTotals | undefined, n: PhaseTotals | undefined): PhaseChanges {
    const a = o ?? ZERO, b = n ?? ZERO;
    return {
        total: change(a.fabrication + a.energy, b.fabrication + b.energy),
        fabrication: change(a.fabrication, b.fabrication),
        energy: change(a.energy, b.energy)
    };
}

/** Largest change first; equal changes keep their order (the summary's, for stable output). */
function byChange<T extends PhaseChanges>(items: T[]): T[] {
    return items.map((item, i) => ({ item, i }))
        .sort((a, b) => Math.abs(b.item.total.change) - Math.abs(a.item.total.change) || a.i - b.i)
        .map(x => x.item);
}

function periodOf(s: SystemFootprintSummary): PeriodSummary {
    const plural = s.durationValue !== 1 && /^(year|month|week|day|hour)$/.test(s.durationUnit) ? 's' : '';
    return {
        start: new Date(s.periodStart * 3_600_000).toISOString().slice(0, 10), hours: s.hours,
        duration: `${s.durationValue} ${s.durationUnit}${plural}`, evaluatedHours: s.evaluatedHours
    };
}

/**
 * The footprint of each system before and after, matched as the objects are (`rename` gives an old
 * object's name in the new model): totals, phases, categories and objects, with every figure from
 * summarizeSystem, so that they are the ones `efp eval` prints.
 */
export function diffFootprints(oldModel: Model | undefined, newModel: Model | undefined, rename: Rename): SystemFootprintDiff[] {
    const oldSystems = oldModel ? systemsOf(oldModel).map(s => summarizeSystem(oldModel, s)) : [];
    const newSystems = newModel ? systemsOf(newModel).map(s => summarizeSystem(newModel, s)) : [];
    const result: SystemFootprintDiff[] = [];
    const oldById = new Map(oldSystems.map(s => [rename(s.systemId), s]));
    // a model with one system on each side compares them even when the matching could not tell
    const lone = oldSystems.length === 1 && newSystems.length === 1 && !oldById.has(newSystems[0].systemId) ? oldSystems[0] : undefined;
    const used = new Set<SystemFootprintSummary>();
    for (const n of newSystems) {
        const o = oldById.get(n.systemId) ?? lone;
        if (o) used.add(o);
        result.push(diffSystemSummaries(o, n, rename));
    }
    for (const o of oldSystems) if (!used.has(o)) result.push(diffSystemSummaries(o, undefined, rename));
    return result;
}

/**
 * One system's footprint before and after, from its two summaries (either side may be absent). Also
 * what a scenario's comparison uses: with a simulation_date its figures combine two models, so only
 * their summaries exist.
 */
export function diffSystemSummaries(o: SystemFootprintSummary | undefined, n: SystemFootprintSummary | undefined, rename: Rename = id => id): SystemFootprintDiff {
    const categories = new Map<FootprintCategory, { o?: PhaseTotals; n?: PhaseTotals }>();
    for (const c of o?.categories ?? []) categories.set(c.category, { o: c });
    for (const c of n?.categories ?? []) categories.set(c.category, { ...categories.get(c.category), n: c });
    const key = (row: ObjectFootprintSummary, mapped: string) => `${row.className}|${mapped}`;
    const objects = new Map<string, { o?: ObjectFootprintSummary; n?: ObjectFootprintSummary }>();
    for (const row of n?.objects ?? []) objects.set(key(row, row.id), { n: row });
    for (const row of o?.objects ?? []) {
        const k = key(row, rename(row.id));
        objects.set(k, { ...objects.get(k), o: row });
    }
    const main = (n ?? o)!;
    return {
        status: o && n ? 'same' : n ? 'added' : 'removed',
        id: main.systemId,
        ...(o && n && o.systemId !== n.systemId ? { oldId: o.systemId } : {}),
        name: main.system,
        ...phaseChanges(o, n),
        perYear: change(o?.perYear ?? 0, n?.perYear ?? 0),
        ...(o ? { oldPeriod: periodOf(o) } : {}),
        ...(n ? { newPeriod: periodOf(n) } : {}),
        categories: byChange([...categories.entries()].map(([category, v]) => ({ category, ...phaseChanges(v.o, v.n) }))),
        objects: byChange([...objects.values()].map(({ o: a, n: b }) => {
            const row = (b ?? a)!;
            return {
                status: a && b ? 'same' as const : b ? 'added' as const : 'removed' as const,
                id: row.id,
                ...(a && b && a.id !== b.id ? { oldId: a.id } : {}),
                name: row.name,
                className: row.className,
                category: row.category,
                ...phaseChanges(a, b)
            };
        }))
    };
}
