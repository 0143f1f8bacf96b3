import { appendFile } from 'node:fs/promises';
import { formatMass, formatNumber, formatYearlyMass, markdownCode, markdownTableCell, summaryScales } from '../engine/index.js';
import { FileError } from '../platform/file-errors.js';
import { problemCounts, type CheckedModel } from './checked-model.js';

const TOP_OBJECTS = 10;

/**
 * The Markdown `efp check --format github` adds to the job's summary page: each model's problems, and
 * each system's footprint with the objects that weigh most. Every name from a model goes through
 * src/engine/text/markdown.ts: a pull request from anyone names the objects.
 */
export function checkJobSummary(models: readonly CheckedModel[]): string {
    const lines = ['## efp check', '', '| model | errors | warnings |', '|---|--:|--:|'];
    for (const m of models) {
        const { errors, warnings } = problemCounts(m.diagnostics);
        lines.push(`| ${markdownCode(m.file, { inTable: true })} | ${errors} | ${warnings} |`);
    }
    for (const m of models) {
        for (const s of m.systems) {
            // the scales of `efp eval` (summary-scales.ts): the total and the yearly figure each in its own, each table in its largest's
            const scales = summaryScales(s);
            lines.push('', `### ${markdownTableCell(s.title ? `${s.title} — ${s.system}` : s.system)} (${markdownCode(m.file)})`, '');
            lines.push(`**${formatMass(s.total, scales.total)} CO2e** over ${s.durationValue} ${markdownTableCell(s.durationUnit)}${s.durationValue === 1 ? '' : 's'}`
                + ` (${formatYearlyMass(s.perYear)}): fabrication ${formatMass(s.fabrication, scales.phases)} CO2e, energy ${formatMass(s.energy, scales.phases)} CO2e.`, '');
            const objects = [...s.objects].sort((a, b) => (b.fabrication + b.energy) - (a.fabrication + a.energy));
            lines.push('| object | category | fabrication | energy | total | share |', '|---|---|--:|--:|--:|--:|');
            const unit = scales.objects;
            for (const o of objects.slice(0, TOP_OBJECTS)) {
                const total = o.fabrication + o.energy;
                const share = s.total > 0 ? `${formatNumber(100 * total / s.total, 1)} %` : '—';
                lines.push(`| ${markdownTableCell(o.name)} | ${o.category} | ${formatMass(o.fabrication, unit)} | ${formatMass(o.energy, unit)} | ${formatMass(total, unit)} | ${share} |`);
            }
            if (objects.length > TOP_OBJECTS) lines.push('', `and ${objects.length - TOP_OBJECTS} more objects.`);
        }
    }
    return lines.join('\n') + '\n';
}

/** Appends the summary to the file GitHub Actions names in GITHUB_STEP_SUMMARY (nothing outside Actions). */
export async function writeJobSummary(models: readonly CheckedModel[], env = process.env): Promise<void> {
    const path = env.GITHUB_STEP_SUMMARY;
    if (!path) return;
    try {
        await appendFile(path, checkJobSummary(models));
    } catch (e) {
        throw FileError.of(path, 'write', e);
    }
}
