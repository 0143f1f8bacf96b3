/**
 * Which runs of an emissions.csv a measurement counts: those of a project, an experiment, one run, or
 * all of them. Filters combine (a project's runs in one experiment).
 */
import { textOf, type CodeCarbonRun, type EmissionsCsv, type EmissionsCsvProblem } from './emissions-csv.js';

/** The filters, by CodeCarbon's column names; none means every run. */
export interface RunSelection {
    readonly project_name?: string;
    readonly run_id?: string;
    readonly experiment_id?: string;
}

export const SELECTION_COLUMNS = ['project_name', 'run_id', 'experiment_id'] as const;

export type RunSelectionResult =
    | { readonly ok: true; readonly runs: readonly CodeCarbonRun[] }
    | { readonly ok: false; readonly problem: EmissionsCsvProblem & { readonly filter?: keyof RunSelection } };

export function selectRuns(csv: EmissionsCsv, selection: RunSelection): RunSelectionResult {
    let runs = csv.runs;
    if (runs.length === 0) {
        return { ok: false, problem: { message: 'the file has a header but no runs', hint: 'Run the tracked code once (CodeCarbon appends a line per run), or point `file:` at another emissions.csv.' } };
    }
    for (const column of SELECTION_COLUMNS) {
        const wanted = selection[column];
        if (wanted === undefined) continue;
        if (!csv.header.includes(column)) {
            return {
                ok: false, problem: {
                    message: `this file has no '${column}' column (CodeCarbon ${csv.layout.layout?.versions ?? 'before 2.7'} layout)`, filter: column,
                    hint: column === 'experiment_id' ? 'experiment_id appeared in CodeCarbon 2.7; select by project_name or run_id instead.' : undefined
                }
            };
        }
        const kept = runs.filter(r => textOf(r, column) === wanted);
        if (kept.length === 0) {
            const values = [...new Set(runs.map(r => textOf(r, column)))];
            const shown = values.slice(0, 5).map(v => `"${v}"`).join(', ') + (values.length > 5 ? `, … (${values.length} in all)` : '');
            return {
                ok: false, problem: {
                    message: `no run has ${column} "${wanted}"`, filter: column,
                    hint: `The ${column} values ${runs === csv.runs ? 'in the file' : 'of the runs the other filters keep'} are ${shown}.`
                }
            };
        }
        runs = kept;
    }
    return { ok: true, runs };
}
