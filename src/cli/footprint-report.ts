import type { Model } from '../engine/model/model.js';
import type { EfpObject } from '../engine/model/efp-object.js';
import { CATEGORIES, systemFootprints } from '../engine/model/footprint-totals.js';
import { totalOf } from '../engine/model/values.js';
import { totalsByYear } from '../engine/model/yearly-totals.js';
import { formatUtcHour } from '../engine/series/calendar.js';
import { formatMass, massUnitFor } from './mass-format.js';
import { formatNumber } from '../engine/model/value-format.js';

function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * A system's footprint as a readable table: the total, its split between fabrication and energy, by
 * category and object, and by calendar year. Masses are CO2-equivalent.
 */
export function footprintReport(model: Model, system: EfpObject): string {
    const rows = systemFootprints(model, system);
    const fabrication = rows.reduce((s, r) => s + totalOf(r.fabrication), 0);
    const energy = rows.reduce((s, r) => s + totalOf(r.energy), 0);
    const total = fabrication + energy;
    // one unit for the whole table, small enough that the total has a few significant digits
    const unit = massUnitFor(total / 1000);
    const years = model.period.length / 8766;
    const lines: string[] = [];
    const title = model.title ? `${model.title} — ` : '';
    lines.push(`${title}system "${system.name}"`);
    const { durationValue, durationUnit } = model.period;
    const plural = durationValue !== 1 && /^(year|month|week|day|hour)$/.test(durationUnit) ? 's' : '';
    lines.push(`Modeled from ${formatUtcHour(model.period.start).slice(0, 10)} for ${durationValue} ${durationUnit}${plural}`
        + ` (${formatNumber(model.period.length, 0)} hours)`);
    lines.push('');
    lines.push(`Total footprint: ${formatMass(total, unit)} CO2e over the period`
        + (years >= 0.99 ? `, ${formatMass(total / years, unit)} CO2e per year on average` : ''));
    lines.push('');
    const share = (kg: number) => (total > 0 ? `${formatNumber((100 * kg) / total, 1)} %` : '—');
    const nameWidth = Math.max(24, ...rows.map(r => r.object.name.length + 4));
    const col = 14;
    lines.push(`${pad('By life-cycle phase', nameWidth)}${pad('CO2e', col, true)}${pad('Share', 9, true)}`);
    lines.push(`${pad('  Fabrication', nameWidth)}${pad(formatMass(fabrication, unit), col, true)}${pad(share(fabrication), 9, true)}`);
    lines.push(`${pad('  Energy', nameWidth)}${pad(formatMass(energy, unit), col, true)}${pad(share(energy), 9, true)}`);
    lines.push('');
    lines.push(`${pad('By object', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}${pad('Share', 9, true)}`);
    for (const category of CATEGORIES) {
        const members = rows.filter(r => r.category === category);
        if (members.length === 0) continue;
        lines.push(`  ${category}`);
        for (const r of members) {
            const f = totalOf(r.fabrication), e = totalOf(r.energy);
            lines.push(`${pad(`    ${r.object.name}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}`
                + `${pad(formatMass(f + e, unit), col, true)}${pad(share(f + e), 9, true)}`);
        }
    }
    const fabricationByYear = new Map<number, number>();
    const energyByYear = new Map<number, number>();
    for (const r of rows) {
        for (const [y, v] of totalsByYear(r.fabrication)) fabricationByYear.set(y, (fabricationByYear.get(y) ?? 0) + v);
        for (const [y, v] of totalsByYear(r.energy)) energyByYear.set(y, (energyByYear.get(y) ?? 0) + v);
    }
    const yearList = [...new Set([...fabricationByYear.keys(), ...energyByYear.keys()])].sort();
    if (yearList.length > 0) {
        lines.push('');
        lines.push(`${pad('By year (UTC)', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}`);
        for (const y of yearList) {
            const f = fabricationByYear.get(y) ?? 0, e = energyByYear.get(y) ?? 0;
            lines.push(`${pad(`  ${y}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}${pad(formatMass(f + e, unit), col, true)}`);
        }
    }
    return lines.join('\n');
}
