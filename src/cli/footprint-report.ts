import {
    budgetFindings, type EfpObject, equivalentsOf, formatMass, formatNumber, formatUtcHour, formatYearlyMass, HOURS_PER_YEAR, massScaleOf, type Model, regionalAdvice, summarizeSystem, summaryScales, type SystemFootprintSummary
} from '../engine/index.js';
import { terminalText } from './terminal-text.js';

function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}

/** A source's name without its quotation or details: `US EPA Greenhouse Gas Equivalencies Calculator`. */
function shortSource(source: string): string {
    return source.split(/ - |: | \(/)[0];
}

/** The summary with the model's texts (title, system and object names) as a terminal shows them, before columns are sized. */
function visibleNames(s: SystemFootprintSummary): SystemFootprintSummary {
    return {
        ...s, title: s.title === undefined ? undefined : terminalText(s.title), system: terminalText(s.system),
        objects: s.objects.map(o => ({ ...o, name: terminalText(o.name) }))
    };
}

/**
 * A system's footprint as a readable table: the total, its split between fabrication and energy, by
 * category and object, and by calendar year. Masses are CO2-equivalent.
 */
export function footprintReport(model: Model, system: EfpObject, scenario?: SystemFootprintSummary): string {
    // a scenario's figures (efp eval --scenario) are shown alike; the advice and budgets are the model's own
    const s = visibleNames(scenario ?? summarizeSystem(model, system));
    const { total, fabrication, energy } = s;
    // the total in its own scale, each table in its largest figure's (mass-format.ts), as the dashboard writes them
    const scales = summaryScales(s);
    // per year on average over the hours the footprint covers, shown when they make about a year or more
    const years = s.evaluatedHours / HOURS_PER_YEAR;
    const lines: string[] = [];
    const title = s.title ? `${s.title} — ` : '';
    lines.push(`${title}system "${s.system}"`);
    const plural = s.durationValue !== 1 && /^(year|month|week|day|hour)$/.test(s.durationUnit) ? 's' : '';
    lines.push(`Modeled from ${formatUtcHour(s.periodStart).slice(0, 10)} for ${s.durationValue} ${s.durationUnit}${plural}`
        + ` (${formatNumber(s.hours, 0)} hours${s.evaluatedHours !== s.hours ? `; the footprint's series cover ${formatNumber(s.evaluatedHours, 0)} hours` : ''})`);
    lines.push('');
    // the yearly figure is the status bar's, the CodeLens's and the dashboard's: in its own scale
    lines.push(`Total footprint: ${formatMass(total, scales.total)} CO2e over the period`
        + (years >= 0.99 ? `, ${formatYearlyMass(s.perYear)} on average` : ''));
    lines.push('');
    // everyday quantities emitting as much, each with its factor and source (people should be able to check them)
    if (total > 0) {
        lines.push('As much CO2e as');
        for (const e of equivalentsOf(total)) {
            const count = formatNumber(e.value, Math.abs(e.value) >= 10 ? 0 : 1);
            lines.push(`  ${count} ${e.label} (${formatMass(e.factor / 1000)} each; ${shortSource(e.source)})`);
        }
        lines.push('');
    }
    const share = (kg: number) => (total > 0 ? `${formatNumber((100 * kg) / total, 1)} %` : '—');
    const nameWidth = s.objects.reduce((w, o) => Math.max(w, o.name.length + 4), 24);
    const col = 14;
    lines.push(`${pad('By life-cycle phase', nameWidth)}${pad('CO2e', col, true)}${pad('Share', 9, true)}`);
    lines.push(`${pad('  Fabrication', nameWidth)}${pad(formatMass(fabrication, scales.phases), col, true)}${pad(share(fabrication), 9, true)}`);
    lines.push(`${pad('  Energy', nameWidth)}${pad(formatMass(energy, scales.phases), col, true)}${pad(share(energy), 9, true)}`);
    lines.push('');
    lines.push(`${pad('By object', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}${pad('Share', 9, true)}`);
    for (const { category } of s.categories) {
        lines.push(`  ${category}`);
        for (const o of s.objects.filter(o => o.category === category)) {
            const f = o.fabrication, e = o.energy, unit = scales.objects;
            lines.push(`${pad(`    ${o.name}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}`
                + `${pad(formatMass(f + e, unit), col, true)}${pad(share(f + e), 9, true)}`);
        }
    }
    if (s.years.length > 0) {
        lines.push('');
        lines.push(`${pad('By year (UTC)', nameWidth)}${pad('Fabrication', col, true)}${pad('Energy', col, true)}${pad('Total', col, true)}`);
        for (const y of s.years) {
            const f = y.fabrication, e = y.energy, unit = scales.years;
            lines.push(`${pad(`  ${y.year}`, nameWidth)}${pad(formatMass(f, unit), col, true)}${pad(formatMass(e, unit), col, true)}${pad(formatMass(f + e, unit), col, true)}`);
        }
    }
    const advice = scenario ? [] : s.objects.map(o => model.objects.get(o.id)).flatMap(o => (o ? [regionalAdvice(model, o)] : []))
        .filter(a => a !== undefined && a.options.length > 0);
    if (advice.length > 0) {
        // the advice's figures in one scale, its largest's
        const unit = massScaleOf(advice.flatMap(a => [a!.energyFootprint, ...a!.options.flatMap(o => [o.energyFootprint, o.saving])]));
        lines.push('');
        lines.push(`${pad('Lower-carbon locations', nameWidth)}${pad('Intensity', col, true)}${pad('Energy CO2e', col, true)}${pad('Saving', col, true)}${pad('%', 9, true)}`);
        for (const a of advice) {
            lines.push(`${pad(`  ${terminalText(a!.server.name)}`, nameWidth)}${pad(`${formatNumber(a!.intensity, 0)} g/kWh`, col, true)}${pad(formatMass(a!.energyFootprint, unit), col, true)}`);
            for (const o of a!.options) {
                const label = terminalText(o.kind === 'region' ? `${o.name} (PUE ${formatNumber(o.pue!, 2)})` : o.name.replace(/_/g, ' '));
                lines.push(`${pad(`    in ${label}`, nameWidth)}${pad(`${formatNumber(o.intensity, 0)} g/kWh`, col, true)}`
                    + `${pad(formatMass(o.energyFootprint, unit), col, true)}${pad(`−${formatMass(o.saving, unit)}`, col, true)}${pad(`−${formatNumber(o.savingShare * 100, 0)} %`, 9, true)}`);
            }
        }
    }
    const budgets = scenario ? [] : budgetFindings(model).filter(b => b.target === system || s.objects.some(o => o.id === b.target.id));
    if (budgets.length > 0) {
        lines.push('');
        lines.push(`${pad('Budgets', nameWidth)}${pad('Worst period', col, true)}${pad('CO2e', col, true)}${pad('Limit', col, true)}${pad('Used', 9, true)}`);
        for (const { budget, target, use } of budgets) {
            const worst = use.worst;
            // budgets differ in size (a system's year, a server's month): each row in its own scale, as its diagnostic
            const unit = massScaleOf([worst?.footprint ?? 0, worst?.allowance ?? 0]);
            const used = Number.isFinite(use.share) ? `${formatNumber(use.share * 100, 0)} %` : '—';
            const status = use.status === 'exceeded' ? '  exceeded' : use.status === 'warning' ? '  warning' : '';
            lines.push(`${pad(`  ${terminalText(budget.id)} (${terminalText(target.name)})`, nameWidth)}${pad(terminalText(worst?.window.label ?? '—'), col, true)}`
                + `${pad(formatMass(worst?.footprint ?? 0, unit), col, true)}${pad(formatMass(worst?.allowance ?? 0, unit), col, true)}${pad(used, 9, true)}${status}`);
        }
    }
    // no line ends in the spaces of a column left empty
    return lines.map(line => line.trimEnd()).join('\n');
}
