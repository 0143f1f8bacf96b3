import {
    markdownCode, markdownCodeBlock, markdownLink, markdownTableCell, markdownText, type ObjectChange, type SourceRef, type SystemFootprintDiff, waterfallOf, type WaterfallStep
} from '../engine/index.js';
import {
    attributeText, diffScales, type DiffScales, formatMass, headline, type MassScale, objectPlace, objectStatus, objectTitle, percent, periodChanged, periodText, shownSource, signedMass,
    splitAnnotations, type ComparedModel, type DiffReport
} from './diff-format.js';

/** Marks efp's comment on a pull request, so a workflow can find and update it rather than add another. */
export const MARKDOWN_MARKER = '<!-- efp-diff -->';

const TOP_OBJECTS = 10;
const CHART_WIDTH = 30;

/**
 * `efp diff --markdown`, for a pull request comment: the total change in the heading, the footprint by
 * phase and the objects that changed most, a chart of how the change adds up, and the input changes
 * with their sources in a collapsed section.
 *
 * The chart is text in a fenced block: GitHub strips inline `<svg>` from Markdown and `data:` image URLs
 * from `<img>` (its sanitizer allows only http(s) images: github/markup#270, #1840), so an SVG would
 * show as nothing in a comment; `efp diff --svg` writes the same chart as an SVG file for places that
 * show images (a workflow artifact, a page).
 *
 * Every text of the models (file names, titles, names, sources, comments, values as written) goes
 * through src/engine/text/markdown.ts: a pull request from anyone can name things, and its names must not
 * become HTML, links, mentions or table cells in the comment.
 */
export function diffMarkdown(report: DiffReport): string {
    const parts = [MARKDOWN_MARKER];
    for (const m of report.models) parts.push(modelMarkdown(m, report, report.models.length > 1));
    return parts.join('\n') + '\n';
}

const code = (text: string) => markdownCode(text);
const cellCode = (text: string) => markdownCode(text, { inTable: true });

function modelMarkdown(m: ComparedModel, report: DiffReport, several: boolean): string {
    const { diff } = m;
    const scales = diffScales(diff);
    const lines: string[] = [];
    const t = diff.summary.total;
    const icon = t.change > 0 ? '🔺' : t.change < 0 ? '🔻' : '⚪';
    lines.push(`${several ? '###' : '##'} ${icon} Footprint ${headline(diff)}${several ? ` in ${code(m.file)}` : ''}`);
    lines.push('');
    const side = (s: 'old' | 'new', label: string) => (m[s].absent ? `${code(label)} (no model)` : code(label));
    const counts = diff.summary.objects;
    const split = splitAnnotations(diff.inputs.objects);
    const changed = split.objects.filter(o => o.change === 'changed').length;
    const what = [
        changed ? `${changed} object${changed === 1 ? '' : 's'} changed` : '',
        counts.renamed ? `${counts.renamed} renamed` : '', counts.moved ? `${counts.moved} moved` : '',
        counts.added ? `${counts.added} added` : '', counts.removed ? `${counts.removed} removed` : '',
        split.annotations.length ? `${split.annotations.length} annotation${split.annotations.length === 1 ? '' : 's'} changed` : ''
    ].filter(s => s).join(', ') || 'no input changed';
    const sides = `${side('old', report.oldLabel)} → ${side('new', report.newLabel)}`;
    // two files compared: their names say it all; a model against a revision: the model, then the revisions
    lines.push(`${m.file === report.newLabel ? sides : `${code(m.file)}: ${sides}`}; ${what}. `
        + `Total ${formatMass(t.old, scales.totals)} → ${formatMass(t.new, scales.totals)} CO2e over the modeling period.`);
    // line by line, not push(...lines): a diff may list more lines than a call takes arguments
    for (const system of diff.systems) for (const line of ['', ...systemMarkdown(system, scales, diff.systems.length > 1)]) lines.push(line);
    for (const line of ['', ...inputsMarkdown(split.objects, diff.inputs.settings.map(a => `- model: ${code(attributeText(a))}`))]) lines.push(line);
    if (split.annotations.length > 0) {
        lines.push('', `<details><summary>Annotation changes, same values (${split.annotations.length})</summary>`, '');
        for (const { object, attribute: a } of split.annotations) {
            const link = (s: SourceRef | undefined) => (s ? markdownLink(s.name, s.link) : 'none');
            const parts = [
                a.aspects.includes('source') ? `source ${link(a.old?.source)} → ${link(a.new?.source)}` : '',
                a.aspects.includes('confidence') ? `confidence ${a.old?.confidence ?? 'none'} → ${a.new?.confidence ?? 'none'}` : '',
                a.aspects.includes('comment') ? `comment ${code(a.old?.comment ?? '')} → ${code(a.new?.comment ?? '')}` : ''
            ].filter(p => p);
            lines.push(`- ${code(`${(object.new ?? object.old)!.id}.${a.attribute}: ${a.new?.text ?? ''}`)} — ${parts.join(', ')}`);
        }
        lines.push('', '</details>');
    }
    return lines.join('\n');
}

