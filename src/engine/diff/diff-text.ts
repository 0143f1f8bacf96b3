import type { ModelDiff } from './model-diff.js';
import type { Change, PeriodSummary, SystemFootprintDiff } from './footprint-diff.js';
import type { AttributeChange, InputVersion, ObjectChange, SourceRef } from './input-diff.js';
import { annotationOnly } from './aspects.js';
import { formatMass, massScale, massScaleOf, signedMass, type MassScale } from '../report/mass-format.js';
import { formatNumber } from '../model/value-format.js';

/**
 * The texts of a diff for people, shared by `efp diff` (terminal table, Markdown) and the editor's diff
 * panel, so that both say the same. Plain TypeScript: the webview bundles it.
 */

/**
 * The scales of a diff report (mass-format.ts's rule): the systems' totals, before and after, in the unit
 * of the largest of them; the table of the objects whose footprint changed in that of the largest of
 * their figures; the changes in that of the largest change, so that a change of a few tonnes in a
 * footprint of kilotonnes still reads in tonnes. The editor's `efp.display.massUnit` can fix the unit.
 */
export interface DiffScales {
    readonly totals: MassScale;
    readonly objects: MassScale;
    readonly changes: MassScale;
}

export function diffScales(diff: ModelDiff, setting = 'auto'): DiffScales {
    const totals: number[] = [diff.summary.total.old, diff.summary.total.new];
    const changes: number[] = [diff.summary.total.change, diff.summary.fabrication.change, diff.summary.energy.change];
    const objects: number[] = [];
    for (const s of diff.systems) {
        totals.push(s.total.old, s.total.new);
        // the per-year row is shown (and compared) only when the period changed
        if (periodChanged(s)) {
            totals.push(s.perYear.old, s.perYear.new);
            changes.push(s.perYear.change);
        }
        changes.push(s.total.change, s.fabrication.change, s.energy.change);
        for (const o of s.objects) {
            changes.push(o.total.change, o.fabrication.change, o.energy.change);
            // the tables list the objects whose footprint changed
            if (o.total.change !== 0 || o.status !== 'same') objects.push(o.total.old, o.total.new);
        }
    }
    return { totals: massScaleOf(totals, setting), objects: massScaleOf(objects, setting), changes: massScaleOf(changes, setting) };
}

/** `+4.9 %`, `−100.0 %`, `new` when there was nothing before. */
export function percent(c: Change): string {
    if (c.relative === null) return c.new === 0 ? '—' : 'new';
    const text = formatNumber(Math.abs(c.relative) * 100, 1);
    if (/^[0.,]+$/.test(text)) return '0.0 %';
    return `${c.relative > 0 ? '+' : '−'}${text} %`;
}

/** `+170.5 t CO2e (+1.6 %)`: the change of a total as a headline says it, in its own scale. */
export function changeText(c: Change, setting = 'auto'): string {
    return `${signedMass(c.change, massScale(c.change, setting))} CO2e (${percent(c)})`;
}

/** `10,966.4 t → 11,005.6 t (+39.19 t, +0.4 %)`: before and after in one scale, the change in its own. */
export function beforeAfterText(c: Change, setting = 'auto'): string {
    const sides = massScaleOf([c.old, c.new], setting);
    return `${formatMass(c.old, sides)} → ${formatMass(c.new, sides)} (${signedMass(c.change, massScale(c.change, setting))}, ${percent(c)})`;
}

/**
 * The two sides cover different hours (another start, another duration, or series covering another
 * span): the totals are over different periods, and the per-year figures are the ones to compare.
 */
export function periodChanged(s: SystemFootprintDiff): boolean {
    const a = s.oldPeriod, b = s.newPeriod;
    return a !== undefined && b !== undefined && (a.start !== b.start || a.hours !== b.hours || a.evaluatedHours !== b.evaluatedHours);
}

/** `2025-01-01 for 3 years`, `2025-01-01 for 3 years (footprint over 744 h)` when the series cover less. */
export function periodText(p: PeriodSummary): string {
    return `${p.start} for ${p.duration}${p.evaluatedHours !== p.hours ? ` (footprint over ${formatNumber(p.evaluatedHours, 0)} h)` : ''}`;
}


/** An annotation that changed on an input whose value did not. */
export interface AnnotationChange {
    readonly object: ObjectChange;
    readonly attribute: AttributeChange;
}

/**
 * The input changes in two lists, shown apart: what changed in the model (values, renames, moves,
 * objects added or removed), and the annotations (sources, confidence, comments) that changed on values
 * that stayed the same. An object whose only changes are annotations is in the second list only.
 */
export function splitAnnotations(objects: readonly ObjectChange[]): { objects: ObjectChange[]; annotations: AnnotationChange[] } {
    const changes: ObjectChange[] = [];
    const annotations: AnnotationChange[] = [];
    for (const o of objects) {
        if (o.change === 'added' || o.change === 'removed') {
            changes.push(o);
            continue;
        }
        const values = o.attributes.filter(a => !annotationOnly(a));
        for (const a of o.attributes) if (annotationOnly(a)) annotations.push({ object: o, attribute: a });
        if (values.length > 0 || o.change === 'renamed' || o.change === 'moved' || o.moved) {
            changes.push(values.length === o.attributes.length ? o : { ...o, attributes: values });
        }
    }
    return { objects: changes, annotations };
}

