/**
 * Energy from power and time: the plugin's CPU energy of one observation, and CCF's compute energy of a
 * number of vCPU-hours (which adds the data centre's PUE and the service's replication factor).
 */

/** kWh drawn by `watts` over `durationSeconds`: the plugin's `(W × duration) / 3600 / 1000`, in that order. */
export function observationEnergyKWh(watts: number, durationSeconds: number): number {
    return (watts * durationSeconds) / 3600 / 1000;
}

export interface ComputeUsage {
    /** Average CPU utilisation, % (0–100). */
    readonly cpuUtilization: number;
    readonly vCpuHours: number;
    /** Watts per vCPU at 0 % and 100 % CPU. */
    readonly minWattsPerVcpu: number;
    readonly maxWattsPerVcpu: number;
    readonly pue: number;
    readonly replicationFactor?: number;
}

/** CCF's ComputeEstimator: `avg W × vCPU-hours × PUE × replication / 1000`, kWh. */
export function computeKilowattHours(usage: ComputeUsage): number {
    const averageWatts = usage.minWattsPerVcpu + (usage.cpuUtilization / 100) * (usage.maxWattsPerVcpu - usage.minWattsPerVcpu);
    return (averageWatts * usage.vCpuHours * usage.pue * (usage.replicationFactor ?? 1)) / 1000;
}
