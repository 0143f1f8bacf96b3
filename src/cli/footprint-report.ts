import type { Model } from '../engine/model/model.js';
import type { EfpObject } from '../engine/model/efp-object.js';
import { summarizeSystem, HOURS_PER_YEAR } from '../engine/report/footprint-summary.js';
import { formatUtcHour } from '../engine/series/calendar.js';
import { formatMass, massUnitFor } from '../engine/report/mass-format.js';
import { formatNumber } from '../engine/model/value-format.js';

function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * A system's footprint as a readable table: the total, its split between fabrication and energy, by
 * category and object, and by calendar year. Masses are CO2-equivalent.
 */
export function footprintReport(model: Model, system: EfpObject): string {
    const s = summarizeSystem(model, system);
    const { total, fabrication, energy } = s;
    // one unit for the whole table, small enough that the total has a few significant digits
    const unit = massUnitFor(total / 1000);
    const years = s.hours / HOURS_PER_YEAR;
    const lines: string[] = [];
    const title = s.title ? `${s.title} — ` : '';
    lines.push(`${title}system "${s.system}"`);
    const plural = s.durationValue !== 1 && /^(year|month|week|day|hour)$/.test(s.durationUnit) ? 's' : '';
    lines.push(`Modeled from ${formatUtcHour(s.periodStart).slice(0, 10)} for ${s.durationValue} ${s.durationUnit}${plural}`
        + ` (${formatNumber(s.hours, 0)} hours)`);
    lines.push('');
    lines.push(`Total footprint: ${formatMass(total, unit)} CO2e over the period`
        + (years >= 0.99 ? `, ${formatMass(s.perYear, unit)} CO2e per year on average` : ''));
    lines.push('');
    const share = (kg: number) => (total > 0 ? `${formatNumber((100 * kg) / total, 1)} %` : '—');
    const nameWidth = Math.max(24, ...s.objects.map(o => o.name.length + 4));
    const col = 14;
    lines.push(`${pad('By life-cycle phase', nameWidth)}${pad('CO2e', col, true)}${pad('Share', 9, true)}`);
    lines.push(`${pad('  Fabrication', nameWidth)}${pad(formatMass(fabrication, unit), col, true)}${pad(share(fabrication), 9, true)}`);
    lines.push(`${pad('  Energy', nameWidth)}${pad(formatMass(energy, unit), col, true)}${pad(share(energy), 9, true)}`);
    lines.push('');
    lines.push(`${pad('By object', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}${pad('Share', 9, true)}`);
    for (const { category } of s.categories) {
        lines.push(`  ${category}`);
        for (const o of s.objects.filter(o => o.category === category)) {
            const f = o.fabrication, e = o.energy;
            lines.push(`${pad(`    ${o.name}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}`
                + `${pad(formatMass(f + e, unit), col, true)}${pad(share(f + e), 9, true)}`);
        }
    }
    if (s.years.length > 0) {
        lines.push('');
        lines.push(`${pad('By year (UTC)', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}`);
        for (const y of s.years) {
            const f = y.fabrication, e = y.energy;
            lines.push(`${pad(`  ${y.year}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}${pad(formatMass(f + e, unit), col, true)}`);
        }
    }
    return lines.join('\n');
}
