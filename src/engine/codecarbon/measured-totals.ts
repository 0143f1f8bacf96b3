/**
 * What a measurement adds up from its runs: energies (CodeCarbon's, PUE included), emissions, time,
 * and where the runs took place.
 */
import { numberOf, runHour, textOf, type CodeCarbonRun } from './emissions-csv.js';

export interface MeasuredTotals {
    readonly runs_count: number;
    /** kWh */
    readonly energy_consumed: number;
    readonly cpu_energy: number;
    readonly gpu_energy: number;
    readonly ram_energy: number;
    /** kg CO2e */
    readonly emissions: number;
    /** s */
    readonly duration: number;
    /** Litres, when the file has CodeCarbon 3.0.8's water column. */
    readonly water_consumed?: number;
    /** The runs' location when they all share it, else undefined. */
    readonly country_iso_code?: string;
    readonly country_name?: string;
    readonly region?: string;
    readonly cloud_provider?: string;
    readonly cloud_region?: string;
    /** Each run's emissions (kg) at the hour it ended (hours since 1970, read as UTC), in file order. */
    readonly emissionsByHour: ReadonlyArray<{ readonly hour: number; readonly emissions: number }>;
}

function total(runs: readonly CodeCarbonRun[], column: string): number {
    let sum = 0;
    for (const run of runs) sum += numberOf(run, column) ?? 0;
    return sum;
}

/** The value every run has in `column`, or undefined if they differ or have none. */
function shared(runs: readonly CodeCarbonRun[], column: string): string | undefined {
    const values = new Set(runs.map(r => textOf(r, column)));
    const [only] = values;
    return values.size === 1 && only !== '' ? only : undefined;
}

export function measuredTotals(runs: readonly CodeCarbonRun[]): MeasuredTotals {
    const hasWater = runs.some(r => 'water_consumed' in r.cells);
    return {
        runs_count: runs.length,
        energy_consumed: total(runs, 'energy_consumed'),
        cpu_energy: total(runs, 'cpu_energy'),
        gpu_energy: total(runs, 'gpu_energy'),
        ram_energy: total(runs, 'ram_energy'),
        emissions: total(runs, 'emissions'),
        duration: total(runs, 'duration'),
        water_consumed: hasWater ? total(runs, 'water_consumed') : undefined,
        country_iso_code: shared(runs, 'country_iso_code'),
        country_name: shared(runs, 'country_name'),
        region: shared(runs, 'region'),
        cloud_provider: shared(runs, 'cloud_provider'),
        cloud_region: shared(runs, 'cloud_region'),
        emissionsByHour: runs.map(r => ({ hour: runHour(r), emissions: numberOf(r, 'emissions') ?? 0 }))
    };
}
