import type { ModelDiff } from './model-diff.js';
import type { Change, PeriodSummary, SystemFootprintDiff } from './footprint-diff.js';
import type { AttributeChange, InputVersion, ObjectChange, SourceRef } from './input-diff.js';
import { annotationOnly } from './aspects.js';
import { massUnitFor, reportMassUnit } from '../report/mass-format.js';
import { formatNumber } from '../model/value-format.js';

/**
 * The texts of a diff for people, shared by `efp diff` (terminal table, Markdown) and the editor's diff
 * panel, so that both say the same. Plain TypeScript: the webview bundles it.
 */

export type MassUnit = [string, number];

/**
 * The unit `efp eval` would choose for the larger of the two totals: a whole report in one unit, unless
 * the editor's `efp.display.massUnit` names one.
 */
export function diffUnit(diff: ModelDiff, setting = 'auto'): MassUnit {
    const largest = diff.systems.reduce((m, s) => Math.max(m, Math.abs(s.total.old), Math.abs(s.total.new)),
        Math.max(Math.abs(diff.summary.total.old), Math.abs(diff.summary.total.new)));
    return setting === 'auto' ? massUnitFor(largest / 1000) : reportMassUnit(largest, setting);
}

/** `1,234.5 t` */
export function mass(kg: number, unit: MassUnit): string {
    return `${formatNumber(kg / unit[1], 1)} ${unit[0]}`;
}

/** `+533.6 t`, `−12.0 t`, `0.0 t` (a true minus sign, as `efp eval` prints savings). */
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
