import type { SystemFootprintDiff } from './footprint-diff.js';

/** One bar of a waterfall of a change: an object's change, the other objects' together, or the total change. */
export interface WaterfallStep {
    readonly kind: 'change' | 'total';
    readonly label: string;
    /** Where the bar starts and ends, kg CO2e: a change runs from the sum of the changes before it to the next sum, the total from 0. */
    readonly from: number;
    readonly to: number;
}

/**
 * How a system's total change adds up, object by object: the `top` largest changes, the rest gathered
 * in one step, then the total change; a reader sees at once which objects made the difference. It starts
 * from 0 rather than from the total before, so that a change of a few percent is not a sliver.
 */
export function waterfallOf(system: SystemFootprintDiff, top = 6): WaterfallStep[] {
    const changes = system.objects.filter(o => o.total.change !== 0);
    const steps: WaterfallStep[] = [];
    let running = 0;
    const step = (label: string, delta: number) => {
        steps.push({ kind: 'change', label, from: running, to: running + delta });
        running += delta;
    };
    for (const o of changes.slice(0, top)) step(o.name, o.total.change);
    if (changes.length > top) step(`${changes.length - top} other objects`, changes.slice(top).reduce((s, o) => s + o.total.change, 0));
    steps.push({ kind: 'total', label: 'total change', from: 0, to: system.total.change });
    return steps;
}
