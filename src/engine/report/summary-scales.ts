import type { PhaseTotals, SystemFootprintSummary } from './footprint-summary.js';
import { massScale, massScaleOf, type MassScale } from './mass-format.js';

/**
 * The scales of a system's footprint report (mass-format.ts), shared by `efp eval` and the dashboard so
 * that both write the same strings: the total and the yearly average each in their own, and each table
 * (phases, objects, calendar years) in the one of its largest figure, so that an object's row reads in
 * the unit of the objects rather than of the whole system.
 */
export interface SummaryScales {
    readonly total: MassScale;
    readonly perYear: MassScale;
    readonly phases: MassScale;
    readonly objects: MassScale;
    readonly years: MassScale;
}

export function summaryScales(s: SystemFootprintSummary, setting = 'auto'): SummaryScales {
    const rows = (items: readonly PhaseTotals[]) => items.flatMap(i => [i.fabrication, i.energy, i.fabrication + i.energy]);
    return {
        total: massScale(s.total, setting),
        perYear: massScale(s.perYear, setting),
        phases: massScaleOf([s.fabrication, s.energy], setting),
        objects: massScaleOf(rows(s.objects), setting),
        years: massScaleOf(rows(s.years), setting)
    };
}
