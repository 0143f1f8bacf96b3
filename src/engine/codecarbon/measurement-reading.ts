/**
 * A measurement's runs: its file (from the model description's files), parsed, with its filters
 * applied. Used to fill the measurement's values before the model is built and by the BoAmps export,
 * which needs each run's details.
 */
import type { InputDescription, ModelDescription, ObjectDescription, Origin } from '../model/description.js';
import type { DiagnosticCode, DiagnosticData } from '../model/diagnostics.js';
import { dataFileKey, fileName } from '../model/data-file-key.js';
import { parseEmissionsCsv, type CodeCarbonRun, type EmissionsCsv } from './emissions-csv.js';
import { SELECTION_COLUMNS, selectRuns, type RunSelection } from './run-selection.js';

export interface MeasurementRuns {
    readonly ok: true;
    /** The path as written. */
    readonly path: string;
    readonly csv: EmissionsCsv;
    readonly runs: readonly CodeCarbonRun[];
    readonly selection: RunSelection;
}

/** Why the runs cannot be read, located on the `.efp` attribute responsible. */
export interface MeasurementProblem {
    readonly ok: false;
    readonly code: DiagnosticCode;
    readonly message: string;
    readonly hint?: string;
    readonly origin?: Origin;
    readonly data?: DiagnosticData;
}

function writtenText(input: InputDescription | undefined): string | undefined {
    return input?.expr.kind === 'text' ? input.expr.value : undefined;
}

/**
 * Each file's parsed runs, by its text, for the measurements of one model: `efp import codecarbon` writes a
 * measurement per project of the file, and parsing the whole file again for each made a model of many
 * projects read it as many times.
 */
export type ParsedFiles = Map<string, ReturnType<typeof parseEmissionsCsv>>;

export function readMeasurementRuns(model: ModelDescription, object: ObjectDescription, parsedFiles: ParsedFiles = new Map()): MeasurementRuns | MeasurementProblem {
    const fileInput = object.inputs.file;
    const path = writtenText(fileInput);
    if (!fileInput || path === undefined) {
        return {
            ok: false, code: fileInput ? 'invalid-value' : 'missing-input',
            message: fileInput ? `'file' expects the path of an emissions.csv in quotes` : `measurement ${object.id} needs 'file' (the emissions.csv CodeCarbon wrote)`,
            hint: 'Add `file: "emissions.csv"`, relative to this .efp file.',
            origin: fileInput?.expr.origin ?? object.origin,
            data: fileInput ? undefined : { kind: 'missing-input', input: 'file' }
        };
    }
    const where = fileInput.expr.origin ?? fileInput.origin;
    const content = where ? model.files?.[dataFileKey(where.uri, path)] : undefined;
    if (!content || 'error' in content) {
        return {
            ok: false, code: 'data-file', origin: where,
            message: `cannot read ${path}${content ? `: ${content.error}` : ''}`,
            hint: (content && 'error' in content ? content.hint : undefined) ?? 'The path is relative to this .efp file; check the file exists and can be read.'
        };
    }
    let parsed = parsedFiles.get(content.text);
    if (!parsed) parsedFiles.set(content.text, (parsed = parseEmissionsCsv(content.text)));
    if (!parsed.ok) {
        const [first, ...others] = parsed.problems;
        const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
        return { ok: false, code: 'data-file', origin: where, message: `${fileName(path)}: ${first.message}${more}`, hint: first.hint };
    }
    const selection: Record<string, string> = {};
    for (const column of SELECTION_COLUMNS) {
        const value = writtenText(object.inputs[column]);
        if (value !== undefined) selection[column] = value;
    }
    const selected = selectRuns(parsed.csv, selection);
    if (!selected.ok) {
        const filter = selected.problem.filter ? object.inputs[selected.problem.filter] : undefined;
        return {
            ok: false, code: 'data-file', origin: filter?.expr.origin ?? where,
            message: `${fileName(path)}: ${selected.problem.message}`, hint: selected.problem.hint
        };
    }
    return { ok: true, path, csv: parsed.csv, runs: selected.runs, selection };
}

/** How the source of a measurement's values reads: `CodeCarbon emissions.csv, 3 runs of project "x"`. */
export function describeRuns(runs: MeasurementRuns): string {
    const n = runs.runs.length;
    const filters = SELECTION_COLUMNS.filter(c => runs.selection[c] !== undefined).map(c => `${c} "${runs.selection[c]}"`);
    return `CodeCarbon ${fileName(runs.path)}, ${n} run${n === 1 ? '' : 's'}${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`;
}
