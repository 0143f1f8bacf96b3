import { type MassScale, massScaleOf, type Origin, type PhaseTotals, type SystemFootprintSummary } from '../../engine/presentation.js';
import { categoryLabel, phaseLabel } from './vocabulary.js';

/** A bar chart stacked by life-cycle phase, in the scale of its largest bar (chartScale). */
export interface PhaseBars {
    readonly labels: readonly string[];
    readonly fabrication: readonly number[];
    readonly energy: readonly number[];
    /** Where each bar's object is defined (bars of objects only), for click-to-reveal. */
    readonly origins?: readonly (Origin | undefined)[];
    readonly ids?: readonly string[];
}

function bars(items: readonly (PhaseTotals & { label: string })[], unit: MassScale): PhaseBars {
    return {
        labels: items.map(i => i.label),
        fabrication: items.map(i => i.fabrication / unit.kg),
        energy: items.map(i => i.energy / unit.kg)
    };
}

/** One bar per phase, each in its own colour (the other phase is zero in it). */
export function phaseBars(s: SystemFootprintSummary, unit: MassScale): PhaseBars {
    return bars([
        { label: phaseLabel('fabrication'), fabrication: s.fabrication, energy: 0 },
        { label: phaseLabel('energy'), fabrication: 0, energy: s.energy }
    ], unit);
}

export function categoryBars(s: SystemFootprintSummary, unit: MassScale): PhaseBars {
    return bars(s.categories.map(c => ({ ...c, label: categoryLabel(c.category) })), unit);
}

/** Objects from the largest footprint down: the ones worth acting on come first. */
export function objectBars(s: SystemFootprintSummary, unit: MassScale): PhaseBars {
    const objects = [...s.objects].sort((a, b) => (b.fabrication + b.energy) - (a.fabrication + a.energy));
    return {
        ...bars(objects.map(o => ({ ...o, label: o.name })), unit),
        origins: objects.map(o => o.origin),
        ids: objects.map(o => o.id)
    };
}

export function yearBars(s: SystemFootprintSummary, unit: MassScale): PhaseBars {
    return bars(s.years.map(y => ({ ...y, label: String(y.year) })), unit);
}

/** Bars in kilograms, to find their scale. */
export const KILOGRAMS: MassScale = { unit: 'kg', kg: 1, decimals: 0 };

/**
 * The scale of a chart whose bars (in kg: `KILOGRAMS`) stack fabrication on energy: the one of its
 * longest bar (mass-format.ts), so that its axis reads `kg CO2e` for a model of a few hundred kilograms.
 */
export function chartScale(bars: PhaseBars, setting = 'auto'): MassScale {
    return massScaleOf(bars.labels.map((_, i) => (bars.fabrication[i] ?? 0) + (bars.energy[i] ?? 0)), setting);
}
