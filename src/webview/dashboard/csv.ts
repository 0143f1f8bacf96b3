import type { SystemFootprintSummary } from '../../engine/presentation.js';
import { resample, type TimeBuckets } from './resample.js';
import type { HourlySeries } from './series-decode.js';
import { isoHour } from './time-format.js';
import { categoryLabel, phaseLabel } from './vocabulary.js';

/**
 * A text a spreadsheet would read as a formula (`=cmd|' /C calc'!A0`, `+1`, `-2+3`, `@SUM(1)`, or one of
 * these behind a tab or carriage return): OWASP's CSV injection rule, for names that come from a model.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 field: quoted when it holds a separator, a quote or a line break. Text that would start a
 * formula gets a leading `'`, which spreadsheets show as text; numbers are written as numbers.
 */
function field(value: string | number): string {
    const text = typeof value === 'number' ? numberText(value) : FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Full precision (the shortest text that reads back as the same double), no thousands separators. */
function numberText(value: number): string {
    return Number.isFinite(value) ? String(value) : '';
}

function lines(rows: readonly (readonly (string | number)[])[]): string {
    return rows.map(r => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * The system's footprint over time, one column per category and phase plus their total, one row per
 * bucket (an hour at hourly resolution), in kg CO2e over the bucket.
 */
export function seriesCsv(series: readonly HourlySeries[], buckets: TimeBuckets): string {
    const columns = series.map(s => resample(s.values, buckets));
    const header = ['time_utc', ...series.map(s => `${categoryLabel(s.category)} ${phaseLabel(s.phase).toLowerCase()} (kg CO2e)`), 'Total (kg CO2e)'];
    const rows: (string | number)[][] = [header];
    for (let b = 0; b < buckets.starts.length; b++) {
        let total = 0;
        const row: (string | number)[] = [isoHour(buckets.starts[b])];
        for (const column of columns) {
            row.push(column[b]);
            total += column[b];
        }
        row.push(total);
        rows.push(row);
    }
    return lines(rows);
}

/** The summary table in kg CO2e: the system, its phases, categories, objects and calendar years. */
export function summaryCsv(s: SystemFootprintSummary): string {
    const share = (kg: number) => (s.total > 0 ? (100 * kg) / s.total : '');
    const rows: (string | number)[][] = [['level', 'category', 'id', 'name', 'fabrication (kg CO2e)', 'energy (kg CO2e)', 'total (kg CO2e)', 'share (%)']];
    rows.push(['system', '', s.systemId, s.system, s.fabrication, s.energy, s.total, s.total > 0 ? 100 : '']);
    for (const c of s.categories) {
        rows.push(['category', c.category, '', categoryLabel(c.category), c.fabrication, c.energy, c.fabrication + c.energy, share(c.fabrication + c.energy)]);
    }
    for (const o of s.objects) {
        rows.push(['object', o.category, o.id, o.name, o.fabrication, o.energy, o.fabrication + o.energy, share(o.fabrication + o.energy)]);
    }
    for (const y of s.years) {
        rows.push(['year', '', String(y.year), String(y.year), y.fabrication, y.energy, y.fabrication + y.energy, share(y.fabrication + y.energy)]);
    }
    return lines(rows);
}
