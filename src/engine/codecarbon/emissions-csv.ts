/**
 * Reading CodeCarbon's `emissions.csv`: one row per tracked run (or per flush of a long run). The text
 * comes from whoever reads files (the CLI, the language server); this module only parses it, so that
 * the engine stays free of file systems. Problems name the CSV line and column and say how to fix them.
 */
import { parse } from 'csv-parse/sync';
import { matchLayout, NUMERIC_COLUMNS, REQUIRED_COLUMNS, type LayoutMatch } from './emissions-csv-layouts.js';
import { readDecimal } from '../units/decimal-number.js';
import { readDateTime } from '../series/calendar.js';

/** A problem in the file, with the CSV line (1-based, the header is line 1) and column when there is one. */
export interface EmissionsCsvProblem {
    readonly message: string;
    readonly hint?: string;
    readonly line?: number;
    readonly column?: string;
}

/** One row of the file: a run, as CodeCarbon wrote it. */
export interface CodeCarbonRun {
    /** Line of the row in the file. */
    readonly line: number;
    /** Every cell by column name, as text. */
    readonly cells: Readonly<Record<string, string>>;
}

export interface EmissionsCsv {
    readonly header: readonly string[];
    readonly layout: LayoutMatch;
    readonly runs: readonly CodeCarbonRun[];
}

export type EmissionsCsvResult =
    | { readonly ok: true; readonly csv: EmissionsCsv }
    | { readonly ok: false; readonly problems: readonly EmissionsCsvProblem[] };

/** A run's text cell ('' when the column is absent or empty). */
export function textOf(run: CodeCarbonRun, column: string): string {
    return run.cells[column]?.trim() ?? '';
}

/** A run's number (undefined when the column is absent or the cell empty; the file was checked on reading). */
export function numberOf(run: CodeCarbonRun, column: string): number | undefined {
    const read = readDecimal(textOf(run, column));
    return read.ok ? read.value : undefined;
}

const HOW_TO_GET_ONE = 'Point `file:` at the emissions.csv CodeCarbon writes (EmissionsTracker(save_to_file=True), in its output_dir).';

export function parseEmissionsCsv(text: string): EmissionsCsvResult {
    if (text.trim() === '') {
        return { ok: false, problems: [{ message: 'the file is empty', hint: HOW_TO_GET_ONE }] };
    }
    let rows: Array<{ record: string[]; info: { lines: number } }>;
    try {
        rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
    } catch (e) {
        const lines = (e as { lines?: number }).lines;
        return { ok: false, problems: [{ message: `not a CSV file: ${(e as Error).message}`, line: lines, hint: HOW_TO_GET_ONE }] };
    }
    const header = rows[0].record.map(c => c.trim());
    // each column's first position, in one pass (an indexOf for each column was quadratic in a long header)
    const firstAt = new Map<string, number>();
    let twice = -1;
    for (let i = 0; i < header.length && twice < 0; i++) {
        if (firstAt.has(header[i])) twice = i;
        else firstAt.set(header[i], i);
    }
    if (twice >= 0) {
        // the cells would be read by column name, the last one silently winning
        const column = header[twice];
        return {
            ok: false, problems: [{
                message: `the header has column '${column}' twice, in positions ${firstAt.get(column)! + 1} and ${twice + 1}`, line: 1, column,
                hint: 'Keep one of the two columns: efp cannot tell which one holds the runs\' values.'
            }]
        };
    }
    const layout = matchLayout(header);
    if (layout.missing.length > 0) {
        const names = layout.missing.map(c => `'${c}'`).join(', ');
        return {
            ok: false, problems: [{
                message: `the header has no ${names} column${layout.missing.length > 1 ? 's' : ''}, so this is not a CodeCarbon emissions.csv`,
                line: 1, column: layout.missing[0],
                hint: `CodeCarbon 2.0 to 3.3 write ${REQUIRED_COLUMNS.join(', ')} (and more); check the file is the one CodeCarbon wrote, with its header line.`
            }]
        };
    }
    const problems: EmissionsCsvProblem[] = [];
    const runs: CodeCarbonRun[] = [];
    const numeric = header.filter(c => NUMERIC_COLUMNS.has(c));
    for (const { record, info } of rows.slice(1)) {
        // info.lines is the line the record ends on; CodeCarbon's rows are one line each
        const line = info.lines;
        if (record.length !== header.length) {
            problems.push({
                message: `line ${line} has ${record.length} cells, the header ${header.length}`, line,
                hint: 'A row was cut or a cell holds an unquoted comma; fix or delete that line.'
            });
            continue;
        }
        const cells: Record<string, string> = {};
        header.forEach((column, i) => { cells[column] = record[i]; });
        for (const column of numeric) {
            const cell = cells[column].trim();
            if (cell === '' && !REQUIRED_COLUMNS.includes(column)) continue;
            const read = readDecimal(cell);
            if (!read.ok) {
                problems.push({
                    message: read.problem === 'is empty' ? `line ${line}, column '${column}' is empty` : `line ${line}, column '${column}': \`${cell}\` ${read.problem}`,
                    line, column,
                    hint: `'${column}' holds ${column.endsWith('energy') || column === 'energy_consumed' ? 'kWh' : column === 'emissions' ? 'kg CO2e' : 'a number'}; correct the cell or delete the run's line.`
                });
            }
        }
        const when = readDateTime(cells.timestamp.trim());
        if (!when.ok) {
            problems.push({
                message: `line ${line}, column 'timestamp': ${when.problem}`, line, column: 'timestamp',
                hint: 'CodeCarbon writes the run\'s end as YYYY-MM-DDTHH:MM:SS; correct the cell.'
            });
        }
        runs.push({ line, cells });
    }
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, csv: { header, layout, runs } };
}

/**
 * The hour a run ended, in hours since 1970-01-01T00:00. CodeCarbon writes local time without a zone;
 * it is read as UTC (an hour or two off at most, which only moves the run within its day).
 */
export function runHour(run: CodeCarbonRun): number {
    const read = readDateTime(textOf(run, 'timestamp'));
    if (!read.ok) throw new Error(read.problem); // the file was checked on reading
    return read.hour;
}
