/**
 * Every case of ccf_core_vectors.json (@cloud-carbon-footprint/core 1.0.0's estimator classes): compute,
 * memory, SSD and HDD storage, networking and embodied emissions; kWh and tCO2e. The compute cases also
 * check how efp resolves processor families to watts and regions to PUE and grid factors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CloudProvider } from '../../../src/engine/cloud/cloud-catalogue.js';
import { computeKilowattHours } from '../../../src/engine/ccf/operational-energy.js';
import { memoryKilowattHours, gigabyteHoursBeyondProcessor, physicalChips } from '../../../src/engine/ccf/memory-energy.js';
import { storageKilowattHours } from '../../../src/engine/ccf/storage-energy.js';
import { networkingKilowattHours } from '../../../src/engine/ccf/networking-energy.js';
import { embodiedTonnes } from '../../../src/engine/ccf/embodied-carbon.js';
import { ccfPue, co2eTonnes, gridFactor, kWhFromCo2e } from '../../../src/engine/ccf/grid-emissions.js';
import { processorWatts, processorMemoryGB } from '../../../src/engine/ccf/processor-watts.js';
import { ccfConstants } from '../../../src/engine/ccf/methodology-constants.js';

interface CoreVector { name: string; inputs: Record<string, any>; output: Record<string, number> }
const vectors: CoreVector[] = JSON.parse(readFileSync('test/fixtures/ccf/ccf_core_vectors.json', 'utf8')).vectors;

const RELATIVE_TOLERANCE = 1e-12;
let maxRelativeError = 0;
function expectClose(actual: number, expected: number, what: string): void {
    const error = Math.abs(actual - expected) / Math.abs(expected);
    maxRelativeError = Math.max(maxRelativeError, error);
    expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
}

/** The grid factor efp finds for the region (CCF's table, or its "Unknown" row). */
const grid = (i: Record<string, any>) => gridFactor(i.cloud as CloudProvider, i.region).tonnesPerKWh;

const estimators: Record<string, (i: Record<string, any>) => { kWh: number; co2e: number }> = {
    compute(i) {
        const cloud = i.cloud as CloudProvider;
        const watts = processorWatts(cloud, i.procs);
        expect(watts.minWattsPerVcpu).toBeCloseTo(i.resolved.minWattsPerVcpu, 14);
        expect(watts.maxWattsPerVcpu).toBeCloseTo(i.resolved.maxWattsPerVcpu, 14);
        expect(ccfPue(cloud, i.region)).toBe(i.resolved.pue);
        if (i.resolved.gridFactor_t_per_kWh !== undefined) expect(grid(i)).toBe(i.resolved.gridFactor_t_per_kWh);
        const kWh = computeKilowattHours({ cpuUtilization: i.util, vCpuHours: i.vCpuHours, ...watts, pue: ccfPue(cloud, i.region) });
        return { kWh, co2e: co2eTonnes(kWh, grid(i)) };
    },
    memory(i) {
        expect(ccfConstants(i.cloud).memoryKWhPerGBh).toBe(i.coefficient_kWh_per_GBh);
        expect(ccfPue(i.cloud, i.region)).toBe(i.pue);
        const kWh = memoryKilowattHours({ gigabyteHours: i.gigabyteHours, kWhPerGBh: i.coefficient_kWh_per_GBh, pue: i.pue, replicationFactor: i.replicationFactor });
        return { kWh, co2e: co2eTonnes(kWh, grid(i)) };
    },
    storage_SSD(i) {
        expect(ccfConstants(i.cloud).ssdWhPerTBh).toBe(i.coefficient_Wh_per_TBh);
        const kWh = storageKilowattHours({ terabyteHours: i.terabyteHours, whPerTBh: i.coefficient_Wh_per_TBh, pue: i.pue, replicationFactor: i.replicationFactor });
        return { kWh, co2e: co2eTonnes(kWh, grid(i)) };
    },
    storage_HDD(i) {
        expect(ccfConstants(i.cloud).hddWhPerTBh).toBe(i.coefficient_Wh_per_TBh);
        const kWh = storageKilowattHours({ terabyteHours: i.terabyteHours, whPerTBh: i.coefficient_Wh_per_TBh, pue: i.pue, replicationFactor: i.replicationFactor });
        return { kWh, co2e: co2eTonnes(kWh, grid(i)) };
    },
    networking(i) {
        expect(ccfConstants(i.cloud).networkingKWhPerGB).toBe(i.coefficient_kWh_per_GB);
        expect(ccfPue(i.cloud, i.region)).toBe(i.pue);
        const kWh = networkingKilowattHours({ gigabytes: i.gigabytes, kWhPerGB: i.coefficient_kWh_per_GB, pue: i.pue });
        return { kWh, co2e: co2eTonnes(kWh, grid(i)) };
    },
    embodied(i) {
        expect(ccfConstants(i.cloud).serverLifespanHours).toBe(i.serverExpectedLifespan_h);
        const co2e = embodiedTonnes({
            scopeThreeEmissionsTonnes: i.scopeThreeEmissions_t, usageHours: i.usageHours, serverLifespanHours: i.serverExpectedLifespan_h,
            instanceVcpus: i.instancevCpu, largestInstanceVcpus: i.largestInstancevCpu
        });
        return { kWh: kWhFromCo2e(co2e, grid(i)), co2e };
    }
};

describe('CCF methodology vectors', () => {
    it('has the 16 cases', () => expect(vectors).toHaveLength(16));

    vectors.forEach((v, n) => {
        it(`#${n} ${v.name} ${v.inputs.cloud} ${v.inputs.region}`, () => {
            const { kWh, co2e } = estimators[v.name](v.inputs);
            expectClose(kWh, v.output.kilowattHours ?? v.output.kilowattHours_backcomputed, 'kWh');
            expectClose(co2e, v.output.co2e, 'co2e');
        });
    });

    it('agrees with CCF within the tolerance', () => {
        expect(maxRelativeError).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
        console.info(`ccf_core_vectors.json: max relative error ${maxRelativeError}`);
    });

    it('falls back to the cloud\'s figures for unknown processors and regions', () => {
        expect(processorWatts('gcp', ['Unknown'])).toEqual({ minWattsPerVcpu: 0.68, maxWattsPerVcpu: 4.11 });
        expect(gridFactor('azure', 'eastus')).toEqual({ tonnesPerKWh: 0.0003512799615, listed: false });
        expect(ccfPue('gcp', 'us-east1')).toBe(1.1);
        expect(processorMemoryGB('aws', ['Cascade Lake', 'Skylake'])).toBeCloseTo((98.12 + 81.32) / 2, 12);
    });

    it('counts memory beyond the processor\'s as CCF does', () => {
        expect(physicalChips(96)).toBe(1);
        expect(physicalChips(192)).toBe(2);
        // a family whose largest type has 768 GB on 96 vCPUs, Cascade Lake (98.12 GB per chip), an 8 GB type for 10 h
        expect(gigabyteHoursBeyondProcessor({ largestInstanceVcpus: 96, largestInstanceMemoryGB: 768, processorMemoryGB: 98.12, instanceMemoryGB: 8, usageHours: 10 }))
            .toBeCloseTo((768 - 98.12) / (768 / 8) * 10, 12);
        expect(gigabyteHoursBeyondProcessor({ largestInstanceVcpus: 96, largestInstanceMemoryGB: 96, processorMemoryGB: 98.12, instanceMemoryGB: 8, usageHours: 10 })).toBe(0);
    });
});
