/**
 * Writing hourly series as the CSV file `hourly_values(file: …, column: …)` reads (series-csv.ts): for
 * the importers, which keep long series out of the .efp text. One time column, `time`, one row per hour
 * in UTC with `Z` (`2025-01-01T00:00:00Z`), and a column per series; a column's cells before its start
 * and after its end are empty, which the reader takes as outside that series.
 */
import { TIME_COLUMN_NAMES } from './series-csv.js';
import { describeHours, MAX_SERIES_HOURS } from './series-limits.js';

export interface SeriesCsvColumn {
    /**
     * The column's name: a letter or `_`, then letters, digits and `_` (the name is written as is, and a
     * spreadsheet must not read it as a formula). Not a time column's name.
     */
    readonly name: string;
    /** The first value's hour, in hours since 1970-01-01T00:00Z (an HourlySeries' start). */
    readonly start: number;
    /** One value an hour: finite, 0 or more (what the reader accepts). */
    readonly values: ArrayLike<number>;
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` can head a column of a series file. */
export function isSeriesColumnName(name: string): boolean {
    return SAFE_NAME.test(name) && !TIME_COLUMN_NAMES.includes(name.toLowerCase());
}

/** `2025-01-01T00:00:00Z` */
function utcTime(hour: number): string {
    return `${new Date(hour * 3_600_000).toISOString().slice(0, 19)}Z`;
}

/**
 * The CSV text of the columns: `time,<name>,…` then a row per hour from the earliest start to the
 * latest end. Throws a RangeError for a name that is not isSeriesColumnName or is given twice, a value
 * that is negative or not finite, or hours spanning more than a series may hold.
 */
export function formatSeriesCsv(columns: readonly SeriesCsvColumn[]): string {
    if (columns.length === 0) throw new RangeError('a series file needs at least one column');
    const names = new Set<string>();
    let start = Infinity, end = -Infinity;
    for (const column of columns) {
        if (!isSeriesColumnName(column.name)) throw new RangeError(`'${column.name.slice(0, 40)}' cannot name a column of a series file (letters, digits and _ only; not a time column's name)`);
        if (names.has(column.name)) throw new RangeError(`the column '${column.name}' is given twice`);
        names.add(column.name);
        if (!Number.isSafeInteger(column.start)) throw new RangeError(`the column '${column.name}' starts at ${column.start}, not a whole hour`);
        for (let i = 0; i < column.values.length; i++) {
            const v = column.values[i];
            if (!Number.isFinite(v) || v < 0) throw new RangeError(`the column '${column.name}' has ${v} at its value ${i + 1}: values are finite and 0 or more`);
        }
        if (column.values.length === 0) continue;
        start = Math.min(start, column.start);
        end = Math.max(end, column.start + column.values.length);
    }
    const lines = [['time', ...columns.map(c => c.name)].join(',')];
    if (start === Infinity) return `${lines[0]}\n`;
    if (end - start > MAX_SERIES_HOURS) throw new RangeError(`the columns span ${describeHours(end - start)}, more than a series may hold`);
    for (let hour = start; hour < end; hour++) {
        let line = utcTime(hour);
        for (const column of columns) {
            const i = hour - column.start;
            // String(v) is the shortest text that reads back as the same double
            line += i >= 0 && i < column.values.length ? `,${String(column.values[i])}` : ',';
        }
        lines.push(line);
    }
    return `${lines.join('\n')}\n`;
}
