/** CCF's networking energy: data transferred between regions or out of the cloud, per GB, times PUE (no replication). */

export interface NetworkingUsage {
    readonly gigabytes: number;
    /** kWh per GB (CCF: 0.001). */
    readonly kWhPerGB: number;
    readonly pue: number;
}

/** CCF's NetworkingEstimator: `GB × coefficient × PUE`, kWh. */
export function networkingKilowattHours(usage: NetworkingUsage): number {
    return usage.gigabytes * usage.kWhPerGB * usage.pue;
}
