/**
 * An hourly series read from a CSV file, as analytics tools export them: a header row, a time column
 * (`time`, `timestamp`, `date` or `datetime`, or the one named) and value columns, one of which is read.
 * Rows are hours, days or months (series-csv-times.ts says how each is read); days and months are totals
 * spread over their hours by a day profile. The text comes from whoever reads files; this module only
 * parses it. Problems name the CSV line and say how to fix them; memory is bounded by MAX_SERIES_HOURS
 * before anything the size of the series is allocated.
 */
import { parse } from 'csv-parse/sync';
import { readDecimal } from '../units/decimal-number.js';
import { readDateTime } from './calendar.js';
import { HOURS_IN_DAY } from './day-profile.js';
import { describeHours, MAX_SERIES_HOURS } from './series-limits.js';
import { quoted, readTimeCell, type RowGranularity } from './series-csv-times.js';

/** Names a time column goes by, compared without case. */
export const TIME_COLUMN_NAMES: readonly string[] = ['time', 'timestamp', 'date', 'datetime'];

export interface SeriesCsvOptions {
    /** The value column; may be left out when the file has one value column. */
    readonly column?: string;
    /** The time column, when it is not named as TIME_COLUMN_NAMES. */
    readonly timeColumn?: string;
    /** IANA zone of times written without an offset. */
    readonly timezone?: string;
    /** 24 shares of a day summing to 1 (day-profile.ts): required for rows of days or months, refused for hours. */
    readonly profile?: Float64Array;
}

/** A problem with the file, or with an argument that does not fit it (`argument` then names the argument). */
export interface SeriesCsvProblem {
    readonly message: string;
    readonly hint?: string;
    /** The CSV line (1-based, the header is line 1). */
    readonly line?: number;
    readonly argument?: 'column' | 'time_column' | 'timezone' | 'profile';
    /** For a column not found: the file's column names (the first thousand), to suggest the closest. */
    readonly columns?: readonly string[];
}

/** The series a file holds: where it starts, how many hours, and how to write its values. */
export interface SeriesCsv {
    readonly granularity: RowGranularity;
    /** The value column read. */
    readonly column: string;
    /** First hour (hours since 1970-01-01T00:00 on the series' clock) and number of hours. */
    readonly start: number;
    readonly hours: number;
    /** Lines of the first and last values. */
    readonly firstLine: number;
    readonly lastLine: number;
    /** Writes the hourly values into `target` (`hours` long). */
    fill(target: Float64Array): void;
}

export type SeriesCsvReading = { readonly ok: true; readonly series: SeriesCsv } | { readonly ok: false; readonly problem: SeriesCsvProblem };

/** Thrown from csv-parse's record callback to stop at the first problem. */
class Stop extends Error {
    constructor(readonly problem: SeriesCsvProblem) {
        super(problem.message);
    }
}

const HOW_TO_WRITE = 'A series file has a header row, a time column and value columns: `time,visits` then `2025-01-01T00:00:00Z,3000`.';

