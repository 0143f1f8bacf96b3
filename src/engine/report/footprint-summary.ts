import type { FootprintCategory } from '../model/class-spec.js';
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { Origin } from '../model/description.js';
import { CATEGORIES, systemFootprints, type ObjectFootprint } from '../model/footprint-totals.js';
import { totalOf, type NumericValue } from '../model/values.js';
import { totalsByYear } from '../model/yearly-totals.js';
import { HOURS_PER_YEAR } from './hours-per-year.js';

export { HOURS_PER_YEAR };

export type Phase = 'fabrication' | 'energy';

/** Kilograms of CO2e in the two life-cycle phases e-footprint separates. */
export interface PhaseTotals {
    readonly fabrication: number;
    readonly energy: number;
}

export interface ObjectFootprintSummary extends PhaseTotals {
    readonly id: string;
    readonly name: string;
    readonly className: string;
    readonly category: FootprintCategory;
    readonly origin?: Origin;
}

export interface CategoryFootprintSummary extends PhaseTotals {
    readonly category: FootprintCategory;
}

export interface YearFootprintSummary extends PhaseTotals {
    /** Calendar year (UTC). */
    readonly year: number;
}

/**
 * A system's footprint in plain numbers (kg CO2e): what the CLI prints, the dashboard draws and the
 * status bar shows, computed once so that all three agree.
 */
export interface SystemFootprintSummary extends PhaseTotals {
    readonly systemId: string;
    readonly system: string;
    readonly title?: string;
    /** First hour of the modeling period, in hours since 1970-01-01 UTC. */
    readonly periodStart: number;
    readonly hours: number;
    readonly durationValue: number;
    readonly durationUnit: string;
    readonly total: number;
    /**
     * The hours the footprint's values cover: from the first hour any of its series starts to the last
     * hour any ends; a single value (no series) counts as the whole period. The modeling period's length
     * when the series span it, as they do when the usage is written with `constant`, `linear_growth`…;
     * shorter when they are shorter (`hourly_values` of one month in a model of three years).
     */
    readonly evaluatedHours: number;
    /** The total per year on average over the hours evaluated (`evaluatedHours`). */
    readonly perYear: number;
    readonly categories: readonly CategoryFootprintSummary[];
    readonly objects: readonly ObjectFootprintSummary[];
    readonly years: readonly YearFootprintSummary[];
}

/** One hourly series of a system's footprint: a category in a phase, kg CO2e per hour of the period. */
export interface FootprintSeries {
    readonly category: FootprintCategory;
    readonly phase: Phase;
    readonly values: Float64Array;
}

export function summarizeSystem(model: Model, system: EfpObject): SystemFootprintSummary {
    return summarizeFootprints(model, system, systemFootprints(model, system));
}

/** The same from given footprint rows (a scenario's: the baseline's before its date, its own from then on). */
export function summarizeFootprints(model: Model, system: EfpObject, rows: readonly ObjectFootprint[]): SystemFootprintSummary {
    const objects: ObjectFootprintSummary[] = rows.map(r => ({
        id: r.object.id,
        name: r.object.name,
        className: r.object.className,
        category: r.category,
        origin: r.object.origin,
        fabrication: totalOf(r.fabrication),
        energy: totalOf(r.energy)
    }));
    const categories: CategoryFootprintSummary[] = [];
    for (const category of CATEGORIES) {
        const members = objects.filter(o => o.category === category);
        if (members.length === 0) continue;
        categories.push({ category, fabrication: sum(members, 'fabrication'), energy: sum(members, 'energy') });
    }
    const byYear = new Map<number, { fabrication: number; energy: number }>();
    const addYears = (value: NumericValue, phase: Phase) => {
        for (const [year, kg] of totalsByYear(value)) {
            const entry = byYear.get(year) ?? { fabrication: 0, energy: 0 };
            entry[phase] += kg;
            byYear.set(year, entry);
        }
    };
    for (const r of rows) {
        addYears(r.fabrication, 'fabrication');
        addYears(r.energy, 'energy');
    }
    const fabrication = sum(objects, 'fabrication');
    const energy = sum(objects, 'energy');
    const total = fabrication + energy;
    const evaluatedHours = evaluatedSpan(model, rows);
    const years = evaluatedHours / HOURS_PER_YEAR;
    return {
        systemId: system.id,
        system: system.name,
        title: model.title,
        periodStart: model.period.start,
        hours: model.period.length,
        evaluatedHours,
        durationValue: model.period.durationValue,
        durationUnit: model.period.durationUnit,
        fabrication,
        energy,
        total,
        perYear: years > 0 ? total / years : total,
        categories,
        objects,
        years: [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, ...v }))
    };
}

/** The hours from the first any footprint row covers to the last; a scalar covers the period; no row, the period. */
function evaluatedSpan(model: Model, rows: readonly ObjectFootprint[]): number {
    const { start, length } = model.period;
    let first = Infinity, end = -Infinity;
    const cover = (value: NumericValue) => {
        if (value.kind === 'empty') return;
        const [from, to] = value.kind === 'quantity' ? [start, start + length] : [value.series.start, value.series.end];
        if (to <= from) return;
        first = Math.min(first, from);
        end = Math.max(end, to);
    };
    for (const r of rows) {
        cover(r.fabrication);
        cover(r.energy);
    }
    return end > first ? end - first : length;
}

/**
 * The system's footprint hour by hour, one series per category and phase that has any, each as long as
 * the modeling period (hours a value does not cover count as zero).
 */
export function systemFootprintSeries(model: Model, system: EfpObject): FootprintSeries[] {
    const { start, length } = model.period;
    const result = new Map<string, FootprintSeries>();
    const add = (category: FootprintCategory, phase: Phase, value: NumericValue) => {
        if (value.kind === 'empty') return;
        const key = `${category}/${phase}`;
        let entry = result.get(key);
        if (!entry) {
            entry = { category, phase, values: new Float64Array(length) };
            result.set(key, entry);
        }
        const target = entry.values;
        if (value.kind === 'quantity') {
            // a scalar footprint is spread evenly over the period
            const perHour = length > 0 ? value.value / length : 0;
            for (let i = 0; i < length; i++) target[i] += perHour;
            return;
        }
        const { base, factor } = value.series;
        const offset = value.series.start - start;
        const from = Math.max(0, -offset), to = Math.min(base.length, length - offset);
        for (let i = from; i < to; i++) target[i + offset] += base[i] * factor;
    };
    for (const r of systemFootprints(model, system)) {
        add(r.category, 'fabrication', r.fabrication);
        add(r.category, 'energy', r.energy);
    }
    return CATEGORIES.flatMap(c => (['fabrication', 'energy'] as const).flatMap(p => {
        const s = result.get(`${c}/${p}`);
        return s ? [s] : [];
    }));
}

function sum(items: readonly PhaseTotals[], phase: Phase): number {
    let s = 0;
    for (const item of items) s += item[phase];
    return s;
}
