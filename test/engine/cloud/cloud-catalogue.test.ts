// Expected values are read by hand from data/ccf/if_ccf_instances.json and cloud_region_intensity_ccf.json.
import { describe, expect, it } from 'vitest';
import {
    cloudProvider, cloudRegion, CloudCatalogueError, instanceType, instanceTypeNames, regionNames
} from '../../../src/engine/cloud/cloud-catalogue.js';

function errorOf(f: () => unknown): CloudCatalogueError {
    try {
        f();
    } catch (e) {
        if (e instanceof CloudCatalogueError) return e;
        throw e;
    }
    throw new Error('expected a CloudCatalogueError');
}

describe('cloud catalogue (hand-read from the CCF data)', () => {
    it('aws m5.large: 2 vCPU on a 96-vCPU platform, 8 GB, Skylake watts, 1610.79 kg platform embodied', () => {
        expect(instanceType('aws', 'm5.large')).toEqual({
            provider: 'aws', name: 'm5.large', vcpus: 2, platformVcpus: 96, memoryGB: 8,
            minWattsPerVcpu: 0.6446044454253452, maxWattsPerVcpu: 4.193436438541878, platformEmbodiedKg: 1610.79
        });
    });

    it('azure D2s v3 runs on four microarchitectures: watts are their mean (CCF), not the last row (IF plugin)', () => {
        const d2s = instanceType('azure', 'D2s v3');
        // Haswell 1.9005681818181814 / 6.012910353535353, Cascade Lake 0.6389493581523519 / 3.9673047343937564,
        // Skylake 0.6446044454253452 / 4.193436438541878, Broadwell 0.7128342245989304 / 3.6853275401069516
        expect(d2s.minWattsPerVcpu).toBeCloseTo((1.9005681818181814 + 0.6389493581523519 + 0.6446044454253452 + 0.7128342245989304) / 4, 12);
        expect(d2s.maxWattsPerVcpu).toBeCloseTo((6.012910353535353 + 3.9673047343937564 + 4.193436438541878 + 3.6853275401069516) / 4, 12);
        expect([d2s.vcpus, d2s.platformVcpus, d2s.memoryGB, d2s.platformEmbodiedKg]).toEqual([2, 64, 8, 1483.12]);
    });

    it('gcp n2-standard-2: Cascade Lake, 2 of 128 vCPUs, 8 GB, 1888.46 kg', () => {
        const n2 = instanceType('gcp', 'n2-standard-2');
        expect([n2.vcpus, n2.platformVcpus, n2.memoryGB, n2.minWattsPerVcpu, n2.maxWattsPerVcpu, n2.platformEmbodiedKg])
            .toEqual([2, 128, 8, 0.6389493581523519, 3.6424520285114035, 1888.46]);
    });

    it('matches names without regard to case, and Azure API spellings', () => {
        expect(instanceType('aws', 'M5.Large').name).toBe('m5.large');
        expect(instanceType('azure', 'Standard_D2s_v3').name).toBe('D2s v3');
        expect(cloudProvider('AWS')).toBe('aws');
    });

    it('regions: intensity (gCO2e/kWh) and PUE', () => {
        expect(cloudRegion('aws', 'eu-west-3')).toEqual({ provider: 'aws', name: 'eu-west-3', gramsPerKWh: 51.1, pue: 1.135 });
        expect(cloudRegion('aws', 'us-east-1')).toMatchObject({ gramsPerKWh: 379.069, pue: 1.135 });
        expect(cloudRegion('gcp', 'europe-west1')).toMatchObject({ gramsPerKWh: 110, pue: 1.09 });
    });

    it('lists providers\' instance types and regions for completion', () => {
        expect(instanceTypeNames('aws')).toContain('m5.large');
        expect(instanceTypeNames('aws')).toHaveLength(621);
        expect(instanceTypeNames('gcp')).not.toContain('a2-ultragpu-1g'); // no embodied figure in CCF
        expect(regionNames('azure')).toContain('westeurope');
    });

    it('unknown names fail with a suggestion', () => {
        const typo = errorOf(() => instanceType('aws', 'm5.lareg'));
        expect(typo.message).toBe("unknown aws instance type 'm5.lareg' in the offline catalogue");
        expect(typo.hint).toBe("Did you mean 'm5.large'?");
        expect(errorOf(() => cloudRegion('aws', 'eu-west-33')).suggestion).toBe('eu-west-3');
        expect(errorOf(() => cloudProvider('awz')).suggestion).toBe('aws');
        expect(errorOf(() => instanceType('aws', 'completely-unrelated-name-42')).suggestion).toBeUndefined();
    });
});