/** Column names in a message: the first few, quoted. */
function someNames(names: readonly string[]): string {
    const shown = names.slice(0, 5).map(quoted).join(', ');
    return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** The first hour of a month (months since January 1970), in hours since 1970. */
function monthStartHour(month: number): number {
    const year = 1970 + Math.floor(month / 12);
    const read = readDateTime(`${String(year).padStart(4, '0')}-${String((month % 12 + 12) % 12 + 1).padStart(2, '0')}-01`);
    if (!read.ok) throw new Error(read.problem);
    return read.hour;
}

/** The first hour of a row and the hour after it. */
function rowHours(granularity: RowGranularity, index: number): [number, number] {
    if (granularity === 'hour') return [index, index + 1];
    if (granularity === 'day') return [index * HOURS_IN_DAY, (index + 1) * HOURS_IN_DAY];
    return [monthStartHour(index), monthStartHour(index + 1)];
}

/** A row's place, as written in messages: `2025-01-01T10:00` (on the series' clock), `2025-01-01`, `2025-01`. */
function rowLabel(granularity: RowGranularity, index: number): string {
    const [start] = rowHours(granularity, index);
    const iso = new Date(start * 3_600_000).toISOString();
    return granularity === 'hour' ? iso.slice(0, 16) : granularity === 'day' ? iso.slice(0, 10) : iso.slice(0, 7);
}

const UNIT: Record<RowGranularity, string> = { hour: 'hour', day: 'day', month: 'month' };

function plural(n: number, unit: string): string {
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function readSeriesCsv(text: string, options: SeriesCsvOptions = {}): SeriesCsvReading {
    if (text.trim() === '') return { ok: false, problem: { message: 'the file is empty', hint: HOW_TO_WRITE } };
    let timeIndex = -1, valueIndex = -1, width = 0, column = '';
    let granularity: RowGranularity | undefined;
    /** The offset of the file's first time: the series' clock (series-csv-times.ts). */
    let clockOffset = 0;
    let previous: { index: number; instant?: number; line: number } | undefined;
    let first: { index: number; line: number } | undefined;
    let lastLine = 0;
    let emptySince: number | undefined;
    const values: number[] = [];
    const stop = (line: number, message: string, hint?: string, argument?: SeriesCsvProblem['argument']): Stop =>
        new Stop({ message, line, ...(hint ? { hint } : {}), ...(argument ? { argument } : {}) });

    const readHeader = (record: string[]) => {
        const header = record.map(c => c.trim());
        width = header.length;
        if (options.timeColumn !== undefined) {
            timeIndex = header.indexOf(options.timeColumn);
            if (timeIndex < 0) {
                throw new Stop({
                    message: `the header has no column ${quoted(options.timeColumn)}`, line: 1, argument: 'time_column',
                    hint: `Its columns: ${someNames(header)}.`, columns: header.slice(0, 1000)
                });
            }
        } else {
            const times = header.flatMap((name, i) => (TIME_COLUMN_NAMES.includes(name.toLowerCase()) ? [i] : []));
            if (times.length === 0) {
                const semicolons = header.length === 1 && header[0].includes(';');
                throw stop(1, `the header has no time column (${TIME_COLUMN_NAMES.join(', ')})`, semicolons
                    ? 'efp reads comma-separated files; this one seems to use semicolons: export it with commas.'
                    : `Name the time column \`time\`, or give its name: \`time_column: "…"\`. Its columns: ${someNames(header)}.`);
            }
            if (times.length > 1) {
                throw stop(1, `the header has ${times.length} time columns (${someNames(times.map(i => header[i]))})`, 'Say which one holds the times: `time_column: "…"`.');
            }
            timeIndex = times[0];
        }
        if (options.column !== undefined) {
            valueIndex = header.indexOf(options.column);
            if (valueIndex < 0 || valueIndex === timeIndex) {
                throw new Stop({
                    message: valueIndex < 0 ? `the header has no column ${quoted(options.column)}` : `${quoted(options.column)} is the time column`,
                    line: 1, argument: 'column', hint: `Its value columns: ${someNames(header.filter((_, i) => i !== timeIndex))}.`,
                    columns: header.filter((_, i) => i !== timeIndex).slice(0, 1000)
                });
            }
        } else {
            if (header.length === 1) throw stop(1, 'the file has a time column and no value column', HOW_TO_WRITE);
            if (header.length > 2) {
                const names = header.filter((_, i) => i !== timeIndex);
                throw stop(1, `the file has ${names.length} value columns (${someNames(names)})`, 'Say which one to read: `column: "…"`.', 'column');
            }
            valueIndex = timeIndex === 0 ? 1 : 0;
        }
        column = header[valueIndex];
        for (const index of [timeIndex, valueIndex]) {
            const again = header.indexOf(header[index], index + 1);
            const before = header.indexOf(header[index]);
            if (again >= 0 || before !== index) {
                throw stop(1, `the header has column ${quoted(header[index])} twice`, 'Rename or delete one of them: efp cannot tell which one to read.');
            }
        }
    };

    const readRow = (record: string[], line: number) => {
        if (record.length !== width) {
            throw stop(line, `the row has ${plural(record.length, 'cell')}, the header ${width}`, 'A row was cut, or a cell holds an unquoted comma; fix or delete that line.');
        }
        const time = readTimeCell(record[timeIndex], options.timezone, previous?.instant);
        if (!time.ok) throw stop(line, time.problem, time.hint ?? 'Times are hours such as 2025-01-01T10:00:00Z, days such as 2025-01-01, or months such as 2025-01.');
        const cell = time.cell;
        if (granularity === undefined) {
            granularity = cell.granularity;
            if (granularity === 'hour' && options.profile) {
                throw stop(line, 'the rows are hours: a profile spreads days or months over their hours', 'Remove `profile:`.', 'profile');
            }
            if (granularity !== 'hour' && !options.profile) {
                throw stop(line, `the rows are ${granularity}s: say how each ${granularity}'s total is spread over its hours`,
                    'Add `profile: "flat"` (the same share each hour), or `profile: [ … ]` with 24 weights, one per hour from 00:00.', 'profile');
            }
            if (granularity !== 'hour' && options.timezone !== undefined) {
                throw stop(line, `the rows are ${granularity}s, without times: a time zone does not apply to them`,
                    `Remove \`timezone:\`: ${granularity}s are read on the clock the series is used in (a usage pattern's is its country's local time).`, 'timezone');
            }
            if (cell.granularity === 'hour') clockOffset = cell.offsetMinutes;
        } else if (cell.granularity !== granularity) {
            throw stop(line, `the row is ${cell.granularity === 'hour' ? 'an hour' : `a ${cell.granularity}`}, the rows before are ${granularity}s`, 'Write every row alike: all hours, all days or all months.');
        }
        let index: number, instant: number | undefined;
        if (cell.granularity === 'hour') {
            instant = cell.instantMinutes;
            const clock = instant + clockOffset;
            if (clock % 60 !== 0) {
                throw previous === undefined
                    ? stop(line, `${record[timeIndex].trim()} is not the start of an hour`, 'Each row is one hour, written as its first minute: 10:00, not 10:30.')
                    : stop(line, `the time is ${Math.abs(clock % 60)} minutes off the hour in the first row's offset`,
                        'Write every row in offsets that differ by whole hours (the series has one value an hour).');
            }
            index = clock / 60;
        } else {
            index = cell.index;
        }
        if (previous) {
            const unit = UNIT[granularity];
            if (index === previous.index) {
                throw stop(line, `${rowLabel(granularity, index)} is there twice (line ${previous.line} has it too)`, 'Delete one of the two rows, or add them up into one.');
            }
            if (index < previous.index) {
                throw stop(line, `${rowLabel(granularity, index)} comes after ${rowLabel(granularity, previous.index)} (line ${previous.line}): the rows are out of order`,
                    'Sort the rows by time.');
            }
            if (index > previous.index + 1) {
                const missing = index - previous.index - 1;
                throw stop(line, `${plural(missing, unit)} missing before ${rowLabel(granularity, index)}: line ${previous.line} is ${rowLabel(granularity, previous.index)}`,
                    `Add a row for each missing ${unit} (0 when nothing happened): efp does not guess the values of a gap.`);
            }
        }
        previous = { index, instant, line };
        const raw = record[valueIndex];
        if (raw.trim() === '') {
            // empty cells before the first value or after the last are outside the column's series
            if (first && emptySince === undefined) emptySince = line;
            return;
        }
        if (emptySince !== undefined) {
            throw stop(emptySince, `${quoted(column)} is empty between values`, 'Fill the cell (0 when nothing happened): efp does not guess the values of a gap.');
        }
        const read = readDecimal(raw);
        if (!read.ok) {
            throw stop(line, `${quoted(column)}: ${quoted(raw.trim())} ${read.problem}`, 'Values are plain decimal numbers (3000, 2.5), without thousands separators or units.');
        }
        const value = read.value;
        if (value < 0) throw stop(line, `${quoted(column)}: ${raw.trim()} is negative`, 'A series from a file counts or measures something: its values are 0 or more.');
        first ??= { index, line };
        const hours = rowHours(granularity, index)[1] - rowHours(granularity, first.index)[0];
        if (hours > MAX_SERIES_HOURS) {
            throw stop(line, `the series would span ${describeHours(hours)}, more than the ${describeHours(MAX_SERIES_HOURS)} a series may hold`,
                'Keep the part of the file the model needs.');
        }
        values.push(value);
        lastLine = line;
    };

    try {
        parse(text, {
            // the line ends named: csv-parse's search for them costs seconds on a header of a million columns
            bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'],
            on_record: (record: string[], context: { lines: number; records: number }) => {
                if (width === 0) readHeader(record);
                else readRow(record, context.lines);
                return null;
            }
        });
    } catch (e) {
        if (e instanceof Stop) return { ok: false, problem: e.problem };
        return { ok: false, problem: { message: `not a CSV file: ${(e as Error).message}`, line: (e as { lines?: number }).lines, hint: HOW_TO_WRITE } };
    }
    if (width === 0) return { ok: false, problem: { message: 'the file is empty', hint: HOW_TO_WRITE } };
    if (!first || granularity === undefined) {
        return { ok: false, problem: { message: `${quoted(column)} has no values`, line: 1, hint: 'Add rows: a time and a value each.' } };
    }
    const g: RowGranularity = granularity;
    const firstRow = first;
    const profile = options.profile;
    const [start] = rowHours(g, firstRow.index);
    const end = rowHours(g, firstRow.index + values.length - 1)[1];
    return {
        ok: true,
        series: {
            granularity: g, column, start, hours: end - start, firstLine: firstRow.line, lastLine,
            fill(target) {
                if (g === 'hour') {
                    target.set(values);
                    return;
                }
                let at = 0;
                for (let r = 0; r < values.length; r++) {
                    const [from, to] = rowHours(g, firstRow.index + r);
                    const days = (to - from) / HOURS_IN_DAY;
                    for (let d = 0; d < days; d++) {
                        for (let h = 0; h < HOURS_IN_DAY; h++) target[at++] = values[r] / days * profile![h];
                    }
                }
            }
        }
    };
}