/** `source user data → Base ADEME V19, confidence none → high`: an annotation-only change, for people. */
export function annotationText(a: AttributeChange): string {
    const parts: string[] = [];
    if (a.aspects.includes('source')) parts.push(`source ${a.old?.source?.name ?? 'none'} → ${a.new?.source?.name ?? 'none'}`);
    if (a.aspects.includes('confidence')) parts.push(`confidence ${a.old?.confidence ?? 'none'} → ${a.new?.confidence ?? 'none'}`);
    if (a.aspects.includes('comment')) parts.push(`comment "${a.old?.comment ?? ''}" → "${a.new?.comment ?? ''}"`);
    return `${a.attribute} (${a.new?.text ?? a.old?.text ?? ''}): ${parts.join(', ')}`;
}

/** `server web "server"`, or `job streaming → stream "streaming job"` for a rename. */
export function objectTitle(o: ObjectChange): string {
    if (o.old?.builtin && o.new && !o.new.builtin) return `${o.keyword} ${o.new.id} (built-in ${o.old.id} before)${o.new.name !== o.new.id ? ` "${o.new.name}"` : ''}`;
    if (o.new?.builtin && o.old && !o.old.builtin) return `${o.keyword} ${o.old.id} (built-in ${o.new.id} now)${o.old.name !== o.old.id ? ` "${o.old.name}"` : ''}`;
    const id = o.change === 'renamed' ? `${o.old!.id} → ${o.new!.id}` : (o.new ?? o.old)!.id;
    const identity = (o.new ?? o.old)!;
    return `${o.keyword} ${id}${identity.name !== identity.id ? ` "${identity.name}"` : ''}`;
}

export function objectPlace(o: ObjectChange): string | undefined {
    const place = (o.new ?? o.old)!.place;
    return place ? `${place.file}:${place.line}` : undefined;
}

const MATCHED_BY = {
    name: 'same name', 'efootprint-id': 'same e-footprint id', 'display-name': 'same display name', references: 'same references and values', inputs: 'same inputs'
} as const;

/** `changed`, `added`, `renamed (same inputs)`, `moved from infra.efp to main.efp`. */
export function objectStatus(o: ObjectChange): string {
    const status = o.change === 'renamed' && o.matchedBy ? `renamed (${MATCHED_BY[o.matchedBy]})` : o.change === 'moved' ? 'moved' : o.change;
    return o.moved ? `${status}${o.change === 'moved' ? '' : ', moved'} from ${o.moved.from} to ${o.moved.to}` : status;
}

/** A version of an input for people: `300 W`, `default 50 W`, `web.ram / 2 (= 64 GB_ram)`. */
export function versionText(v: InputVersion | undefined): string {
    if (!v) return 'nothing';
    const text = v.value !== undefined && v.expression && v.given === 'user' ? `${v.text} (= ${v.value})` : v.text;
    return v.given === 'default' ? `default ${v.value ?? text}` : v.given === 'archetype' ? `${v.value ?? text} from its archetype` : text;
}

/** The source worth showing: none for a value the user wrote without one (e-footprint's "user data"). */
export function shownSource(v: InputVersion | undefined): SourceRef | undefined {
    return v?.source && !(v.source.id === USER_DATA && v.given === 'user') ? v.source : undefined;
}

const USER_DATA = 'user_data';

/** `source Base ADEME V19`, `source user data → Base ADEME V19`, `` (nothing to say). */
export function sourceText(a: AttributeChange): string {
    if (a.aspects.includes('source')) return `source ${a.old?.source?.name ?? 'none'} → ${a.new?.source?.name ?? 'none'}`;
    const s = shownSource(a.new) ?? shownSource(a.old);
    return s ? `source ${s.name}` : '';
}

/** `power: 300 W → 600 W`, `uj_steps: [watch] → [watch, browse] (+browse)`, `power: 300 W` (an added object's). */
export function attributeText(a: AttributeChange): string {
    const parts: string[] = [];
    if (a.old && a.new) {
        parts.push(a.aspects.includes('value') ? `${a.attribute}: ${versionText(a.old)} → ${versionText(a.new)}` : `${a.attribute}: ${versionText(a.new)}`);
    } else {
        parts.push(`${a.attribute}: ${versionText(a.new ?? a.old)}`);
    }
    for (const detail of changeDetails(a)) parts.push(detail);
    return parts.join(' ');
}

/** What else changed in an input: the items of a list (`+browse`), its confidence, its comment. */
export function changeDetails(a: AttributeChange): string[] {
    const parts: string[] = [];
    if (a.list) {
        const items = [...a.list.added.map(i => `+${i}`), ...a.list.removed.map(i => `−${i}`), ...a.list.changed.map(c => `${c.old} → ${c.new}`)];
        if (items.length > 0) parts.push(`(${items.join(', ')})`);
    }
    if (a.old && a.new) {
        if (a.aspects.includes('confidence')) parts.push(`confidence ${a.old.confidence ?? 'none'} → ${a.new.confidence ?? 'none'}`);
        if (a.aspects.includes('comment')) parts.push(`comment "${a.old.comment ?? ''}" → "${a.new.comment ?? ''}"`);
    }
    return parts;
}
