import { describeSummary, formatMagnitude, type ValueSummary } from '../../engine/index.js';

/**
 * A value on one short line, for a node's box: a single value as the engine describes it (`300 W`),
 * an hourly series by its total (`Σ 170,628.9 kg, hourly`), a value per usage pattern or job by its
 * only item's value or by the count of its items. The node's tooltip has the full description.
 */
export function valueLine(s: ValueSummary, per = 'item'): string {
    const unit = s.unit ? ` ${s.unit}` : '';
    switch (s.kind) {
        case 'quantity':
        case 'empty':
            return describeSummary(s);
        case 'hourly':
            return `Σ ${formatMagnitude(s.total!)}${unit}, hourly`;
        case 'dict': {
            const items = Object.entries(s.items ?? {});
            // one usage pattern (or job): its value; the tooltip names it
            if (items.length === 1) return valueLine(items[0][1], per);
            return items.length === 0 ? 'nothing' : `${items.length} values, one per ${per}`;
        }
    }
}
