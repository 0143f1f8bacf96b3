import { appendFile } from 'node:fs/promises';
import { formatMass, markdownCode, markdownTableCell, massUnitFor } from '../engine/index.js';
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
            const unit = massUnitFor(s.total / 1000);
            const mass = (kg: number) => `${formatMass(kg, unit)} CO2e`;
            lines.push('', `### ${markdownTableCell(s.title ? `${s.title} — ${s.system}` : s.system)} (${markdownCode(m.file)})`, '');
            lines.push(`**${mass(s.total)}** over ${s.durationValue} ${markdownTableCell(s.durationUnit)}${s.durationValue === 1 ? '' : 's'}`
                + ` (${mass(s.perYear)} a year): fabrication ${mass(s.fabrication)}, energy ${mass(s.energy)}.`, '');
            const objects = [...s.objects].sort((a, b) => (b.fabrication + b.energy) - (a.fabrication + a.energy));
            lines.push('| object | category | fabrication | energy | total | share |', '|---|---|--:|--:|--:|--:|');
            for (const o of objects.slice(0, TOP_OBJECTS)) {
                const total = o.fabrication + o.energy;
                const share = s.total > 0 ? `${(100 * total / s.total).toFixed(1)} %` : '—';
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
