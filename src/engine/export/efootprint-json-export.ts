import { unitFor, type InputSpec } from '../model/class-spec.js';
import { classSpec } from '../classes/registry.js';
import { COUNTRIES } from '../data/countries.js';
import type { EfpObject, ResolvedInput } from '../model/efp-object.js';
import type { ArgumentDescription, ExprDescription } from '../model/description.js';
import type { Model } from '../model/model.js';
import { systemsOf } from '../model/footprint-totals.js';
import { reachableFrom } from '../model/linked-objects.js';
import { formatUtcHour } from '../series/calendar.js';
import { parseUnit, pintName } from '../units/unit.js';
import type { Dimension } from '../units/dimension.js';
import { EFOOTPRINT_VERSION } from './reference-json.js';
import { efootprintIdOfName, emptyIds, type EfootprintIds } from './efootprint-ids.js';

/**
 * A model's inputs as e-footprint 22.2.1 JSON (`system_to_json`'s shape: `efootprint_version`,
 * `Sources`, then one key per class with its objects by id), so e-footprint can load what efp wrote.
 * Every input is written, defaults included, as e-footprint writes them. Hourly values are written as a
 * plain `values` list with `unit` and `start_date`: e-footprint 22's loader reads that form as well as
 * `compressed_values` (its ExplainableHourlyQuantities.from_json_dict accepts either), and efp has no
 * zstd compressor in pure JavaScript. Form inputs (`volume_growth(...)`) are written as `form_inputs`.
 */

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonRecord = { [key: string]: JsonValue };

/** The order `system_to_json` writes classes in: the system first, then what it uses. */
const CLASS_ORDER = ['System', 'UsagePattern', 'UsageJourney', 'Device', 'Network', 'Country', 'UsageJourneyStep',
    'Job', 'GPUJob', 'Server', 'GPUServer', 'BoaviztaCloudServer', 'Storage'];

class Exporter {
    private readonly objectIds = new Map<EfpObject, string>();
    private readonly sourceIds = new Map<string, string>();
    private readonly usedIds = new Set<string>();
    private readonly sources: JsonRecord = {};

    constructor(private readonly model: Model, private readonly ids: EfootprintIds) {}

    /** Objects the system uses (e-footprint writes what its system reaches), or every object of a model without one. */
    private exported(): EfpObject[] {
        const systems = systemsOf(this.model);
        // efp's own objects (budgets) have no e-footprint class
        if (systems.length === 0) return this.model.instances.filter(o => !o.description.builtin && !o.spec.efpOnly);
        const seen = reachableFrom(systems);
        // edge device groups point at devices, not the other way: e-footprint writes the groups of the system's devices
        reachableFrom(this.model.relations.edge.groupsAround([...seen]), seen);
        return this.model.instances.filter(o => seen.has(o));
    }

    private unique(id: string): string {
        let candidate = id;
        for (let n = 2; this.usedIds.has(candidate); n++) candidate = `${id}-${n}`;
        this.usedIds.add(candidate);
        return candidate;
    }

    private idOf(o: EfpObject): string {
        return this.objectIds.get(o)!;
    }

    private sourceRef(sourceName: string | undefined): string | null {
        const name = sourceName ?? 'user_data';
        let id = this.sourceIds.get(name);
        if (id === undefined) {
            const source = this.model.sources.get(name);
            id = name === 'hypothesis' || name === 'user_data' ? name
                : this.unique(this.ids.sources.get(name) ?? efootprintIdOfName(source?.name ?? name));
            this.sourceIds.set(name, id);
            this.sources[id] = { id, name: source?.name ?? name, link: source?.link ?? null };
        }
        return id;
    }

    private meta(input: ResolvedInput | undefined, label: string): JsonRecord {
        const out: JsonRecord = { label, source: this.sourceRef(input?.source) };
        if (input?.confidence) out.confidence = input.confidence;
        return out;
    }

    run(): JsonRecord {
        // what e-footprint 22 has no class for (a web application, a measurement) is not written
        const objects = this.exported().filter(o => o.spec.efootprintJson?.writtenAs !== 'nothing');
        for (const o of objects) {
            this.objectIds.set(o, this.unique(this.ids.objects.get(o.id) ?? efootprintIdOfName(o.name)));
        }
        // sources come first in the file, but are known only once the inputs are written
        const byClass = new Map<string, JsonRecord>();
        for (const o of objects) {
            const asJob = o.spec.efootprintJson?.writtenAs === 'Job';
            const className = asJob ? 'Job' : o.className;
            const record = byClass.get(className) ?? {};
            record[this.idOf(o)] = asJob ? this.asPlainJob(o) : this.object(o);
            byClass.set(className, record);
        }
        // e-footprint lists sources by id
        const sources: JsonRecord = {};
        for (const id of Object.keys(this.sources).sort()) sources[id] = this.sources[id];
        const json: JsonRecord = { efootprint_version: EFOOTPRINT_VERSION, Sources: sources };
        const rank = (c: string) => (CLASS_ORDER.includes(c) ? CLASS_ORDER.indexOf(c) : CLASS_ORDER.length);
        for (const className of [...byClass.keys()].sort((a, b) => rank(a) - rank(b))) {
            json[className] = byClass.get(className)!;
        }
        return json;
    }

