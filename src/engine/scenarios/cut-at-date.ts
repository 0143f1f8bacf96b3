import { HourlySeries } from '../series/hourly-series.js';
import type { NodeValue } from '../model/node.js';
import { hourly, type NumericValue } from '../model/values.js';

/**
 * e-footprint's cut of an hourly value read by a recomputed one (ModelingUpdate's
 * filter_hourly_quantities_to_filter): the hours before the simulation_date are dropped, so what is
 * recomputed from it covers the date onwards only. A series ending before the date is kept whole (as
 * e-footprint does; a typical week, e-footprint's recurrent quantities, is never cut that way). Scalars are not cut.
 *
 * Deliberate difference: e-footprint gives every cut series the simulation_date as its start, even one
 * that started after the date, which moves it earlier; here such a series keeps its start.
 *
 * Returns undefined when the value is left as it is.
 */
export function cutAtDate(value: NodeValue | undefined, date: number): NodeValue | undefined {
    if (!value) return undefined;
    if (value.kind === 'dict') {
        let changed = false;
        const items = new Map<unknown, NumericValue>();
        for (const [key, item] of value.items) {
            const cut = cutNumeric(item, date);
            if (cut) changed = true;
            items.set(key, cut ?? item);
        }
        return changed ? { kind: 'dict', items: items as typeof value.items } : undefined;
    }
    return cutNumeric(value, date);
}

function cutNumeric(value: NumericValue, date: number): NumericValue | undefined {
    if (value.kind !== 'hourly') return undefined;
    const series = value.series;
    const last = series.start + series.length - 1;
    if (date > last || date <= series.start) return undefined;
    const first = date - series.start;
    // a copy, not a view: the model recycles the arrays its values give up
    return hourly(new HourlySeries(date, series.base.slice(first), series.factor), value.dimension);
}
