import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelOf, valueOf } from '../../helpers/model-from-text.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { regionalAdvice } from '../../../src/engine/report/regional-advice.js';

/**
 * Where a server's electricity would emit less. Worked out by hand from e-footprint's formula (the
 * energy footprint is energy × PUE × grid intensity, so it scales with PUE × intensity), e-footprint's
 * own figures for the quickstart server (its reference outputs) and the country and region tables
 * shipped in data/ (read here from the files, not from the engine).
 */
function countryIntensities(): Map<string, { intensity: number; timezone: string }> {
    const rows = readFileSync('data/efootprint/countries.csv', 'utf8').trim().split('\n').slice(1);
    return new Map(rows.map(r => {
        const cells = r.split(',');
        return [cells[0], { intensity: Number(cells[3]), timezone: cells[4] }];
    }));
}

describe('regional advice', () => {
    it('suggests the lowest-intensity countries on the continent of the server\'s users, with e-footprint\'s energy footprint scaled', async () => {
        const model = await modelOf(readFileSync('examples/quickstart.efp', 'utf8'));
        const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
        const server = Object.values(reference.objects).find(o => o.class === 'Server')!;
        const energy = server.calculated.energy_footprint.values!.reduce((a, b) => a + b, 0); // kg over the period, 100 g/kWh
        const countries = countryIntensities();
        const european = [...countries.entries()].filter(([, c]) => c.timezone.startsWith('Europe/') && c.intensity > 0)
            .sort((a, b) => a[1].intensity - b[1].intensity).slice(0, 3);
        expect(european.map(([name]) => name)).toEqual(['Norway', 'Sweden', 'Switzerland']);

        const advice = regionalAdvice(model, model.objects.get('web')!)!;
        expect(advice.intensity).toBeCloseTo(100, 9);
        expect(advice.energyFootprint).toBeCloseTo(energy, -1);
        expect(advice.options.map(o => o.name)).toEqual(european.map(([name]) => name));
        for (const [i, [, c]] of european.entries()) {
            expect(advice.options[i].saving).toBeCloseTo(energy * (1 - c.intensity / 100), -1);
            expect(advice.options[i].savingShare).toBeCloseTo(1 - c.intensity / 100, 5);
        }
    });

    it('suggests the provider\'s regions for a cloud server, with their PUE (eu-west-3 → eu-north-1: 51.1 → 8.8 g/kWh, both PUE 1.135)', async () => {
        const model = await modelOf(readFileSync('examples/services.efp', 'utf8'));
        const advice = regionalAdvice(model, model.objects.get('shop_api')!)!;
        const energy = valueOf(model, 'shop_api', 'energy_footprint');
        expect(advice.options[0]).toMatchObject({ kind: 'region', name: 'eu-north-1', intensity: 8.8, pue: 1.135 });
        expect(advice.options[0].saving).toBeCloseTo(energy * (1 - 8.8 / 51.1), 9);
    });

    it('has nothing to say about an object that is not a server, or a server at the lowest intensity', async () => {
        const model = await modelOf(readFileSync('examples/quickstart.efp', 'utf8').replace('average_carbon_intensity: 100 g/kWh', 'average_carbon_intensity: 1 g/kWh'));
        expect(regionalAdvice(model, model.objects.get('wifi')!)).toBeUndefined();
        expect(regionalAdvice(model, model.objects.get('web')!)?.options).toEqual([]);
    });
});
