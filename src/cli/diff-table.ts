import type { AttributeChange, InputVersion, ModelDiff, SystemFootprintDiff } from '../engine/index.js';
import {
    annotationText, attributeText, changeDetails, diffScales, type DiffScales, formatMass, headline, objectPlace, objectStatus, objectTitle, percent, periodChanged, periodText,
    signedMass, sourceText, splitAnnotations, versionText, type ComparedModel, type DiffReport
} from './diff-format.js';
import { terminalText } from './terminal-text.js';

/** Objects shown per system in the terminal; the rest are counted. */
const TOP_OBJECTS = 15;
/** The columns an input change takes on one line; a longer one (a builder expression) is laid out on several. */
const LINE_WIDTH = 100;

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
    const sides = `${terminalText(sideLabel(m, 'old', report.oldLabel))} → ${terminalText(sideLabel(m, 'new', report.newLabel))}`;
    // two files compared: their names say it all; a model against a revision: the model, then the revisions
    lines.push(m.file === report.newLabel ? sides : `${terminalText(m.file)}: ${sides}`);
    lines.push(`Total footprint: ${formatMass(diff.summary.total.old, scales.totals)} → ${formatMass(diff.summary.total.new, scales.totals)} CO2e, ${headline(diff)}`);
    // line by line, not push(...lines): a diff may list more lines than a call takes arguments
    for (const system of diff.systems) for (const line of ['', ...systemTable(system, scales)]) lines.push(line);
    for (const line of ['', ...inputLines(diff)]) lines.push(line);
    // no line ends in the spaces of a column left empty
    return lines.map(line => line.trimEnd()).join('\n');
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
    lines.push('', 'By object, largest change first');
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

/**
 * One input change: on one line when its values fit (`power: 300 W → 250 W  model.efp:18`); else its name
 * and place, then each side on lines of its own, its evaluated value under it, wrapped to the width (a
 * builder expression with its series' summary runs to 300 columns), then what else changed (a comment,
 * the items of a list) on a line of its own. A long comment or name does not change the layout.
 */
function attributeLines(a: AttributeChange, after: string): string[] {
    const values = a.old && a.new && a.aspects.includes('value') ? `${versionText(a.old)} → ${versionText(a.new)}` : versionText(a.new ?? a.old);
    if (`    ${a.attribute}: ${terminalText(values)}`.length <= LINE_WIDTH) return [`    ${terminalText(attributeText(a))}${after}`];
    const lines = [`    ${terminalText(a.attribute)}:${after}`];
    const side = (label: string, v: InputVersion | undefined) => {
        const written = v && v.value !== undefined && v.expression && v.given === 'user' ? [v.text, `= ${v.value}`] : [versionText(v)];
        let first = true;
        for (const text of written) {
            for (const line of wrapped(terminalText(text), LINE_WIDTH - 11)) {
                lines.push(`      ${pad(first ? label : '', 5)}${line}`);
                first = false;
            }
        }
    };
    if (a.old && a.new && a.aspects.includes('value')) {
        side('was', a.old);
        side('now', a.new);
    } else {
        side('', a.new ?? a.old);
    }
    for (const detail of changeDetails(a)) lines.push(`      ${terminalText(detail)}`);
    return lines;
}

/** A text cut into lines of at most `width` columns, at spaces (a word longer than a line is cut where it must be). */
export function wrapped(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = '';
        }
        let rest = line ? `${line} ${word}` : word;
        while (rest.length > width) {
            lines.push(rest.slice(0, width));
            rest = rest.slice(width);
        }
        line = rest;
    }
    lines.push(line);
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
            const after = `${source ? `  [${terminalText(source)}]` : ''}`
                + `${where && o.change !== 'added' && o.change !== 'removed' ? `  ${terminalText(where.file)}:${where.line}` : ''}`;
            for (const line of attributeLines(a, after)) lines.push(line);
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
