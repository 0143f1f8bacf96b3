/**
 * A measurement's values are read from its runs and filled into its description before the model is
 * built, each citing the file as its source ("CodeCarbon emissions.csv, 3 runs"): they then evaluate,
 * show on hover, trace and export like any written input, as a cloud server's region values do. A file
 * that cannot be used gives one located diagnostic, and zeros, so that what refers to the measurement
 * does not pile up errors of its own.
 */
import type { InputDescription, ModelDescription, ObjectDescription, Origin, SourceDescription } from '../model/description.js';
import type { EngineDiagnostic } from '../model/diagnostics.js';
import { BOAMPS_ENUMERATIONS } from '../classes/measurement.js';
import { measuredTotals, type MeasuredTotals } from './measured-totals.js';
import { describeRuns, readMeasurementRuns, type MeasurementRuns, type ParsedFiles } from './measurement-reading.js';
import { fileName } from '../model/data-file-key.js';
import { runHour, textOf } from './emissions-csv.js';
import { formatUtcHour } from '../series/calendar.js';
import { MAX_MODELING_HOURS, MAX_MODELING_YEARS } from '../series/series-limits.js';

const QUANTITIES: ReadonlyArray<[keyof MeasuredTotals & string, string]> = [
    ['runs_count', ''], ['energy_consumed', 'kWh'], ['cpu_energy', 'kWh'], ['gpu_energy', 'kWh'], ['ram_energy', 'kWh'],
    ['emissions', 'kg'], ['duration', 's']
];
const TEXTS = ['country_iso_code', 'country_name', 'region', 'cloud_provider', 'cloud_region'] as const;

function isoHour(hour: number): string {
    return new Date(hour * 3_600_000).toISOString().slice(0, 16);
}

function number(value: number, unit: string, source: string | undefined, origin: Origin | undefined, comment?: string): InputDescription {
    return { expr: { kind: 'number', value, unit: unit || undefined, origin }, text: `${+value.toPrecision(6)}${unit ? ` ${unit}` : ''}`, source, comment, origin };
}

function filled(object: ObjectDescription, totals: MeasuredTotals | undefined, source: string | undefined, origin: Origin | undefined, comment?: string): ObjectDescription {
    const inputs: Record<string, InputDescription> = { ...object.inputs };
    // values the model writes itself are kept: they replace what the file says
    const fill = (name: string, input: InputDescription) => { if (!inputs[name]) inputs[name] = input; };
    for (const [name, unit] of QUANTITIES) fill(name, number(totals ? totals[name] as number : 0, unit, source, origin, comment));
    if (totals && totals.emissionsByHour.length > 0) {
        // a loop, not Math.min(...): a file may hold a hundred thousand runs, past what a call takes as arguments
        let first = Infinity, last = -Infinity;
        for (const r of totals.emissionsByHour) {
            if (r.hour < first) first = r.hour;
            if (r.hour > last) last = r.hour;
        }
        // the runs lie within 100 years of the model's start (checked when read): at most 200 years of hours
        const values = new Array<number>(last - first + 1).fill(0);
        for (const r of totals.emissionsByHour) values[r.hour - first] += r.emissions;
        fill('hourly_emissions', {
            expr: { kind: 'series', start: isoHour(first), values, unit: 'kg', origin },
            text: `${totals.runs_count} run${totals.runs_count === 1 ? '' : 's'} from ${isoHour(first)} to ${isoHour(last)}`, source, comment, origin
        });
    } else {
        fill('hourly_emissions', number(0, 'kg', source, origin, comment));
    }
    for (const name of TEXTS) {
        const value = totals?.[name];
        if (value !== undefined) fill(name, { expr: { kind: 'text', value, origin }, text: `"${value}"`, source, origin });
    }
    return { ...object, inputs };
}

/** BoAmps enumerations, checked here where the measurement is read (text inputs carry no values list). */
function checkEnumerations(object: ObjectDescription, diagnostics: EngineDiagnostic[]): void {
    for (const [name, values] of Object.entries(BOAMPS_ENUMERATIONS)) {
        const input = object.inputs[name];
        if (input?.expr.kind === 'text' && !values.includes(input.expr.value)) {
            diagnostics.push({
                severity: 'error', code: 'invalid-value', origin: input.expr.origin ?? input.origin,
                message: `'${name}' is one of ${values.map(v => `"${v}"`).join(', ')} in BoAmps`,
                hint: `Write one of BoAmps' values, e.g. ${name}: "${values[0]}".`
            });
        }
    }
}

/** The values a measurement reads from its runs. */
export const MEASURED_INPUTS: readonly string[] = [...QUANTITIES.map(([name]) => name), 'hourly_emissions'];

export interface MeasuredModel {
    readonly description: ModelDescription;
    readonly diagnostics: readonly EngineDiagnostic[];
    /**
     * Measurements whose runs could not be read: their values (MEASURED_INPUTS) are placeholders the
     * model treats as in error, so that what uses them stays quiet rather than dividing by zero.
     */
    readonly unread: readonly string[];
}

/**
 * A run dated more than 100 years from the model's start (a typo, a clock gone wrong): its hour would make
 * the measurement's series span that time, hour by hour. Undefined when every run is within.
 */
function runOutsideDates(read: MeasurementRuns, periodStart: number): string | undefined {
    for (const run of read.runs) {
        const distance = runHour(run) - periodStart;
        if (Math.abs(distance) <= MAX_MODELING_HOURS) continue;
        return `${fileName(read.path)}: line ${run.line}: the run ended on ${textOf(run, 'timestamp')}, more than ${MAX_MODELING_YEARS} years `
            + `${distance > 0 ? 'after' : 'before'} the model starts (${formatUtcHour(periodStart).slice(0, 10)})`;
    }
    return undefined;
}

/**
 * The model with every measurement's values read from its runs, and the problems met doing so. The runs
 * are placed in time against the modeling period's first hour, `periodStart`.
 */
export function withMeasurements(model: ModelDescription, periodStart: number): MeasuredModel {
    if (!model.objects.some(o => o.className === 'Measurement')) return { description: model, diagnostics: [], unread: [] };
    const diagnostics: EngineDiagnostic[] = [];
    const unread: string[] = [];
    const sources: SourceDescription[] = [...model.sources];
    const parsedFiles: ParsedFiles = new Map();
    const objects = model.objects.map(object => {
        if (object.className !== 'Measurement') return object;
        checkEnumerations(object, diagnostics);
        const read = readMeasurementRuns(model, object, parsedFiles);
        if (!read.ok) {
            diagnostics.push({ severity: 'error', code: read.code, message: read.message, hint: read.hint, origin: read.origin, data: read.data });
            unread.push(object.id);
            return filled(object, undefined, undefined, read.origin, `not read: ${read.message}`);
        }
        const outside = runOutsideDates(read, periodStart);
        if (outside) {
            const where = object.inputs.file.expr.origin ?? object.inputs.file.origin;
            diagnostics.push({
                severity: 'error', code: 'data-file', message: outside, origin: where,
                hint: 'Correct the timestamp, or choose the runs to count with run_id, experiment_id or project_name.'
            });
            unread.push(object.id);
            return filled(object, undefined, undefined, where, `not read: ${outside}`);
        }
        const source: SourceDescription = { id: `codecarbon_${object.id}`, name: describeRuns(read) };
        sources.push(source);
        const origin = object.inputs.file.expr.origin ?? object.inputs.file.origin;
        return filled(object, measuredTotals(read.runs), source.id, origin);
    });
    return { description: { ...model, objects, sources }, diagnostics, unread };
}
