import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { systemsOf } from '../model/footprint-totals.js';
import { totalOf, type NumericValue } from '../model/values.js';
import { HOURS_PER_YEAR } from './hours-per-year.js';
import { summarizeSystem } from './footprint-summary.js';

/**
 * An object's footprint per year as the editor shows it beside the object (CodeLens, inlay hint, hover),
 * and whether any system counts it: an object no system reaches has figures of its own (often zero, as
 * nothing uses it) that count in no total, and says so rather than showing them.
 */
export type YearlyFootprint =
    | { readonly kind: 'counted'; readonly perYear: number }
    | { readonly kind: 'not-counted' };

/** The objects the systems count (servers, storage, networks, devices…), the systems themselves included. */
export function countedObjects(model: Model): ReadonlySet<EfpObject> {
    let counted = COUNTED.get(model);
    if (!counted) {
        const set = new Set<EfpObject>();
        for (const system of systemsOf(model)) {
            set.add(system);
            for (const o of model.relations.footprintObjects(system)) set.add(o);
        }
        COUNTED.set(model, (counted = set));
    }
    return counted;
}

const COUNTED = new WeakMap<Model, ReadonlySet<EfpObject>>();
const SYSTEM_PER_YEAR = new WeakMap<Model, Map<EfpObject, number>>();

/**
 * The object's footprint per year on average, or that no system counts it; undefined for an object
 * without a footprint of its own (a job, a step, a country). A system's is its summary's (the figure of
 * `efp eval`, the status bar and the dashboard: over the hours its footprint covers); another object's is
 * over the modeling period.
 */
export function yearlyFootprint(model: Model, object: EfpObject): YearlyFootprint | undefined {
    if (object.className === 'System') return { kind: 'counted', perYear: systemPerYear(model, object) };
    const value = (attribute: string): NumericValue | undefined => {
        const v = model.findNode(object.key, attribute)?.value;
        return v === undefined || v.kind === 'dict' ? undefined : v;
    };
    const total = value('total_footprint');
    const fabrication = value('instances_fabrication_footprint');
    const energy = value('energy_footprint');
    if (!total && !fabrication && !energy) return undefined;
    if (!countedObjects(model).has(object)) return { kind: 'not-counted' };
    const kg = total ? totalOf(total) : totalOf(fabrication ?? { kind: 'empty' }) + totalOf(energy ?? { kind: 'empty' });
    const years = model.period.length / HOURS_PER_YEAR;
    return years > 0 ? { kind: 'counted', perYear: kg / years } : undefined;
}

/** A system's yearly footprint, summarised once per model (hints and lenses ask for it on every scroll). */
function systemPerYear(model: Model, system: EfpObject): number {
    let bySystem = SYSTEM_PER_YEAR.get(model);
    if (!bySystem) SYSTEM_PER_YEAR.set(model, (bySystem = new Map()));
    let perYear = bySystem.get(system);
    if (perYear === undefined) bySystem.set(system, (perYear = summarizeSystem(model, system).perYear));
    return perYear;
}
