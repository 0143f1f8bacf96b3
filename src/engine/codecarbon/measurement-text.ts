/**
 * The .efp text `efp import codecarbon` writes for an emissions.csv: one measurement per project (the
 * file's runs, by CodeCarbon's project_name), a system that counts them, and a model period starting
 * on the day of the first run. The measurements read the file whenever the model is evaluated.
 */
import { efpIdentifiers } from '../import/identifiers.js';
import { efpComment, efpIdentifier, efpString } from '../text/efp-syntax.js';
import { runHour, textOf, type CodeCarbonRun, type EmissionsCsv } from './emissions-csv.js';
import { measuredTotals } from './measured-totals.js';

function rounded(x: number): string {
    return String(+x.toPrecision(4));
}

/** `path` is the CSV as the .efp will name it (relative to where the .efp is written). */
export function codecarbonModelText(csv: EmissionsCsv, path: string, fileLabel: string): string {
    // each project's runs, found in one pass (a scan of every run for each project was quadratic)
    const runsOf = new Map<string, CodeCarbonRun[]>();
    for (const run of csv.runs) {
        const project = textOf(run, 'project_name');
        const runs = runsOf.get(project);
        if (runs) runs.push(run);
        else runsOf.set(project, [run]);
    }
    const projects = [...runsOf.keys()];
    const ids = efpIdentifiers(projects.map(p => ({ key: p, name: p || 'codecarbon runs' })), ['measured_runs']);
    const first = csv.runs.reduce((m, r) => Math.min(m, runHour(r)), Infinity);
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
        const t = measuredTotals(runsOf.get(project)!);
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
