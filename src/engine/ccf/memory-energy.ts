/**
 * CCF's memory energy: a fixed coefficient per GB-hour. For compute instances CCF counts only the memory
 * beyond what the processor's SPECpower measurements already include (gigabyteHoursBeyondProcessor).
 */

export interface MemoryUsage {
    readonly gigabyteHours: number;
    /** kWh per GB-hour (CCF: 0.000392). */
    readonly kWhPerGBh: number;
    readonly pue: number;
    readonly replicationFactor?: number;
}

/** CCF's MemoryEstimator: `GB-hours × coefficient × PUE × replication`, kWh. */
export function memoryKilowattHours(usage: MemoryUsage): number {
    return usage.gigabyteHours * usage.kWhPerGBh * usage.pue * (usage.replicationFactor ?? 1);
}

/** CCF counts one physical chip per 96 vCPUs of a family's largest instance. */
export function physicalChips(largestInstanceVcpus: number): number {
    return Math.ceil(largestInstanceVcpus / 96);
}

export interface InstanceMemory {
    readonly largestInstanceVcpus: number;
    readonly largestInstanceMemoryGB: number;
    /** GB per chip measured with the processor family (included in its watts). */
    readonly processorMemoryGB: number;
    readonly instanceMemoryGB: number;
    readonly usageHours: number;
}

/** CCF's calculateGigabyteHours: the instance's share of the memory above the processor's, times the hours; 0 when none. */
export function gigabyteHoursBeyondProcessor(m: InstanceMemory): number {
    const memoryPerChip = m.largestInstanceMemoryGB / physicalChips(m.largestInstanceVcpus);
    if (memoryPerChip - m.processorMemoryGB <= 0) return 0;
    const delta = memoryPerChip - m.processorMemoryGB;
    const ratio = m.largestInstanceMemoryGB / m.instanceMemoryGB;
    return (delta / ratio) * m.usageHours;
}
