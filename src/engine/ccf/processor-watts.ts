/**
 * Watts per vCPU (per GPU for GPU families) of an instance from the processor families CCF maps it to:
 * the mean of their values, or the median when Sandy Bridge or Ivy Bridge is among them (outliers that
 * would inflate a mean); the cloud's fallback when none of the families has a value ("Unknown").
 */
import type { CloudProvider } from '../cloud/cloud-catalogue.js';
import { ccfConstants } from './methodology-constants.js';

const MEDIAN_TRIGGERS = ['Sandy Bridge', 'Ivy Bridge'];

export interface ProcessorWatts { readonly minWattsPerVcpu: number; readonly maxWattsPerVcpu: number }

export function processorWatts(cloud: CloudProvider, processors: readonly string[]): ProcessorWatts {
    const c = ccfConstants(cloud);
    return {
        minWattsPerVcpu: averageOrMedian(processors, processors.map(p => c.minWattsByProcessor[p])) || c.minWattsFallback,
        maxWattsPerVcpu: averageOrMedian(processors, processors.map(p => c.maxWattsByProcessor[p])) || c.maxWattsFallback
    };
}

/** GB of memory per chip measured with the processor families (CCF's getMemory), or the cloud's average. */
export function processorMemoryGB(cloud: CloudProvider, processors: readonly string[]): number | undefined {
    const c = ccfConstants(cloud);
    const value = average(processors.map(p => c.memoryByProcessor[p]));
    return value || (c.memoryFallback ?? undefined);
}

/**
 * CCF's getWattsByAverageOrMedian. A family without a value makes the mean NaN (a single one: undefined),
 * which the caller's `||` turns into the fallback, as in CCF.
 */
function averageOrMedian(processors: readonly string[], values: ReadonlyArray<number | undefined>): number | undefined {
    return processors.some(p => MEDIAN_TRIGGERS.includes(p)) ? median(values) : average(values);
}

function average(values: ReadonlyArray<number | undefined>): number | undefined {
    if (values.length === 0) return 0;
    if (values.length === 1) return values[0];
    return values.reduce<number>((a, b) => a + (b ?? NaN), 0) / values.length;
}

// ramda's median: NaN as soon as a value is missing, the mean of the two middle values for an even count
function median(values: ReadonlyArray<number | undefined>): number {
    if (values.length === 0 || values.some(v => v === undefined)) return NaN;
    const sorted = (values as number[]).slice().sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
