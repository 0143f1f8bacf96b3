/** CCF's storage energy: a coefficient per TB-hour, different for SSD and HDD, times PUE and replication. */

export type StorageMedium = 'ssd' | 'hdd';

export interface StorageUsage {
    readonly terabyteHours: number;
    /** Wh per TB-hour (CCF: SSD 1.2, HDD 0.65). */
    readonly whPerTBh: number;
    readonly pue: number;
    readonly replicationFactor?: number;
}

/** CCF's StorageEstimator: `TB-hours × coefficient × PUE × replication / 1000`, kWh. */
export function storageKilowattHours(usage: StorageUsage): number {
    return (usage.terabyteHours * usage.whPerTBh * usage.pue * (usage.replicationFactor ?? 1)) / 1000;
}
