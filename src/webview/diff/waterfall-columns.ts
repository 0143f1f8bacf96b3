import type { SystemFootprintDiff } from '../../engine/presentation.js';

/** One column of the waterfall: its two phases as floating segments, one after the other (kg CO2e). */
export interface WaterfallColumn {
    readonly kind: 'change' | 'total';
    /** The object's display name, `3 other objects`, or `Total change`. */
    readonly label: string;
    /** For the tooltip: `server web`, the objects gathered in "others". */
    readonly detail?: string;
    readonly fabrication: readonly [number, number];
    readonly energy: readonly [number, number];
    /** The column's whole change (fabrication and energy). */
    readonly change: number;
}

/**
 * The columns of a system's waterfall, as e-footprint's plot_emission_diffs splits them by phase: the
 * `top` objects whose footprint changed most (the order and grouping of engine/diff/waterfall.ts's
 * steps, so that the two never disagree), the rest together, then the total change. Each change column
 * starts where the previous one ended; its fabrication segment comes first, its energy segment on top.
 * The chart starts from 0, not from the old total: a change of a few percent would be a sliver.
 */
export function waterfallColumns(system: SystemFootprintDiff, top = 6): WaterfallColumn[] {
    const changed = system.objects.filter(o => o.total.change !== 0);
    const columns: WaterfallColumn[] = [];
    let running = 0;
    const column = (label: string, detail: string | undefined, fabrication: number, energy: number) => {
        columns.push({
            kind: 'change', label, detail,
            fabrication: [running, running + fabrication],
            energy: [running + fabrication, running + fabrication + energy],
            change: fabrication + energy
        });
        running += fabrication + energy;
    };
    for (const o of changed.slice(0, top)) {
        column(o.name, `${o.className} ${o.id}${o.status !== 'same' ? ` (${o.status})` : ''}`, o.fabrication.change, o.energy.change);
    }
    const rest = changed.slice(top);
    if (rest.length > 0) {
        column(`${rest.length} other object${rest.length === 1 ? '' : 's'}`, rest.map(o => o.name).join(', '),
            rest.reduce((s, o) => s + o.fabrication.change, 0), rest.reduce((s, o) => s + o.energy.change, 0));
    }
    const fabrication = system.fabrication.change, energy = system.energy.change;
    columns.push({ kind: 'total', label: 'Total change', fabrication: [0, fabrication], energy: [fabrication, fabrication + energy], change: system.total.change });
    return columns;
}
