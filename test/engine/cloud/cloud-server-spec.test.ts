// The BoaviztaCloudServer spec's own compute functions, on a stand-in object and model (the class is not
// registered yet, so no Model can be built from text). Expected values worked out by hand, as in
// cloud-server-inputs.test.ts.
import { describe, expect, it } from 'vitest';
import { BoaviztaCloudServer } from '../../../src/engine/classes/cloud-server.js';
import { Server } from '../../../src/engine/classes/server.js';
import { EfpObject } from '../../../src/engine/model/efp-object.js';
import { ModelError } from '../../../src/engine/model/diagnostics.js';
import type { Model } from '../../../src/engine/model/model.js';
import type { Node } from '../../../src/engine/model/node.js';
import { parseUnit } from '../../../src/engine/units/unit.js';

function cloudServer(texts: Record<string, string>): EfpObject {
    const object = new EfpObject({ id: 'api', className: 'BoaviztaCloudServer', name: 'api', inputs: {} }, BoaviztaCloudServer);
    for (const [k, v] of Object.entries(texts)) object.texts.set(k, v);
    // the value the derived ones list as their operand (formulas find an object's values in its nodes)
    object.nodes.set('compute', { key: 'api.compute' } as unknown as Node);
    return object;
}

const stubModel = {} as unknown as Model;

function derived(object: EfpObject, name: string): number {
    const spec = BoaviztaCloudServer.calculated.find(c => c.name === name)!;
    const value = spec.define(object, stubModel).compute();
    if (value.kind !== 'quantity') throw new Error(`${name} is not a quantity`);
    return value.value / parseUnit(spec.unit).factor;
}

describe('BoaviztaCloudServer spec', () => {
    it('takes provider, instance_type and region instead of compute, ram, power and fabrication', () => {
        const names = BoaviztaCloudServer.inputs.map(i => i.name);
        expect(names.slice(0, 3)).toEqual(['provider', 'instance_type', 'region']);
        for (const d of ['compute', 'ram', 'power', 'carbon_footprint_fabrication']) expect(names).not.toContain(d);
        expect(BoaviztaCloudServer.inputs.find(i => i.name === 'idle_power')).toMatchObject({ default: { value: 0, unit: 'W' } });
    });

    it('keeps every Server calculated attribute, after the four it derives', () => {
        expect(BoaviztaCloudServer.calculated.map(c => c.name)).toEqual(
            ['compute', 'ram', 'power', 'carbon_footprint_fabrication', ...Server.calculated.map(c => c.name)]);
    });

    it('aws m5.large by hand: 2 cpu_core, 8 GB_ram, 4.838 W, 33.558 kg', () => {
        const api = cloudServer({ provider: 'aws', instance_type: 'm5.large' });
        expect(derived(api, 'compute')).toBe(2);
        expect(derived(api, 'ram')).toBeCloseTo(8, 12);
        expect(derived(api, 'power')).toBeCloseTo(4.838040883967223, 12);
        expect(derived(api, 'carbon_footprint_fabrication')).toBeCloseTo(33.558125, 12);
    });

    it('defaults to aws m5.large when provider and instance type are left out', () => {
        expect(derived(cloudServer({}), 'power')).toBeCloseTo(4.838040883967223, 12);
    });

    it('an unknown instance type or region is a model error with a suggestion', () => {
        const spec = BoaviztaCloudServer.calculated[0];
        const failing = (texts: Record<string, string>) => {
            try {
                spec.define(cloudServer(texts), stubModel).compute();
            } catch (e) {
                if (e instanceof ModelError) return e;
                throw e;
            }
            throw new Error('expected a ModelError');
        };
        expect(failing({ provider: 'gcp', instance_type: 'n2-standard-3' })).toMatchObject({ code: 'invalid-value', hint: expect.stringMatching(/^Did you mean 'n2-standard-[0-9]+'\?$/) });
        expect(failing({ provider: 'aws', instance_type: 'm5.large', region: 'eu-west-33' })).toMatchObject({ hint: "Did you mean 'eu-west-3'?" });
    });
});
