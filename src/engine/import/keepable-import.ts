import { classSpec } from '../classes/registry.js';
import { enumMember } from '../classes/builtin-enums.js';
import { builtinObjects, type BuiltinObject, type BuiltinValue } from '../library/builtin-objects.js';
import { BUILTIN_SOURCES } from '../library/sources.js';
import { COUNTRIES } from '../data/countries.js';
import type { InputSpec } from '../model/class-spec.js';
import type { ExprDescription, InputDescription, ModelDescription, ObjectDescription } from '../model/description.js';
import { isRequired, defaultInputOf } from '../model/input-defaults.js';
import { utcHourOf } from '../series/calendar.js';
import { parseUnit } from '../units/unit.js';
import { efootprintIdOfName } from '../export/efootprint-ids.js';
import { closeEnough } from '../diff/value-equality.js';
import { naturalQuantity } from './natural-units.js';
import { recogniseSeries } from './series-recognition.js';
import { formatSeriesCsv, isSeriesColumnName, type SeriesCsvColumn } from '../series/series-csv-format.js';
import { formatNumber } from '../export/efp-text.js';

/**
 * An imported e-footprint system written as a person would write it, from the complete description the
 * JSON gives (every default restated, every hour listed):
 * - objects equal to a built-in one (`Device.laptop()`, France) become that built-in (`devices: [laptop]`);
 *   objects close to an archetype start from it (`storage ssd_storage "SSD storage" from ssd`);
 * - inputs equal to what the object would have anyway (its archetype's value, e-footprint's default,
 *   with the same source) are left out;
 * - sources e-footprint cites for its defaults are efp's built-in ones;
 * - hourly values that a builder expression gives back are written as that expression, other long ones
 *   to a CSV file beside the model (`hourly_values(file: …, column: …)`);
 * - quantities in the unit that reads best (`2 year`, not `17532 h`); the system's name is the model's title.
 * The result evaluates to the same values: nothing is dropped that the model would not restore.
 */

/** What an imported object's inputs fall back on: its archetype's values, then the class's defaults. */
interface Period { readonly start: number; readonly hours: number }

type Fallback = (input: InputSpec) => InputDescription | BuiltinValue | undefined;

/** A quantity's value in base units, or undefined for anything else. */
function baseValue(expr: ExprDescription): number | undefined {
    if (expr.kind !== 'number') return undefined;
    return expr.value * parseUnit(expr.unit ?? '').factor;
}

/** Whether the imported input says exactly what the fallback says: value, source and confidence. */
function sameAs(input: InputDescription, fallback: InputDescription | BuiltinValue | undefined, spec: InputSpec): boolean {
    if (!fallback) return false;
    if (!('expr' in fallback)) {
        if ((input.source ?? 'user_data') !== fallback.source || input.confidence !== fallback.confidence) return false;
        if (typeof fallback.value === 'string') return input.expr.kind === 'text' && input.expr.value === fallback.value;
        const value = baseValue(input.expr);
        return value !== undefined && closeEnough(value, fallback.value * parseUnit(fallback.unit).factor);
    }
    const expr = fallback.expr;
    if (expr.kind === 'list') {
        // an optional list (edge usage patterns) left empty: e-footprint writes `[]` without a source
        return input.expr.kind === 'list' && input.expr.items.length === 0 && expr.items.length === 0 && !isRequired(spec);
    }
    if ((input.source ?? 'user_data') !== (fallback.source ?? 'user_data') || input.confidence !== fallback.confidence) return false;
    if (spec.type === 'enum') return input.expr.kind === 'symbol' && expr.kind === 'text' && input.expr.name === enumMember(expr.value).name;
    if (expr.kind === 'text') return input.expr.kind === 'text' && input.expr.value === expr.value;
    const a = baseValue(input.expr), b = baseValue(expr);
    return a !== undefined && b !== undefined && closeEnough(a, b);
}

function archetypeFallback(archetype: BuiltinObject): Fallback {
    return input => archetype.inputs[input.name] ?? defaultInputOf(input);
}

/** What e-footprint keeps of a built-in object that efp does not model: a country's ISO code, as `efp export` writes it. */
function keptFieldsOf(builtin: BuiltinObject): Readonly<Record<string, string>> {
    const country = builtin.className === 'Country' ? COUNTRIES.find(c => c.id === builtin.id) : undefined;
    return country ? { short_name: country.code } : {};
}

/** References to objects replaced by built-ins, followed into lists and weights. */
function renamed(expr: ExprDescription, names: ReadonlyMap<string, string>): ExprDescription {
    switch (expr.kind) {
        case 'ref': return names.has(expr.object) ? { ...expr, object: names.get(expr.object)! } : expr;
        case 'list': return { ...expr, items: expr.items.map(i => renamed(i, names)) };
        case 'binary': return { ...expr, left: renamed(expr.left, names), right: renamed(expr.right, names) };
        default: return expr;
    }
}

export interface KeepableImport {
    readonly description: ModelDescription;
    readonly objectIds: Map<string, string>;
    readonly sourceIds: Map<string, string>;
    readonly extras: Map<string, Readonly<Record<string, string>>>;
}

