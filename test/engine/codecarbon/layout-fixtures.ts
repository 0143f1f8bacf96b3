/**
 * Hand-made emissions.csv texts in every CodeCarbon layout from v2.0 to v3.3, generated from the column
 * sets in data/codecarbon/emissions_csv_columns.json, with values chosen so that totals are easy to
 * state: run i (1…3) has cpu 0.01·i, gpu 0.02·i, ram 0.005·i kWh, emissions 0.001·i kg, 100·i s.
 */
import { EMISSIONS_CSV_LAYOUTS, type EmissionsCsvLayout } from '../../../src/engine/codecarbon/emissions-csv-layouts.js';

function cell(column: string, i: number): string {
    switch (column) {
        case 'timestamp': return `2025-03-0${i}T10:15:00`;
        case 'project_name': return i === 3 ? 'other-project' : 'layout-test';
        case 'run_id': return `run-${i}`;
        case 'experiment_id': return i === 1 ? 'exp-a' : 'exp-b';
        case 'duration': return String(100 * i);
        case 'emissions': return String(0.001 * i);
        case 'cpu_energy': return String(0.01 * i);
        case 'gpu_energy': return String(0.02 * i);
        case 'ram_energy': return String(0.005 * i);
        case 'energy_consumed': return String(0.035 * i);
        case 'country_iso_code': return 'FRA';
        case 'country_name': return 'France';
        case 'region': return 'île-de-france';
        case 'cloud_provider': case 'cloud_region': case 'gpu_model': return '';
        case 'on_cloud': return 'N';
        case 'tracking_mode': return 'machine';
        case 'os': return 'Linux';
        case 'python_version': return '3.11.9';
        case 'codecarbon_version': return '2.8.3';
        case 'cpu_model': return 'Intel, "quoted" CPU';
        default: return '1.0';
    }
}

function quote(text: string): string {
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The layout's file with three runs; `transform` may change the header or rows (shuffled columns, extras). */
export function layoutCsv(layout: EmissionsCsvLayout, columns: readonly string[] = layout.columns): string {
    const lines = [columns.join(',')];
    for (let i = 1; i <= 3; i++) lines.push(columns.map(c => quote(cell(c, i))).join(','));
    return lines.join('\n') + '\n';
}

export { EMISSIONS_CSV_LAYOUTS };
