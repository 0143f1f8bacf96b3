import type { Model } from '../model/model.js';
import type { EfpObject } from '../model/efp-object.js';
import type { EngineDiagnostic } from '../model/diagnostics.js';
import { formatNumber } from '../model/value-format.js';
import { formatMass, massScaleOf, PER_YEAR } from '../report/mass-format.js';
import { baselineOf, type Baseline, type BaselineFigure } from './baseline-snapshot.js';

/** A system or object whose footprint per year grew past the threshold since the baseline. */
export interface Regression {
    readonly object: EfpObject;
    readonly systemId: string;
    readonly before: number;
    readonly after: number;
    /** after / before − 1 (Infinity when the baseline had nothing). */
    readonly change: number;
}

/** The default threshold: a footprint may grow by up to 20 % before `efp check --baseline` fails. */
export const DEFAULT_REGRESSION_THRESHOLD = 0.2;

/**
 * Systems and objects of the model whose footprint per year exceeds the baseline's by more than
 * `threshold` (0.2 = 20 %). Objects new since the baseline are not regressions of their own: what they
 * add shows in their system's total.
 */
export function regressionsSince(baseline: Baseline, model: Model, threshold = DEFAULT_REGRESSION_THRESHOLD): Regression[] {
    const now = baselineOf(model, baseline.model, baseline.efp_version);
    const regressions: Regression[] = [];
    const check = (systemId: string, before: BaselineFigure | undefined, after: BaselineFigure) => {
        if (!before) return;
        const object = model.objects.get(after.id);
        if (!object) return;
        const change = before.perYear > 0 ? after.perYear / before.perYear - 1 : after.perYear > 0 ? Infinity : 0;
        // a figure of a few grams is noise, not a regression
        if (change > threshold && after.perYear - before.perYear > 1e-3) {
            regressions.push({ object, systemId, before: before.perYear, after: after.perYear, change });
        }
    };
    for (const system of now.systems) {
        const old = baseline.systems.find(s => s.id === system.id);
        check(system.id, old, system);
        for (const o of system.objects) check(system.id, old?.objects.find(x => x.id === o.id), o);
    }
    return regressions;
}

/** Each regression as an error on the object's name, naming the figure, the baseline and the threshold. */
export function regressionDiagnostics(regressions: readonly Regression[], threshold: number): EngineDiagnostic[] {
    return regressions.map(r => {
        const unit = massScaleOf([r.before, r.after]);
        const growth = Number.isFinite(r.change) ? `+${formatNumber(r.change * 100, 1)} %` : 'from nothing';
        const where = r.object.className === 'System' ? '' : ` (in system ${r.systemId})`;
        return {
            severity: 'error' as const,
            code: 'baseline-regression' as const,
            origin: r.object.origin,
            message: `${r.object}${where} regressed: ${formatMass(r.after, unit)} ${PER_YEAR}, ${growth} over the baseline's `
                + `${formatMass(r.before, unit)} ${PER_YEAR} (threshold ${formatNumber(threshold * 100, 0)} %)`,
            hint: 'Bring the footprint back down, or accept it by saving a new baseline: efp baseline save'
        };
    });
}