export interface KeepableOptions {
    /**
     * The file, relative to the .efp, that long hourly series no builder gives back are written to
     * (`hourly_values(file: "shop.series.csv", column: "visitors")`); without one they stay values in the text.
     */
    readonly seriesFile?: string;
}

/** Hourly values longer than this go to the series file: a day's values still read well on one line. */
const INLINE_HOURS = 48;

class Keeper {
    /** The series written to the series file, a column each. */
    readonly series: SeriesCsvColumn[] = [];
    private readonly objectIds: Map<string, string>;
    private readonly sourceIds: Map<string, string>;
    private readonly extras: Map<string, Readonly<Record<string, string>>>;

    constructor(private readonly verbatim: KeepableImport, private readonly options: KeepableOptions) {
        this.objectIds = new Map(verbatim.objectIds);
        this.sourceIds = new Map(verbatim.sourceIds);
        this.extras = new Map(verbatim.extras);
    }

    run(): KeepableImport {
        const { description } = this.verbatim;
        const sources = this.builtinSources(description);
        let objects = description.objects.map(o => this.withSources(o, sources));
        const replaced = new Map<string, string>();
        const fallbacks = new Map<string, Fallback>();
        const declared = new Set(objects.map(o => o.id));
        objects = objects.flatMap(o => {
            const builtin = this.equalBuiltin(o, declared);
            if (builtin) {
                replaced.set(o.id, builtin.id);
                this.moveIds(o.id, builtin.id);
                return [];
            }
            const archetype = this.closestArchetype(o);
            fallbacks.set(o.id, archetype ? archetypeFallback(archetype) : defaultInputOf);
            return [archetype ? { ...o, archetype: archetype.id, archetypeIsBuiltin: true } : o];
        });
        const settings = description.settings;
        const start = settings.start_date?.expr.kind === 'date' ? utcHourOf(settings.start_date.expr.value) : undefined;
        const hours = settings.modeling_duration ? baseValue(settings.modeling_duration.expr) : undefined;
        // builders span the model's period: only a series over exactly that period can be one
        const period = start !== undefined && hours !== undefined ? { start, hours: Math.round(hours / 3600) } : undefined;
        objects = objects.map(o => this.kept(o, fallbacks.get(o.id)!, replaced, period));
        this.dropDerivableIds(objects, description);
        const systems = objects.filter(o => o.className === 'System');
        return {
            description: {
                ...description,
                settings: { ...settings, ...(systems.length === 1 && settings.title === undefined ? { title: systems[0].name } : {}) },
                sources: description.sources.filter(s => !sources.has(s.id)),
                objects
            },
            objectIds: this.objectIds, sourceIds: this.sourceIds, extras: this.extras
        };
    }

    /**
     * Ids that `efp export` would derive from the name anyway (e-footprint's own templates name their
     * objects so: `Default-laptop`): not worth a comment.
     */
    private dropDerivableIds(objects: readonly ObjectDescription[], description: ModelDescription): void {
        const names = new Map<string, string>([
            ...objects.map(o => [o.id, o.name] as const),
            ...builtinObjects().map(b => [b.id, b.name] as const)
        ]);
        for (const [name, id] of this.objectIds) {
            if (names.has(name) && efootprintIdOfName(names.get(name)!) === id && !this.extras.has(name)) this.objectIds.delete(name);
        }
        const sourceNames = new Map<string, string>([...BUILTIN_SOURCES, ...description.sources].map(s => [s.id, s.name]));
        for (const [name, id] of this.sourceIds) {
            if (sourceNames.has(name) && efootprintIdOfName(sourceNames.get(name)!) === id) this.sourceIds.delete(name);
        }
    }

    /** Imported sources that are efp's built-in ones (same name and link): imported name -> built-in id. */
    private builtinSources(description: ModelDescription): Map<string, string> {
        const mapped = new Map<string, string>();
        const claimed = new Set<string>();
        for (const source of description.sources) {
            const builtin = BUILTIN_SOURCES.find(b => b.name === source.name && (b.link ?? undefined) === (source.link ?? undefined));
            if (!builtin || claimed.has(builtin.id)) continue;
            claimed.add(builtin.id);
            mapped.set(source.id, builtin.id);
            const id = this.sourceIds.get(source.id);
            this.sourceIds.delete(source.id);
            if (id !== undefined) this.sourceIds.set(builtin.id, id);
        }
        return mapped;
    }

    private withSources(object: ObjectDescription, sources: ReadonlyMap<string, string>): ObjectDescription {
        const inputs: Record<string, InputDescription> = {};
        for (const [name, input] of Object.entries(object.inputs)) {
            inputs[name] = input.source !== undefined && sources.has(input.source) ? { ...input, source: sources.get(input.source) } : input;
        }
        return { ...object, inputs };
    }

    private moveIds(from: string, to: string): void {
        const id = this.objectIds.get(from);
        this.objectIds.delete(from);
        this.extras.delete(from);
        if (id !== undefined) this.objectIds.set(to, id);
    }