function systemMarkdown(s: SystemFootprintDiff, scales: DiffScales, named: boolean): string[] {
    const lines: string[] = [];
    const status = s.status === 'same' ? '' : ` (${s.status})`;
    const row = (label: string, c: SystemFootprintDiff['total']) =>
        `| ${label} | ${formatMass(c.old, scales.totals)} | ${formatMass(c.new, scales.totals)} | ${signedMass(c.change, scales.changes)} | ${percent(c)} |`;
    lines.push(`| ${named ? `System "${markdownTableCell(s.name)}"${status}` : `By phase${status}`} | Before | After | Δ | % |`, '|---|--:|--:|--:|--:|');
    lines.push(row('Fabrication', s.fabrication), row('Energy', s.energy), row('**Total**', s.total));
    if (periodChanged(s)) {
        lines.push(row(`Per year (period ${markdownTableCell(periodText(s.oldPeriod!))} → ${markdownTableCell(periodText(s.newPeriod!))})`, s.perYear));
    }
    const changed = s.objects.filter(o => o.total.change !== 0);
    if (changed.length > 0) {
        lines.push('', '| Object | Category | Before | After | Δ | % |', '|---|---|--:|--:|--:|--:|');
        for (const o of changed.slice(0, TOP_OBJECTS)) {
            const mark = o.status === 'same' ? (o.oldId ? ` (was ${cellCode(o.oldId)})` : '') : ` (${o.status})`;
            lines.push(`| ${markdownTableCell(o.name)}${mark} | ${o.category} | ${formatMass(o.total.old, scales.objects)} | ${formatMass(o.total.new, scales.objects)} | ${signedMass(o.total.change, scales.changes)} | ${percent(o.total)} |`);
        }
        if (changed.length > TOP_OBJECTS) lines.push(`| … ${changed.length - TOP_OBJECTS} more | | | | | |`);
        for (const line of ['', ...markdownCodeBlock(waterfallText(waterfallOf(s), scales.changes))]) lines.push(line);
    }
    return lines;
}

/** The waterfall as text: each bar starts where the previous one ended, increases `█`, decreases `░`, the total `▓`. */
export function waterfallText(steps: readonly WaterfallStep[], scale: MassScale): string[] {
    const lo = steps.reduce((m, s) => Math.min(m, s.from, s.to), 0), hi = steps.reduce((m, s) => Math.max(m, s.from, s.to), 0);
    const at = (v: number) => (hi > lo ? Math.round(((v - lo) / (hi - lo)) * CHART_WIDTH) : 0);
    const labelWidth = Math.min(28, steps.reduce((w, s) => Math.max(w, s.label.length), -Infinity));
    const zero = at(0);
    return steps.map(s => {
        const a = at(Math.min(s.from, s.to)), b = Math.max(at(Math.max(s.from, s.to)), a + 1);
        const glyph = s.kind === 'total' ? '▓' : s.to >= s.from ? '█' : '░';
        let bar = '';
        for (let i = 0; i <= CHART_WIDTH; i++) bar += i >= a && i < b ? glyph : i === zero ? '│' : ' ';
        const label = s.label.length > labelWidth ? `${s.label.slice(0, labelWidth - 1)}…` : s.label;
        return `${label.padEnd(labelWidth)} ${bar} ${signedMass(s.kind === 'total' ? s.to : s.to - s.from, scale)}`;
    });
}

function inputsMarkdown(objects: readonly ObjectChange[], settings: string[]): string[] {
    const count = objects.length + (settings.length > 0 ? 1 : 0);
    if (count === 0) return ['No input changed.'];
    const lines = [`<details><summary>Input changes (${count} object${count === 1 ? '' : 's'})</summary>`, ''];
    for (const line of settings) lines.push(line);
    for (const o of objects) {
        const place = objectPlace(o);
        lines.push(`- **${markdownText(objectTitle(o))}**: ${markdownText(objectStatus(o))}${place ? ` (${code(place)})` : ''}`);
        for (const a of o.attributes) {
            const source = shownSource(a.new) ?? shownSource(a.old);
            const link = (s: SourceRef | undefined) => (s ? markdownLink(s.name, s.link) : 'none');
            const sourceText = a.aspects.includes('source') ? ` — source ${link(a.old?.source)} → ${link(a.new?.source)}` : source ? ` — source ${link(source)}` : '';
            lines.push(`  - ${code(attributeText(a))}${sourceText}`);
        }
    }
    lines.push('', '</details>');
    return lines;
}