    private object(o: EfpObject): JsonRecord {
        const out: JsonRecord = { name: o.name, id: this.idOf(o) };
        if (o.spec.efootprintJson?.keptFields?.includes('short_name')) out.short_name = this.shortName(o);
        for (const spec of o.spec.inputs) {
            if (spec.efpOnly) continue;
            const value = this.input(o, spec);
            if (value !== undefined) out[spec.name] = value;
        }
        return out;
    }

    /** A service's job as e-footprint's Job: on the service's server, with the job's values as efp computed them. */
    private asPlainJob(o: EfpObject): JsonRecord {
        const out: JsonRecord = { name: o.name, id: this.idOf(o) };
        const server = o.ref('service')?.ref('server');
        for (const spec of classSpec('Job')!.inputs) {
            if (spec.name === 'server') out.server = server ? this.idOf(server) : null;
            else if (spec.type === 'quantity') out[spec.name] = this.quantity(o, spec.name, spec.unit, spec.label, o.inputs.get(spec.name));
        }
        return out;
    }

    /** efp's countries have no short name: kept from an import, else the ISO code of a built-in country's name. */
    private shortName(o: EfpObject): string {
        const kept = this.ids.extras.get(o.id)?.short_name;
        if (kept) return kept;
        return COUNTRIES.find(c => c.name === o.name)?.code ?? o.name.slice(0, 3).toUpperCase();
    }

    private input(o: EfpObject, spec: InputSpec): JsonValue | undefined {
        const input = o.inputs.get(spec.name);
        switch (spec.type) {
            case 'quantity': return this.quantity(o, spec.name, spec.unit, spec.label, input);
            case 'hourly': return spec.weekly ? this.typicalWeek(o, spec, input) : this.hourly(o, spec.name, spec.unit, spec.label, input);
            case 'ref': {
                const target = o.ref(spec.name);
                return target ? this.idOf(target) : null;
            }
            case 'refs': return o.list(spec.name).map(t => this.idOf(t));
            case 'weighted': {
                const items: JsonRecord = {};
                for (const w of o.weights(spec.name)) {
                    items[this.idOf(w.object)] = { value: w.weight, unit: 'dimensionless', label: spec.weightLabel, source: this.sourceRef('hypothesis') };
                }
                return items;
            }
            case 'enum': {
                const text = o.text(spec.name);
                return text === undefined ? undefined : { value: text, ...this.meta(input, spec.label) };
            }
            case 'text': {
                const text = o.text(spec.name);
                // a time zone is e-footprint's ExplainableTimezone, written `zone`; other text is a plain value
                if (text === undefined) return undefined;
                return spec.name === 'timezone' ? { zone: text, ...this.meta(input, spec.label) } : { value: text, ...this.meta(input, spec.label) };
            }
        }
    }

    /** The value in the unit it was written in when that is a plain literal, else in the input's unit. */
    private quantity(o: EfpObject, name: string, specUnit: string, label: string, input: ResolvedInput | undefined): JsonValue {
        const value = this.model.findNode(o.key, name)?.value;
        if (!value || value.kind !== 'quantity') return { value: null, label };
        const literal = input ? literalQuantity(input.expr) : undefined;
        if (literal && parseUnit(literal.unit).dimension.equals(value.dimension)) {
            return { value: literal.value, unit: pintName(literal.unit), ...this.meta(input, label) };
        }
        // 15 digits drop the last bits of unit conversions (400.00000000000006) that float32 e-footprint never sees
        return { value: Number((value.value / parseUnit(specUnit).factor).toPrecision(15)), unit: pintName(specUnit), ...this.meta(input, label) };
    }

    private hourly(o: EfpObject, name: string, specUnit: string, label: string, input: ResolvedInput | undefined): JsonValue | undefined {
        const form = input ? this.formInputs(input.expr) : undefined;
        if (form) return { form_inputs: form, ...this.meta(input, label) };
        const value = this.model.findNode(o.key, name)?.value;
        if (!value || value.kind !== 'hourly') return undefined;
        const scale = value.series.factor / parseUnit(specUnit).factor;
        const values = Array.from(value.series.base, v => v * scale);
        return {
            values, unit: pintName(specUnit), start_date: formatUtcHour(value.series.start), timezone: null, ...this.meta(input, label)
        };
    }

