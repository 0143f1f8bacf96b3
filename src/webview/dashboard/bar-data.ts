import type { Origin, PhaseTotals, SystemFootprintSummary } from '../../engine/presentation.js';
import type { MassUnit } from './summary-table.js';
import { categoryLabel, phaseLabel } from './vocabulary.js';

/** A bar chart stacked by life-cycle phase, in the table's mass unit. */
export interface PhaseBars {
    readonly labels: readonly string[];
    readonly fabrication: readonly number[];
    readonly energy: readonly number[];
    /** Where each bar's object is defined (bars of objects only), for click-to-reveal. */
    readonly origins?: readonly (Origin | undefined)[];
    readonly ids?: readonly string[];
}

function bars(items: readonly (PhaseTotals & { label: string })[], unit: MassUnit): PhaseBars {
    return {
        labels: items.map(i => i.label),
        fabrication: items.map(i => i.fabrication / unit[1]),
        energy: items.map(i => i.energy / unit[1])
    };
}

/** One bar per phase, each in its own colour (the other phase is zero in it). */
export function phaseBars(s: SystemFootprintSummary, unit: MassUnit): PhaseBars {
    return bars([
        { label: phaseLabel('fabrication'), fabrication: s.fabrication, energy: 0 },
        { label: phaseLabel('energy'), fabrication: 0, energy: s.energy }
    ], unit);
}

export function categoryBars(s: SystemFootprintSummary, unit: MassUnit): PhaseBars {
    return bars(s.categories.map(c => ({ ...c, label: categoryLabel(c.category) })), unit);
}

/** Objects from the largest footprint down: the ones worth acting on come first. */
export function objectBars(s: SystemFootprintSummary, unit: MassUnit): PhaseBars {
    const objects = [...s.objects].sort((a, b) => (b.fabrication + b.energy) - (a.fabrication + a.energy));
    return {
        ...bars(objects.map(o => ({ ...o, label: o.name })), unit),
        origins: objects.map(o => o.origin),
        ids: objects.map(o => o.id)
    };
}

export function yearBars(s: SystemFootprintSummary, unit: MassUnit): PhaseBars {
    return bars(s.years.map(y => ({ ...y, label: String(y.year) })), unit);
}
