import { decompress } from 'fzstd';
import { MAX_JSON_DEPTH, tooDeepJsonPath } from './json-depth.js';
import type { ClassSpec, InputSpec, ReferenceInputSpec } from '../model/class-spec.js';
import { acceptedClasses, classSpec, CLASS_SPECS } from '../classes/registry.js';
import { BUILTIN_SOURCES } from '../library/sources.js';
import { parseUnit } from '../units/unit.js';
import { formatUtcHour, readDateTime, utcHourOf } from '../series/calendar.js';
import { MAX_SERIES_HOURS } from '../series/series-limits.js';
import { formatNumber } from '../model/value-format.js';
import { zstdDecompressedBound } from './zstd-frames.js';
import type {
    ArgumentDescription, Confidence, ExprDescription, InputDescription, ModelDescription, ObjectDescription, SourceDescription
} from '../model/description.js';
import { efpUnitOfPint, UnknownPintUnit } from './pint-units.js';
import { enumMember } from '../classes/builtin-enums.js';
import { efpIdentifiers } from './identifiers.js';
import { CURRENT_EFOOTPRINT_MAJOR, EfootprintVersionError } from './version-upgrade/efootprint-version.js';
import { upgradeEfootprintJson, upgradeSummary } from './upgrade-chain.js';
import { keepableImport, type KeepableImport } from './keepable-import.js';

/**
 * e-footprint 22.x JSON (what `system_to_json` writes: `efootprint_version`, `Sources`, then one key per
 * class with its objects by id; files from e-footprint 9 to 21 are first upgraded to that layout, as
 * e-footprint does, by version-upgrade/) read into the engine's plain model description, so the same
 * description can be evaluated directly or printed as .efp text. Only inputs are read: e-footprint recomputes
 * everything else, and so does efp.
 */

/** A file efp cannot read as e-footprint JSON; the message names the object and field (a JSON path). */
export class EfootprintImportError extends Error {}

export const SUPPORTED_EFOOTPRINT_MAJOR = CURRENT_EFOOTPRINT_MAJOR;

