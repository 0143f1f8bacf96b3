import type { Change } from '../../engine/diff/footprint-diff.js';
import type { ModelDiff } from '../../engine/diff/model-diff.js';
import { formatNumber } from '../../engine/model/value-format.js';
import { massUnitFor, reportMassUnit } from '../../engine/report/mass-format.js';
import type { MassUnitSetting } from '../dashboard/messages.js';
import type { MassUnit } from '../dashboard/summary-table.js';

// The texts of `efp diff` (src/cli/diff-format.ts), written again here: the webview is type-checked
// without Node's types, and the CLI's module imports its git reader's.

/**
 * The unit `efp diff` uses for a whole report (the one `efp eval` picks for the larger total), unless
 * `efp.display.massUnit` names one.
 */
export function diffMassUnit(diff: ModelDiff, setting: MassUnitSetting): MassUnit {
    const largest = Math.max(Math.abs(diff.summary.total.old), Math.abs(diff.summary.total.new),
        ...diff.systems.map(s => Math.max(Math.abs(s.total.old), Math.abs(s.total.new))));
    return setting === 'auto' ? massUnitFor(largest / 1000) : reportMassUnit(largest, setting);
}

/** `1,234.5 t` */
export function mass(kg: number, unit: MassUnit): string {
    return `${formatNumber(kg / unit[1], 1)} ${unit[0]}`;
}

/** `+533.6 t`, `−12.0 t`, `0.0 t` (a true minus sign, as `efp diff` prints savings). */
export function signedMass(kg: number, unit: MassUnit): string {
    const text = formatNumber(Math.abs(kg) / unit[1], 1);
    if (/^[0.,]+$/.test(text)) return `0.0 ${unit[0]}`;
    return `${kg > 0 ? '+' : '−'}${text} ${unit[0]}`;
}

/** `+4.9 %`, `−100.0 %`, `new` when there was nothing before. */
export function percent(c: Change): string {
    if (c.relative === null) return c.new === 0 ? '—' : 'new';
    const text = formatNumber(Math.abs(c.relative) * 100, 1);
    if (/^[0.,]+$/.test(text)) return '0.0 %';
    return `${c.relative > 0 ? '+' : '−'}${text} %`;
}

/** `up`, `down` or `same`: the class that colours a change (an increase of CO2e is the bad news). */
export function direction(kg: number, unit: MassUnit): 'up' | 'down' | 'same' {
    return signedMass(kg, unit).startsWith('+') ? 'up' : signedMass(kg, unit).startsWith('−') ? 'down' : 'same';
}
