import type { Model } from '../model/model.js';
import { systemsOf } from '../model/footprint-totals.js';
import { summarizeSystem, HOURS_PER_YEAR } from '../report/footprint-summary.js';

/** One object's footprint in a baseline, kg CO2e per year on average over the modeling period. */
export interface BaselineFigure {
    readonly id: string;
    readonly name: string;
    readonly className: string;
    readonly perYear: number;
    readonly fabricationPerYear: number;
    readonly energyPerYear: number;
}

export interface BaselineSystem extends BaselineFigure {
    readonly objects: readonly BaselineFigure[];
}

/**
 * A saved evaluation (`efp baseline save`): each system's and each counted object's footprint per year.
 * Per year on average rather than over the period, so that lengthening the modeling period is not a
 * regression; objects are matched by their .efp identifier.
 */
export interface Baseline {
    readonly efp_baseline: 1;
    readonly efp_version: string;
    readonly saved: string;
    readonly model: string;
    readonly systems: readonly BaselineSystem[];
}

export function baselineOf(model: Model, modelPath: string, efpVersion: string, saved = new Date()): Baseline {
    return {
        efp_baseline: 1,
        efp_version: efpVersion,
        saved: saved.toISOString(),
        model: modelPath,
        systems: systemsOf(model).map(system => {
            const summary = summarizeSystem(model, system);
            // per year over the hours the footprint covers, as the summary's own perYear
            const years = summary.evaluatedHours / HOURS_PER_YEAR;
            const perYear = (kg: number) => years > 0 ? kg / years : kg;
            return {
                id: system.id, name: system.name, className: 'System',
                perYear: perYear(summary.total), fabricationPerYear: perYear(summary.fabrication), energyPerYear: perYear(summary.energy),
                objects: summary.objects.map(o => ({
                    id: o.id, name: o.name, className: o.className,
                    perYear: perYear(o.fabrication + o.energy), fabricationPerYear: perYear(o.fabrication), energyPerYear: perYear(o.energy)
                }))
            };
        })
    };
}

/** Reads a baseline file's JSON, or says what is wrong with it. */
export function parseBaseline(json: unknown): Baseline {
    const b = json as Partial<Baseline> | null;
    if (!b || typeof b !== 'object' || b.efp_baseline !== 1 || !Array.isArray(b.systems)) {
        throw new Error('not an efp baseline (expected `"efp_baseline": 1` and a `systems` list; write one with `efp baseline save`)');
    }
    b.systems.forEach((s, i) => {
        if (typeof s?.id !== 'string' || typeof s.perYear !== 'number' || !Array.isArray(s.objects)) {
            throw new Error(`systems[${i}] needs an id, a perYear figure and an objects list`);
        }
    });
    return b as Baseline;
}