export interface ImportedModel {
    readonly description: ModelDescription;
    /** efp object name -> e-footprint id, so that an export writes the same ids back. */
    readonly objectIds: ReadonlyMap<string, string>;
    /** efp source name -> e-footprint id (user-declared sources only). */
    readonly sourceIds: ReadonlyMap<string, string>;
    /** Fields e-footprint keeps that efp does not model, per efp object name (a country's `short_name`). */
    readonly extras: ReadonlyMap<string, Readonly<Record<string, string>>>;
    readonly efootprintVersion: string;
    /** The upgrades an older file went through: one line for the user (undefined for a 22.x file) and notes on values they changed. */
    readonly upgrade: { readonly summary?: string; readonly notes: readonly string[] };
    /** The series file's text, when a keepable import wrote long series to one (ImportOptions.seriesFile). */
    readonly seriesCsv?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

function isRecord(v: Json | undefined): v is JsonRecord {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `UsagePattern["600e5765-f5f"].hourly_usage_journey_starts`: where a problem is, since JSON has no lines we keep. */
function at(className: string, id: string, field?: string): string {
    return `${className}[${JSON.stringify(id)}]${field ? '.' + field : ''}`;
}

const IGNORED_FIELDS = new Set(['name', 'id']);
/** e-footprint classes efp folds into one of its own (a GenAI API's hidden server): their objects are skipped. */
const FOLDED_CLASSES = new Set(CLASS_SPECS.flatMap(spec => spec.efootprintJson?.foldedClasses ?? []));

/**
 * An order that declares things before they are used, for a readable file (.efp itself takes any order);
 * classes not listed (added to efp later) go just before the journey steps, with the jobs.
 */
const DECLARATION_ORDER = ['Country', 'Device', 'Network', 'Storage', 'Server', 'GPUServer', 'BoaviztaCloudServer', 'Job', 'GPUJob',
    'UsageJourneyStep', 'UsageJourney', 'UsagePattern', 'System'];

function declarationRank(className: string): number {
    const i = DECLARATION_ORDER.indexOf(className);
    return i >= 0 ? i : DECLARATION_ORDER.indexOf('UsageJourneyStep') - 0.5;
}

/** Decodes e-footprint's hourly values: base64 of zstd-compressed little-endian float32s. */
export function decodeCompressedValues(text: string, where: string): number[] {
    const compressed = new Uint8Array(Buffer.from(text, 'base64'));
    // the decompressor allocates what the frame header declares: checked against the series budget first
    const bound = zstdDecompressedBound(compressed);
    if (!bound.ok) throw new EfootprintImportError(`${where}.compressed_values: not zstd-compressed base64 (${bound.problem})`);
    if (bound.bytes > MAX_SERIES_HOURS * 4) {
        throw new EfootprintImportError(`${where}.compressed_values: it would decompress to ${formatNumber(bound.bytes / 4, 0)} values, `
            + `more than the ${formatNumber(MAX_SERIES_HOURS, 0)} a series may hold`);
    }
    let bytes: Uint8Array;
    try {
        bytes = decompress(compressed);
    } catch (e) {
        throw new EfootprintImportError(`${where}.compressed_values: not zstd-compressed base64 (${(e as Error).message})`);
    }
    if (bytes.length % 4 !== 0) throw new EfootprintImportError(`${where}.compressed_values: ${bytes.length} bytes is not a whole number of float32 values`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const values = new Array<number>(bytes.length / 4);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
    return values;
}

/** `2025-01-01 00:00:00` -> `2025-01-01` (or `2025-01-01T05:00` when it does not start at midnight). */
function efpDate(text: Json | undefined, where: string): string {
    if (typeof text !== 'string') throw new EfootprintImportError(`${where}: expected a date like "2025-01-01 00:00:00"`);
    const read = readDateTime(text.trim().replace(' ', 'T'));
    if (!read.ok) throw new EfootprintImportError(`${where}: ${read.problem}`);
    const formatted = formatUtcHour(read.hour);
    return formatted.endsWith('00:00:00') ? formatted.slice(0, 10) : formatted.slice(0, 16).replace(' ', 'T');
}

interface Period { start: number; end: number }

class Importer {
    private readonly root: JsonRecord;
    private readonly names: Map<string, string>;
    private readonly classOf = new Map<string, string>();
    private readonly sourceNames = new Map<string, string>();
    private readonly sources: SourceDescription[] = [];
    private readonly sourceIds = new Map<string, string>();
    private readonly extras = new Map<string, Record<string, string>>();
    private readonly periods: Period[] = [];

    constructor(root: JsonRecord) {
        this.root = root;
        const entries: Array<{ className: string; id: string; name: string }> = [];
        for (const [className, objects] of Object.entries(root)) {
            if (className === 'efootprint_version' || className === 'Sources' || FOLDED_CLASSES.has(className)) continue;
            if (!isRecord(objects)) throw new EfootprintImportError(`${className}: expected objects by id`);
            const spec = classSpec(className);
            for (const [id, o] of Object.entries(objects)) {
                if (!spec) {
                    throw new EfootprintImportError(`${at(className, id)}: e-footprint's ${className} is not supported by efp yet `
                        + `(efp models ${CLASS_SPECS.map(c => c.className).join(', ')})`);
                }
                if (!isRecord(o)) throw new EfootprintImportError(`${at(className, id)}: expected an object`);
                const name = typeof o.name === 'string' ? o.name : id;
                entries.push({ className, id, name });
                this.classOf.set(id, className);
            }
        }
        // a word for what each object is, for names that cannot stand alone (`step_20_min_streaming`, `main_server`)
        const wordOf = (className: string) => classSpec(className)!.keyword.split('_').at(-1)!;
        const perClass = new Map<string, number>();
        for (const e of entries) perClass.set(e.className, (perClass.get(e.className) ?? 0) + 1);
        this.names = efpIdentifiers(entries.map(e => ({ key: e.id, name: e.name, word: wordOf(e.className), shared: perClass.get(e.className)! > 1 })));
        this.readSources();
    }

    private readSources(): void {
        const sources = this.root.Sources ?? {};
        if (!isRecord(sources)) throw new EfootprintImportError('Sources: expected sources by id');
        const declared: Array<{ key: string; name: string; link?: string }> = [];
        for (const [id, s] of Object.entries(sources)) {
            if (!isRecord(s) || typeof s.name !== 'string') throw new EfootprintImportError(`Sources[${JSON.stringify(id)}]: expected {id, name, link}`);
            const link = typeof s.link === 'string' ? s.link : undefined;
            // e-footprint's two generic sources have fixed ids; efp has them built in
            if (id === 'hypothesis' || id === 'user_data') { this.sourceNames.set(id, id); continue; }
            declared.push({ key: id, name: s.name, link });
        }
        const taken = new Set(BUILTIN_SOURCES.map(s => s.id));
        const ids = efpIdentifiers(declared.map(d => ({ key: d.key, name: d.name, word: 'source', shared: true })), taken);
        for (const d of declared) {
            const name = ids.get(d.key)!;
            this.sourceNames.set(d.key, name);
            this.sourceIds.set(name, d.key);
            this.sources.push({ id: name, name: d.name, link: d.link });
        }
    }

    run(): ModelDescription {
        const objects: ObjectDescription[] = [];
        const classes = Object.keys(this.root).filter(k => k !== 'efootprint_version' && k !== 'Sources' && !FOLDED_CLASSES.has(k));
        classes.sort((a, b) => declarationRank(a) - declarationRank(b));
        for (const className of classes) {
            const spec = classSpec(className)!;
            for (const [id, o] of Object.entries(this.root[className] as JsonRecord)) objects.push(this.readObject(spec, id, o as JsonRecord));
        }
        return { settings: this.settings(), sources: this.sources, objects };
    }

    /** The modeling period covers every series the file has: earliest start to latest end. */
    private settings(): ModelDescription['settings'] {
        if (this.periods.length === 0) return {};
        const start = this.periods.reduce((m, p) => Math.min(m, p.start), Infinity);
        const hours = this.periods.reduce((m, p) => Math.max(m, p.end), -Infinity) - start;
        return {
            start_date: { expr: { kind: 'date', value: efpDate(formatUtcHour(start), 'start_date') } },
            modeling_duration: { expr: durationExpr(hours) }
        };
    }

    private readObject(spec: ClassSpec, id: string, o: JsonRecord): ObjectDescription {
        const inputs: Record<string, InputDescription> = {};
        const name = this.names.get(id)!;
        for (const [field, value] of Object.entries(o)) {
            if (IGNORED_FIELDS.has(field) || spec.efootprintJson?.derivedFields?.includes(field)) continue;
            if (spec.efootprintJson?.keptFields?.includes(field)) {
                if (typeof value === 'string') this.extras.set(name, { ...this.extras.get(name), [field]: value });
                continue;
            }
            const input = spec.inputs.find(i => i.name === field);
            if (!input) throw new EfootprintImportError(`${at(spec.className, id, field)}: not an input of e-footprint's ${spec.className} that efp knows`);
            const described = this.readInput(input, value, at(spec.className, id, field));
            if (described) inputs[field] = described;
        }
        return { id: name, className: spec.className, name: typeof o.name === 'string' ? o.name : id, inputs };
    }

    /** A reference to an object of the classes the input takes (those it names and their subclasses). */
    private ref(id: Json, input: ReferenceInputSpec, where: string): ExprDescription {
        if (typeof id !== 'string') throw new EfootprintImportError(`${where}: expected an object id, got ${JSON.stringify(id)}`);
        const className = this.classOf.get(id);
        if (!className) throw new EfootprintImportError(`${where}: refers to '${id}', which is not in the file`);
        const classes = acceptedClasses(input);
        if (!classes.includes(className)) throw new EfootprintImportError(`${where}: refers to ${at(className, id)}, expected ${classes.join(' or ')}`);
        return { kind: 'ref', object: this.names.get(id)!, path: [] };
    }

    private annotations(v: JsonRecord, where: string): Pick<InputDescription, 'source' | 'confidence'> {
        let source: string | undefined;
        if (v.source !== undefined && v.source !== null) {
            // older files inline the source object; 22.x writes its id
            const sourceId = isRecord(v.source) ? v.source.id : v.source;
            if (typeof sourceId !== 'string' || !this.sourceNames.has(sourceId)) {
                throw new EfootprintImportError(`${where}.source: refers to source ${JSON.stringify(sourceId)}, which is not in Sources`);
            }
            source = this.sourceNames.get(sourceId);
        }
        let confidence: Confidence | undefined;
        if (v.confidence === 'low' || v.confidence === 'medium' || v.confidence === 'high') confidence = v.confidence;
        return { source, confidence };
    }

    private readInput(input: InputSpec, value: Json, where: string): InputDescription | undefined {
        switch (input.type) {
            case 'quantity': {
                if (!isRecord(value)) throw new EfootprintImportError(`${where}: expected {value, unit, label}`);
                if (value.value === null) return undefined; // e-footprint's "no value"
                if (typeof value.value !== 'number') throw new EfootprintImportError(`${where}.value: expected a number, got ${JSON.stringify(value.value)}`);
                const unit = this.unit(value.unit, input.unit, where);
                return { expr: { kind: 'number', value: value.value, unit: unit || undefined }, ...this.annotations(value, where) };
            }
            case 'hourly': {
                if (input.weekly) {
                    if (!isRecord(value)) throw new EfootprintImportError(`${where}: expected {recurring_values, unit}`);
                    return { expr: this.typicalWeek(value, input, where), ...this.annotations(value, where) };
                }
                if (!isRecord(value)) throw new EfootprintImportError(`${where}: expected hourly values or form inputs`);
                return { expr: this.hourly(value, input.unit, where), ...this.annotations(value, where) };
            }
            case 'ref':
                return { expr: this.ref(value, input, where) };
            case 'refs': {
                if (!Array.isArray(value)) throw new EfootprintImportError(`${where}: expected a list of object ids`);
                return { expr: { kind: 'list', items: value.map((id, i) => this.ref(id, input, `${where}[${i}]`)) } };
            }
            case 'weighted': {
                if (!isRecord(value)) throw new EfootprintImportError(`${where}: expected {object id: {value, unit}}`);
                const items = Object.entries(value).map(([id, w]): ExprDescription => {
                    const ref = this.ref(id, input, `${where}[${JSON.stringify(id)}]`);
                    const weight = isRecord(w) ? w.value : w;
                    if (typeof weight !== 'number') throw new EfootprintImportError(`${where}[${JSON.stringify(id)}].value: expected a number`);
                    return weight === 1 ? ref : { kind: 'binary', operator: '*', left: ref, right: { kind: 'number', value: weight } };
                });
                return { expr: { kind: 'list', items } };
            }
            case 'enum': {
                const v = isRecord(value) ? value.value : value;
                if (typeof v !== 'string' || !input.values.includes(v)) {
                    throw new EfootprintImportError(`${where}.value: expected one of ${input.values.join(', ')}, got ${JSON.stringify(v)}`);
                }
                return { expr: { kind: 'symbol', name: enumMember(v).name, label: v }, ...(isRecord(value) ? this.annotations(value, where) : {}) };
            }
            case 'text': {
                const v = isRecord(value) ? value.zone ?? value.value : value;
                if (typeof v !== 'string') throw new EfootprintImportError(`${where}: expected a time zone like "Europe/Paris"`);
                return { expr: { kind: 'text', value: v }, ...(isRecord(value) ? this.annotations(value, where) : {}) };
            }
        }
    }

    private unit(pint: Json | undefined, expected: string, where: string): string {
        if (typeof pint !== 'string') throw new EfootprintImportError(`${where}.unit: missing`);
        let unit: string;
        try {
            unit = efpUnitOfPint(pint);
        } catch (e) {
            if (e instanceof UnknownPintUnit) throw new EfootprintImportError(`${where}.unit: unknown unit ${e.message}`);
            throw e;
        }
        if (!parseUnit(unit).dimension.equals(parseUnit(expected).dimension)) {
            throw new EfootprintImportError(`${where}.unit: '${pint}' is not a unit of the same kind as '${expected}'`);
        }
        return unit;
    }

    /**
     * Form inputs (e-footprint's "volume growth" form) stay a builder call; stored hourly values become
     * `hourly_values(...)` from their start date.
     */
    private hourly(value: JsonRecord, expected: string, where: string): ExprDescription {
        const form = value.form_inputs;
        if (isRecord(form)) return this.formInputs(form, `${where}.form_inputs`);
        let values: number[];
        if (typeof value.compressed_values === 'string') values = decodeCompressedValues(value.compressed_values, where);
        else if (Array.isArray(value.values) && value.values.every(v => typeof v === 'number')) values = value.values as number[];
        else throw new EfootprintImportError(`${where}: expected compressed_values, values or form_inputs`);
        if (values.length === 0) throw new EfootprintImportError(`${where}: no hourly values`);
        if (values.length > MAX_SERIES_HOURS) {
            throw new EfootprintImportError(`${where}.values: ${formatNumber(values.length, 0)} values, more than the ${formatNumber(MAX_SERIES_HOURS, 0)} a series may hold`);
        }
        const unit = this.unit(value.unit, expected, where);
        const start = efpDate(value.start_date, `${where}.start_date`);
        const startHour = utcHourOf(start);
        this.periods.push({ start: startHour, end: startHour + values.length });
        // counts (occurrence, concurrent) are plain numbers in .efp: a unit on each of thousands of values is noise
        const plain = unit === '' || (parseUnit(unit).dimension.isDimensionless && parseUnit(unit).factor === 1);
        const number = (v: number): ExprDescription => ({ kind: 'number', value: v, unit: plain ? undefined : unit });
        return {
            kind: 'call', function: 'hourly_values', args: [
                { name: 'values', value: { kind: 'list', items: values.map(number) } },
                { name: 'start_date', value: { kind: 'date', value: start } }
            ]
        };
    }

    /**
     * e-footprint's recurrent quantities (a typical week, `recurring_values` written as a Python list): one
     * value when the week is flat, else `weekly_values([…]) * 1 unit` with plain numbers in the list.
     */
    private typicalWeek(value: JsonRecord, input: Extract<InputSpec, { type: 'hourly' }>, where: string): ExprDescription {
        let values: unknown;
        try {
            values = typeof value.recurring_values === 'string' ? JSON.parse(value.recurring_values) : value.recurring_values;
        } catch {
            values = undefined;
        }
        if (!Array.isArray(values) || values.length !== 168 || !values.every(v => typeof v === 'number')) {
            throw new EfootprintImportError(`${where}.recurring_values: expected a list of 168 numbers (a typical week)`);
        }
        // a need's unit follows its component, which the importer has not resolved yet: the model checks it
        const unit = input.unitOf ? this.anyUnit(value.unit, where) : this.unit(value.unit, input.unit, where);
        const plain = unit === '' || (parseUnit(unit).dimension.isDimensionless && parseUnit(unit).factor === 1);
        const week = values as number[];
        if (week.every(v => v === week[0])) return { kind: 'number', value: week[0], unit: plain ? undefined : unit };
        const call: ExprDescription = { kind: 'call', function: 'weekly_values', args: [{ value: { kind: 'list', items: week.map(v => ({ kind: 'number', value: v })) } }] };
        return plain ? call : { kind: 'binary', operator: '*', left: call, right: { kind: 'number', value: 1, unit } };
    }

    private anyUnit(pint: Json | undefined, where: string): string {
        if (typeof pint !== 'string') throw new EfootprintImportError(`${where}.unit: missing`);
        try {
            return efpUnitOfPint(pint);
        } catch (e) {
            if (e instanceof UnknownPintUnit) throw new EfootprintImportError(`${where}.unit: unknown unit ${e.message}`);
            throw e;
        }
    }

    private formInputs(form: JsonRecord, where: string): ExprDescription {
        const num = (key: string): number => {
            const v = form[key];
            if (typeof v !== 'number') throw new EfootprintImportError(`${where}.${key}: expected a number, got ${JSON.stringify(v)}`);
            return v;
        };
        const span = (key: string): string => {
            const v = form[key];
            if (v !== 'day' && v !== 'week' && v !== 'month' && v !== 'year') {
                throw new EfootprintImportError(`${where}.${key}: expected day, week, month or year, got ${JSON.stringify(v)}`);
            }
            return v;
        };
        const start = efpDate(form.start_date, `${where}.start_date`);
        const durationValue = num('modeling_duration_value');
        const durationUnit = span('modeling_duration_unit');
        const startHour = utcHourOf(start);
        this.periods.push({ start: startHour, end: startHour + Math.trunc(durationValue * parseUnit(durationUnit).factor / 3600 + 1e-9) });
        const args: ArgumentDescription[] = [
            { name: 'initial_volume', value: { kind: 'number', value: num('initial_volume') }, per: span('initial_volume_timespan') },
            { name: 'net_growth_rate', value: { kind: 'number', value: num('net_growth_rate_in_percentage'), unit: '%' }, per: span('net_growth_rate_timespan') },
            { name: 'start_date', value: { kind: 'date', value: start } },
            { name: 'modeling_duration', value: { kind: 'number', value: durationValue, unit: durationUnit } }
        ];
        return { kind: 'call', function: 'volume_growth', args };
    }

    result(description: ModelDescription, version: string, upgrade: ImportedModel['upgrade']): ImportedModel & KeepableImport {
        return {
            description,
            objectIds: new Map([...this.names].map(([id, name]) => [name, id])),
            sourceIds: this.sourceIds, extras: this.extras, efootprintVersion: version, upgrade
        };
    }
}

/** A duration in the largest unit that divides it: `3 year`, `10 day`, `9 h` (a year is 8,766 hours). */
function durationExpr(hours: number): ExprDescription {
    if (hours % 8766 === 0) return { kind: 'number', value: hours / 8766, unit: 'year' };
    if (hours % 24 === 0) return { kind: 'number', value: hours / 24, unit: 'day' };
    return { kind: 'number', value: hours, unit: 'h' };
}

export interface ImportOptions {
    /**
     * Written as a person would (keepable-import.ts): built-in objects and archetypes, no restated
     * defaults, builders for the series. Such a description refers to the built-in library, which the
     * .efp front end adds: it is for printing as .efp. Without it, every input as the file states it,
     * each object declared, which the engine evaluates as it is.
     */
    readonly keepable?: boolean;
    /** With `keepable`: where long series go (see KeepableOptions); the file's text is `seriesCsv`. */
    readonly seriesFile?: string;
}

/** Reads e-footprint JSON text; throws EfootprintImportError naming the object and field on anything it cannot read. */
export function importEfootprintJson(text: string, options: ImportOptions = {}): ImportedModel {
    let root: Json;
    try {
        root = JSON.parse(text) as Json;
    } catch (e) {
        throw new EfootprintImportError(`not JSON: ${(e as Error).message}`);
    }
    if (!isRecord(root)) throw new EfootprintImportError('expected a JSON object with efootprint_version, Sources and one key per class');
    const tooDeep = tooDeepJsonPath(root);
    if (tooDeep !== undefined) {
        throw new EfootprintImportError(`${tooDeep}: nested more than ${MAX_JSON_DEPTH} levels deep, which no e-footprint JSON is (system_to_json writes a few levels)`);
    }
    let upgraded: ReturnType<typeof upgradeEfootprintJson>;
    try {
        upgraded = upgradeEfootprintJson(root);
    } catch (e) {
        if (e instanceof EfootprintVersionError) throw new EfootprintImportError(e.message);
        throw e;
    }
    const importer = new Importer(upgraded.root);
    const imported = importer.result(importer.run(), upgraded.fromVersion, { summary: upgradeSummary(upgraded), notes: upgraded.notes });
    return options.keepable ? { ...imported, ...keepableImport(imported, { seriesFile: options.seriesFile }) } : imported;
}
