// Expected values worked out by hand from the catalogue numbers and e-footprint's BoaviztaCloudServer
// mapping (power = Boavizta's average power at its default 50 % load; fabrication = the instance's vCPU
// share of its platform's embodied emissions). There is no e-footprint reference output for cloud servers.
import { describe, expect, it } from 'vitest';
import { cloudRegion, instanceType } from '../../../src/engine/cloud/cloud-catalogue.js';
import { cloudRegionInputs, cloudServerHardware, instancePowerAt } from '../../../src/engine/cloud/cloud-server-inputs.js';
import { CCF_REGION_SOURCE, withCloudRegionDefaults } from '../../../src/engine/cloud/cloud-region.js';
import type { ObjectDescription } from '../../../src/engine/model/description.js';

describe('Server inputs from the catalogue (by hand)', () => {
    it('aws m5.large: 2 cpu_core, 8 GB_ram, 4.838 W, 33.558 kg', () => {
        const hw = cloudServerHardware(instanceType('aws', 'm5.large'));
        expect(hw.compute).toBe(2);
        expect(hw.ramGB).toBe(8);
        // 2 × (0.6446044454253452 + 0.5 × (4.193436438541878 − 0.6446044454253452)) = 4.838040883967223 W
        expect(hw.powerW).toBeCloseTo(4.838040883967223, 12);
        // 1610.79 kg × 2 / 96 = 33.558125 kg
        expect(hw.carbonFootprintFabricationKg).toBeCloseTo(33.558125, 12);
    });

    it('azure D2s v3: 5.439 W at 50 % load, 1483.12 × 2 / 64 = 46.3475 kg', () => {
        const hw = cloudServerHardware(instanceType('azure', 'D2s v3'));
        // at 50 % load, 2 vCPU × mean(min, max) = min + max = 0.9742390524987022 + 4.464744766644484
        expect(hw.powerW).toBeCloseTo(5.438983819143186, 12);
        expect(hw.carbonFootprintFabricationKg).toBeCloseTo(46.3475, 12);
    });

    it('the linear CCF power model: idle at 0 %, full at 100 %', () => {
        const m5 = instanceType('aws', 'm5.large');
        expect(instancePowerAt(m5, 0)).toBeCloseTo(2 * 0.6446044454253452, 12);
        expect(instancePowerAt(m5, 1)).toBeCloseTo(2 * 4.193436438541878, 12);
    });

    it('a region gives average_carbon_intensity and power_usage_effectiveness', () => {
        expect(cloudRegionInputs(cloudRegion('aws', 'eu-west-3'))).toEqual({ averageCarbonIntensityGPerKWh: 51.1, powerUsageEffectiveness: 1.135 });
    });
});

describe('region defaults in a description', () => {
    const object = (inputs: ObjectDescription['inputs']): ObjectDescription =>
        ({ id: 'api', className: 'BoaviztaCloudServer', name: 'api', inputs });

    it('fills intensity and PUE from the region, citing the catalogue', () => {
        const filled = withCloudRegionDefaults(object({
            provider: { expr: { kind: 'symbol', name: 'aws' } }, region: { expr: { kind: 'text', value: 'eu-west-3' } }
        }));
        expect(filled.inputs.average_carbon_intensity).toMatchObject({
            expr: { kind: 'number', value: 51.1, unit: 'g/kWh' }, source: CCF_REGION_SOURCE.id
        });
        expect(filled.inputs.power_usage_effectiveness).toMatchObject({ expr: { kind: 'number', value: 1.135 }, source: CCF_REGION_SOURCE.id });
    });

    it('keeps values the model writes, and leaves unknown regions to the class spec to report', () => {
        const written = { expr: { kind: 'number', value: 20, unit: 'g/kWh' } } as const;
        const kept = withCloudRegionDefaults(object({ region: { expr: { kind: 'text', value: 'eu-west-3' } }, average_carbon_intensity: written }));
        expect(kept.inputs.average_carbon_intensity).toBe(written);
        expect(kept.inputs.power_usage_effectiveness).toMatchObject({ expr: { value: 1.135 } });
        const unknown = object({ region: { expr: { kind: 'text', value: 'mars-1' } } });
        expect(withCloudRegionDefaults(unknown)).toBe(unknown);
        const none = object({});
        expect(withCloudRegionDefaults(none)).toBe(none);
    });
});