    /**
     * A typical week as e-footprint writes recurrent quantities: `recurring_values`, a Python list in a
     * string, in the unit written after the list (`weekly_values([…]) * 1 MB`) or the input's.
     */
    private typicalWeek(o: EfpObject, spec: Extract<InputSpec, { type: 'hourly' }>, input: ResolvedInput | undefined): JsonValue | undefined {
        const value = this.model.findNode(o.key, spec.name)?.value;
        if (!value || value.kind !== 'hourly') return undefined;
        const written = input ? (literalQuantity(input.expr) ?? weekUnit(input.expr))?.unit : undefined;
        // a plain `MB` where stored bytes are meant is MB_stored
        const unit = [written, `${written}_stored`, `${written}_ram`].find(u => u && sameDimension(u, value.dimension)) ?? unitFor(spec, o);
        const scale = value.series.factor / parseUnit(unit).factor;
        // float32 digits, as e-footprint's numpy values print
        const values = Array.from(value.series.base, v => pythonFloat(Number(Math.fround(v * scale).toPrecision(7))));
        return { recurring_values: `[${values.join(', ')}]`, unit: pintName(unit === '' ? 'concurrent' : unit), ...this.meta(input, spec.label) };
    }

    /** `volume_growth(...)` with literal arguments is e-footprint's form: written back as its form inputs. */
    private formInputs(expr: ExprDescription): JsonRecord | undefined {
        if (expr.kind !== 'call' || expr.function !== 'volume_growth') return undefined;
        const arg = (n: string): ArgumentDescription | undefined => expr.args.find(a => a.name === n);
        const positional = expr.args.filter(a => a.name === undefined);
        if (positional.length > 0) return undefined;
        const volume = arg('initial_volume'), growth = arg('net_growth_rate'), start = arg('start_date'), duration = arg('modeling_duration');
        const span = (a: ArgumentDescription | undefined) => (a?.per ?? 'year').replace(/s$/, '');
        if (volume?.value.kind !== 'number') return undefined;
        if (growth && growth.value.kind !== 'number') return undefined;
        let growthPercent = 0;
        if (growth?.value.kind === 'number') growthPercent = growth.value.unit === '%' ? growth.value.value : growth.value.value * 100;
        const period = this.model.period;
        let startDate = formatUtcHour(period.start).slice(0, 10);
        if (start) {
            if (start.value.kind !== 'date') return undefined;
            startDate = start.value.value.slice(0, 10);
        }
        let durationValue = period.durationValue, durationUnit = period.durationUnit;
        if (duration) {
            if (duration.value.kind !== 'number' || !duration.value.unit) return undefined;
            durationValue = duration.value.value;
            durationUnit = duration.value.unit;
        }
        durationUnit = durationUnit.replace(/s$/, '');
        if (!['day', 'week', 'month', 'year'].includes(durationUnit)) return undefined;
        return {
            start_date: startDate, modeling_duration_value: durationValue, modeling_duration_unit: durationUnit,
            initial_volume: volume.value.value, initial_volume_timespan: span(volume),
            net_growth_rate_in_percentage: growthPercent, net_growth_rate_timespan: span(growth)
        };
    }
}

/** A value as written, `7 h/day` being (7 h) / day in .efp: the number and its whole unit; undefined for anything computed. */
function literalQuantity(expr: ExprDescription): { value: number; unit: string } | undefined {
    if (expr.kind === 'number') return { value: expr.value, unit: expr.unit ?? '' };
    if (expr.kind === 'binary' && (expr.operator === '/' || expr.operator === '*') && expr.right.kind === 'unit') {
        const left = literalQuantity(expr.left);
        return left && left.unit ? { value: left.value, unit: `${left.unit}${expr.operator}${expr.right.unit}` } : undefined;
    }
    return undefined;
}

function sameDimension(unit: string, dimension: Dimension): boolean {
    try {
        return parseUnit(unit).dimension.equals(dimension);
    } catch {
        return false;
    }
}

/** The unit of `weekly_values([…]) * 1 MB`. */
function weekUnit(expr: ExprDescription): { value: number; unit: string } | undefined {
    if (expr.kind !== 'binary' || expr.operator !== '*' || expr.right.kind !== 'number' || expr.right.value !== 1) return undefined;
    return { value: 1, unit: expr.right.unit ?? '' };
}

/** A number as Python prints a float: `1.0`, `0.5`, `-200.0`. */
function pythonFloat(v: number): string {
    return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

/** e-footprint 22.2.1 JSON of an evaluated model; `ids` are the e-footprint ids its text keeps. */
export function modelToEfootprintJson(model: Model, ids: EfootprintIds = emptyIds()): JsonRecord {
    return new Exporter(model, ids).run();
}
