import {
    type FootprintCategory, formatMass, formatNumber, HOURS_PER_YEAR, type Origin, type Phase, summaryScales, type SummaryScales, type SystemFootprintSummary
} from '../../engine/presentation.js';
import type { MassUnitSetting } from './messages.js';
import { isoDate } from './time-format.js';
import { categoryLabel, phaseLabel, PHASES } from './vocabulary.js';

export { HOURS_PER_YEAR };

/** Masses of one row, formatted in the table's unit. */
export interface MassRow {
    readonly fabrication: string;
    readonly energy: string;
    readonly total: string;
}

export interface ObjectRow extends MassRow {
    readonly id: string;
    readonly name: string;
    readonly className: string;
    readonly share: string;
    readonly origin?: Origin;
}

export interface SummaryTable {
    /** `Video streaming in France — system "System"`. */
    readonly heading: string;
    /** `Modeled from 2025-01-01 for 3 years (26,298 hours)`. */
    readonly period: string;
    /** The scales of the total, the yearly average and each table, as `efp eval` writes them (summary-scales.ts). */
    readonly scales: SummaryScales;
    readonly total: string;
    /**
     * The yearly average (`3,655.5 t`, written `CO2e/year` after it), in its own scale as the status bar,
     * the CodeLens and the CLI write it; shown (as the CLI does) only when the period lasts about a year or more.
     */
    readonly perYear?: string;
    readonly phases: readonly { readonly phase: Phase; readonly label: string; readonly mass: string; readonly share: string }[];
    readonly categories: readonly { readonly category: FootprintCategory; readonly label: string; readonly objects: readonly ObjectRow[] }[];
    readonly years: readonly (MassRow & { readonly year: number })[];
}

/**
 * The numbers of `efp eval` for one system, formatted exactly as it prints them (same unit rule,
 * same decimals, same shares), so that the dashboard and the CLI never disagree.
 */
export function summaryTable(s: SystemFootprintSummary, setting: MassUnitSetting = 'auto'): SummaryTable {
    const scales = summaryScales(s, setting);
    const share = (kg: number) => (s.total > 0 ? `${formatNumber((100 * kg) / s.total, 1)} %` : '—');
    const masses = (fabrication: number, energy: number, scale = scales.objects): MassRow =>
        ({ fabrication: formatMass(fabrication, scale), energy: formatMass(energy, scale), total: formatMass(fabrication + energy, scale) });
    const plural = s.durationValue !== 1 && /^(year|month|week|day|hour)$/.test(s.durationUnit) ? 's' : '';
    return {
        heading: `${s.title ? `${s.title} — ` : ''}system "${s.system}"`,
        period: `Modeled from ${isoDate(s.periodStart)} for ${s.durationValue} ${s.durationUnit}${plural} (${formatNumber(s.hours, 0)} hours)`,
        scales,
        total: formatMass(s.total, scales.total),
        perYear: s.evaluatedHours / HOURS_PER_YEAR >= 0.99 ? formatMass(s.perYear, scales.perYear) : undefined,
        phases: PHASES.map(phase => ({ phase, label: phaseLabel(phase), mass: formatMass(s[phase], scales.phases), share: share(s[phase]) })),
        categories: s.categories.map(({ category }) => ({
            category,
            label: categoryLabel(category),
            objects: s.objects.filter(o => o.category === category).map(o => ({
                id: o.id,
                name: o.name,
                className: o.className,
                origin: o.origin,
                share: share(o.fabrication + o.energy),
                ...masses(o.fabrication, o.energy)
            }))
        })),
        years: s.years.map(y => ({ year: y.year, ...masses(y.fabrication, y.energy, scales.years) }))
    };
}