    /** The built-in object this one is in every respect (name, values, sources, kept fields), if any. */
    private equalBuiltin(object: ObjectDescription, declared: ReadonlySet<string>): BuiltinObject | undefined {
        const spec = classSpec(object.className);
        if (!spec) return undefined;
        return builtinObjects().find(b => b.className === object.className && b.name === object.name
            // a declared object of the built-in's name would hide it
            && !declared.has(b.id)
            && Object.entries(this.extras.get(object.id) ?? {}).every(([k, v]) => keptFieldsOf(b)[k] === v)
            && spec.inputs.every(input => {
                const given = object.inputs[input.name];
                const fallback = b.inputs[input.name] ?? defaultInputOf(input);
                if (!given) return fallback === undefined;
                return sameAs(given, fallback, input);
            }));
    }

    /** The archetype of the object's class that most of its values come from, if at least half of the archetype's do. */
    private closestArchetype(object: ObjectDescription): BuiltinObject | undefined {
        const spec = classSpec(object.className);
        if (!spec || object.className === 'Country') return undefined;
        let best: BuiltinObject | undefined;
        let bestScore = 0;
        for (const b of builtinObjects()) {
            if (b.className !== object.className) continue;
            const own = Object.keys(b.inputs);
            const score = own.filter(name => {
                const input = spec.inputs.find(i => i.name === name);
                return input && object.inputs[name] && sameAs(object.inputs[name], b.inputs[name], input);
            }).length;
            if (score > bestScore && score * 2 >= own.length) {
                best = b;
                bestScore = score;
            }
        }
        return best;
    }

    /** The object with only what it says beyond its fallback, references to built-ins, natural units and recognised series. */
    private kept(object: ObjectDescription, fallback: Fallback, replaced: ReadonlyMap<string, string>, period: Period | undefined): ObjectDescription {
        const spec = classSpec(object.className)!;
        const inputs: Record<string, InputDescription> = {};
        for (const input of spec.inputs) {
            const given = object.inputs[input.name];
            if (!given || sameAs(given, fallback(input), input)) continue;
            inputs[input.name] = { ...given, expr: this.readable(renamed(given.expr, replaced), period, `${object.id}_${input.name}`) };
        }
        return { ...object, inputs };
    }

    private readable(expr: ExprDescription, period: Period | undefined, column: string): ExprDescription {
        if (expr.kind === 'number') return naturalQuantity(expr);
        if (expr.kind === 'call' && expr.function === 'hourly_values') {
            return (period ? this.recognised(expr, period) : undefined) ?? this.inSeriesFile(expr, column) ?? expr;
        }
        return expr;
    }

    /** Long hourly values (plain numbers, 0 or more) as a column of the series file, when there is one. */
    private inSeriesFile(call: Extract<ExprDescription, { kind: 'call' }>, column: string): ExprDescription | undefined {
        const file = this.options.seriesFile;
        const list = call.args.find(a => a.name === 'values')?.value;
        const from = call.args.find(a => a.name === 'start_date')?.value;
        if (file === undefined || list?.kind !== 'list' || list.items.length <= INLINE_HOURS || from?.kind !== 'date') return undefined;
        const values: number[] = [];
        for (const item of list.items) {
            if (item.kind !== 'number' || item.unit !== undefined || !Number.isFinite(item.value) || item.value < 0) return undefined;
            // the shortest decimal that reads back as the same float32: what e-footprint stored
            values.push(Number(formatNumber(item.value)));
        }
        if (!isSeriesColumnName(column)) return undefined;
        this.series.push({ name: column, start: utcHourOf(from.value), values });
        return { kind: 'call', function: 'hourly_values', args: [{ name: 'file', value: { kind: 'text', value: file } }, { name: 'column', value: { kind: 'text', value: column } }] };
    }

    /** Hourly values over the model's period that a builder expression gives back: that expression. */
    private recognised(call: Extract<ExprDescription, { kind: 'call' }>, period: Period): ExprDescription | undefined {
        const list = call.args.find(a => a.name === 'values')?.value;
        const from = call.args.find(a => a.name === 'start_date')?.value;
        if (list?.kind !== 'list' || list.items.length !== period.hours) return undefined;
        if (from?.kind !== 'date' || utcHourOf(from.value) !== period.start) return undefined;
        if (!list.items.every(i => i.kind === 'number' && i.unit === undefined)) return undefined;
        return recogniseSeries(list.items.map(i => (i as { value: number }).value), period.start)?.expr;
    }
}

/**
 * The keepable form of a complete import (see above); ids and kept fields follow the objects they belong
 * to. `seriesCsv` is the series file's text when series went to it.
 */
export function keepableImport(verbatim: KeepableImport, options: KeepableOptions = {}): KeepableImport & { readonly seriesCsv?: string } {
    const keeper = new Keeper(verbatim, options);
    const kept = keeper.run();
    return keeper.series.length > 0 ? { ...kept, seriesCsv: formatSeriesCsv(keeper.series) } : kept;
}
