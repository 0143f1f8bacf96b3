/**
 * The column layouts of CodeCarbon's `emissions.csv`, from v2.0 to v3.3 (data/codecarbon/, read from
 * CodeCarbon's EmissionsData dataclass at each release). CodeCarbon writes the dataclass's fields in
 * order, but a file may have been edited or come from another writer, so columns are matched by name.
 */
import columns from '../../../data/codecarbon/emissions_csv_columns.json' with { type: 'json' };

export interface EmissionsCsvLayout {
    /** The CodeCarbon versions that write it: `v2.0-2.1` … `v3.2+`. */
    readonly versions: string;
    readonly columns: readonly string[];
}

/** Oldest first. */
export const EMISSIONS_CSV_LAYOUTS: readonly EmissionsCsvLayout[] = Object.entries(columns.column_sets)
    .map(([versions, names]) => ({ versions, columns: names }));

/**
 * The columns efp computes with: a file without one of them cannot be read as a measurement. Every
 * layout has them; the others (hardware, location, utilisation) are read when present.
 */
export const REQUIRED_COLUMNS: readonly string[] = [
    'timestamp', 'project_name', 'run_id', 'duration', 'emissions', 'cpu_energy', 'gpu_energy', 'ram_energy', 'energy_consumed'
];

/** Columns that hold numbers (an empty cell is "not measured"). */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
    'duration', 'emissions', 'emissions_rate', 'cpu_power', 'gpu_power', 'ram_power', 'cpu_energy', 'gpu_energy', 'ram_energy',
    'energy_consumed', 'water_consumed', 'cpu_count', 'gpu_count', 'longitude', 'latitude', 'ram_total_size',
    'cpu_utilization_percent', 'gpu_utilization_percent', 'ram_utilization_percent', 'ram_used_gb', 'pue', 'wue'
]);

/** What a header says about the file: the layout it matches, columns it lacks or adds. */
export interface LayoutMatch {
    /** The newest layout whose columns are all there; undefined when even the oldest is incomplete. */
    readonly layout?: EmissionsCsvLayout;
    /** True when the header is exactly that layout's column set (in any order). */
    readonly exact: boolean;
    /** Required columns the header lacks. */
    readonly missing: readonly string[];
    /** Columns no layout has (tolerated: a user's own column, a newer CodeCarbon). */
    readonly unknown: readonly string[];
}

export function matchLayout(header: readonly string[]): LayoutMatch {
    const present = new Set(header);
    const known = new Set(EMISSIONS_CSV_LAYOUTS.flatMap(l => l.columns));
    let layout: EmissionsCsvLayout | undefined;
    for (const candidate of EMISSIONS_CSV_LAYOUTS) {
        if (candidate.columns.every(c => present.has(c))) layout = candidate;
    }
    return {
        layout,
        exact: layout !== undefined && layout.columns.length === present.size,
        missing: REQUIRED_COLUMNS.filter(c => !present.has(c)),
        unknown: header.filter(c => !known.has(c))
    };
}
