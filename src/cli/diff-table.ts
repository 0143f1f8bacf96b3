import type { ModelDiff, SystemFootprintDiff } from '../engine/index.js';
import {
    annotationText, attributeText, diffScales, type DiffScales, formatMass, headline, objectPlace, objectStatus, objectTitle, percent, periodChanged, periodText,
    signedMass, sourceText, splitAnnotations, type ComparedModel, type DiffReport
} from './diff-format.js';
import { terminalText } from './terminal-text.js';

/** Objects shown per system in the terminal; the rest are counted. */
const TOP_OBJECTS = 15;

function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}

/** `efp diff` for a terminal: aligned columns; totals in the scale of the largest, changes in that of the largest change. */
export function diffTable(report: DiffReport): string {
    return report.models.map(m => modelTable(m, report)).join('\n\n');
}

function sideLabel(m: ComparedModel, side: 'old' | 'new', label: string): string {
    return m[side].absent ? `${label} (no such file)` : label;
}

function modelTable(m: ComparedModel, report: DiffReport): string {
    const { diff } = m;
    const scales = diffScales(diff);
    const lines: string[] = [];
    lines.push(`${terminalText(m.file)}: ${terminalText(sideLabel(m, 'old', report.oldLabel))} → ${terminalText(sideLabel(m, 'new', report.newLabel))}`);
    lines.push(`Total footprint: ${formatMass(diff.summary.total.old, scales.totals)} → ${formatMass(diff.summary.total.new, scales.totals)} CO2e, ${headline(diff)}`);
    // line by line, not push(...lines): a diff may list more lines than a call takes arguments
    for (const system of diff.systems) for (const line of ['', ...systemTable(system, scales)]) lines.push(line);
    for (const line of ['', ...inputLines(diff)]) lines.push(line);
    return lines.join('\n');
}

function systemTable(s: SystemFootprintDiff, scales: DiffScales): string[] {
    const col = 14;
    const changed = s.objects.filter(o => o.total.change !== 0);
    // names as the terminal shows them, before the column is sized
    const shown = changed.slice(0, TOP_OBJECTS).map(o => ({ ...o, name: terminalText(o.name) }));
    const nameWidth = shown.reduce((w, o) => Math.max(w, o.name.length + 4), 28);
    // the system's rows in the totals' scale, the objects' in theirs (mass-format.ts: a table, one scale)
    const row = (label: string, c: { old: number; new: number; change: number; relative: number | null }, sides = scales.totals) =>
        `${pad(label, nameWidth)}${pad(formatMass(c.old, sides), col, true)}${pad(formatMass(c.new, sides), col, true)}`
        + `${pad(signedMass(c.change, scales.changes), col, true)}${pad(percent(c), 10, true)}`;
    const status = s.status === 'same' ? (s.oldId ? ` (was ${terminalText(s.oldId)})` : '') : ` (${s.status})`;
    const lines = [`${pad(`System "${terminalText(s.name)}"${status}`, nameWidth)}${pad('Before', col, true)}${pad('After', col, true)}${pad('Change', col, true)}${pad('%', 10, true)}`];
    if (periodChanged(s)) {
        lines.push(`  modeling period ${periodText(s.oldPeriod!)} → ${periodText(s.newPeriod!)}`);
        lines.push(row('  Per year on average', s.perYear));
    }
    lines.push(row('  Fabrication', s.fabrication), row('  Energy', s.energy), row('  Total', s.total));
    lines.push('', `${pad('By object, largest change first', nameWidth)}`);
    if (shown.length === 0) lines.push('  no object\'s footprint changed');
    for (const o of shown) {
        const mark = o.status === 'added' ? ' (added)' : o.status === 'removed' ? ' (removed)' : '';
        lines.push(row(`  ${o.name}${mark}`, o.total, scales.objects));
    }
    if (changed.length > shown.length) lines.push(`  … and ${changed.length - shown.length} more objects changed`);
    const same = s.objects.length - changed.length;
    if (same > 0) lines.push(`  ${same} object${same === 1 ? '' : 's'} unchanged`);
    return lines;
}

function inputLines(diff: ModelDiff): string[] {
    const { settings } = diff.inputs;
    const { objects, annotations } = splitAnnotations(diff.inputs.objects);
    const lines = objects.length === 0 && settings.length === 0 ? ['Inputs: no change'] : ['Input changes'];
    for (const a of settings) lines.push(`  model ${terminalText(attributeText(a))}`);
    for (const o of objects) {
        const place = objectPlace(o);
        lines.push(`  ${terminalText(objectTitle(o))}: ${terminalText(objectStatus(o))}${place ? `  (${terminalText(place)})` : ''}`);
        for (const a of o.attributes) {
            const source = sourceText(a);
            const where = a.new?.place ?? a.old?.place;
            lines.push(`    ${terminalText(attributeText(a))}${source ? `  [${terminalText(source)}]` : ''}`
                + `${where && o.change !== 'added' && o.change !== 'removed' ? `  ${terminalText(where.file)}:${where.line}` : ''}`);
        }
    }
    if (annotations.length > 0) {
        lines.push('', 'Annotation changes (same values)');
        for (const { object, attribute } of annotations) {
            const where = attribute.new?.place;
            lines.push(`  ${terminalText((object.new ?? object.old)!.id)}.${terminalText(annotationText(attribute))}${where ? `  ${terminalText(where.file)}:${where.line}` : ''}`);
        }
    }
    return lines;
}
