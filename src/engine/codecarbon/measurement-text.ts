/**
 * The .efp text `efp import codecarbon` writes for an emissions.csv: one measurement per project (the
 * file's runs, by CodeCarbon's project_name), a system that counts them, and a model period starting
 * on the day of the first run. The measurements read the file whenever the model is evaluated.
 */
import { efpIdentifiers } from '../import/identifiers.js';
import { efpComment, efpIdentifier, efpString } from '../text/efp-syntax.js';
import { runHour, textOf, type EmissionsCsv } from './emissions-csv.js';
import { measuredTotals } from './measured-totals.js';

function rounded(x: number): string {
    return String(+x.toPrecision(4));
}

/** `path` is the CSV as the .efp will name it (relative to where the .efp is written). */
export function codecarbonModelText(csv: EmissionsCsv, path: string, fileLabel: string): string {
    const projects = [...new Set(csv.runs.map(r => textOf(r, 'project_name')))];
    const ids = efpIdentifiers(projects.map(p => ({ key: p, name: p || 'codecarbon runs' })), ['measured_runs']);
    const first = Math.min(...csv.runs.map(runHour));
    const startDate = new Date(first * 3_600_000).toISOString().slice(0, 10);
    const layout = csv.layout.layout?.versions ?? 'unknown';
    const lines = [
        efpComment(`Imported from ${fileLabel} (CodeCarbon ${layout} layout, ${csv.runs.length} run${csv.runs.length === 1 ? '' : 's'}) by efp import codecarbon.`),
        '// The measurements read the file each time the model is evaluated: runs CodeCarbon appends count too.',
        `model ${efpString(`CodeCarbon runs of ${fileLabel}`)} {`,
        `  start_date: ${startDate}`,
        '  modeling_duration: 1 year',
        '}',
        ''
    ];
    for (const project of projects) {
        const runs = csv.runs.filter(r => textOf(r, 'project_name') === project);
        const t = measuredTotals(runs);
        const place = [t.country_iso_code, t.region, t.cloud_provider && `${t.cloud_provider} ${t.cloud_region ?? ''}`.trim()].filter(Boolean).join(', ');
        lines.push(
            `measurement ${efpIdentifier(ids.get(project)!)} ${efpString(project || 'CodeCarbon runs')} {`,
            `  file: ${efpString(path)}`,
            `  project_name: ${efpString(project)}`,
            `  ${efpComment(`${t.runs_count} run${t.runs_count === 1 ? '' : 's'}: ${rounded(t.energy_consumed)} kWh, ${rounded(t.emissions)} kg CO2e${place ? `, ${place}` : ''}`)}`,
            '}',
            ''
        );
    }
    lines.push(`system measured_runs { measurements: [${projects.map(p => efpIdentifier(ids.get(p)!)).join(', ')}] }`);
    return lines.join('\n') + '\n';
}
