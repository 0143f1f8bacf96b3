import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonFactor, DEFAULT_EQUIVALENTS, equivalentsOf } from '../../../src/engine/report/equivalents.js';

// read independently of the module under test, to check its arithmetic against the file itself
const json = JSON.parse(readFileSync(new URL('../../../data/equivalents/comparison_factors.json', import.meta.url), 'utf8')) as {
    factors: { id: string; gCO2e_per_unit?: number; label: string; source?: string; licence?: string; url?: string }[];
};
const gramsPerUnit = (id: string) => json.factors.find(f => f.id === id)!.gCO2e_per_unit!;

describe('everyday equivalents', () => {
    it('converts 1,000 kg CO2e into smartphone charges with the EPA 2024 factor (12.4 g a charge)', () => {
        const [phone] = equivalentsOf(1000, ['smartphone_charge_epa_2024']);
        expect(phone.factor).toBe(12.4);
        expect(phone.value).toBeCloseTo(1_000_000 / 12.4, 6);
        expect(phone.value).toBeCloseTo(80_645.16, 1);
        expect(phone.label).toBe('smartphone charges');
        expect(phone.source).toContain('EPA');
        expect(phone.url).toBe('https://www.epa.gov/energy/greenhouse-gas-equivalencies-calculator-calculations-and-references');
        expect(phone.licence).toContain('public domain');
    });

    it('gives km in an average European car at 175 g/km and Paris–London flights at 50 kg each', () => {
        const [car, flight] = equivalentsOf(10, ['car_km_eu_in_use', 'flight_paris_london']);
        expect(car.value).toBeCloseTo(10_000 / 175, 9);
        expect(flight.value).toBeCloseTo(0.2, 12);
        expect(car.licence).toBe('CC BY 4.0 (Green Algorithms, Lannelongue et al. 2021)');
    });

    it('computes every default equivalent as grams of CO2e over the JSON factor, with a source and a licence', () => {
        const kg = 10_966_372.433630496; // the quickstart's total
        const list = equivalentsOf(kg);
        expect(list.map(e => e.id)).toEqual([...DEFAULT_EQUIVALENTS]);
        for (const e of list) {
            expect(e.factor).toBe(gramsPerUnit(e.id));
            expect(e.value * e.factor).toBeCloseTo(kg * 1000, 0);
            expect(e.source.length).toBeGreaterThan(5);
            expect(e.licence).toBeTruthy();
        }
        expect(list.find(e => e.id === 'tree_month')!.value).toBeCloseTo(kg * 1000 / 917, 6);
        expect(list.find(e => e.id === 'video_streaming_hour')!.value).toBeCloseTo(kg * 1000 / 36, 6);
    });

    it('is proportional and zero for no footprint', () => {
        const [a] = equivalentsOf(3, ['tree_month']);
        const [b] = equivalentsOf(6, ['tree_month']);
        expect(b.value).toBeCloseTo(2 * a.value, 12);
        expect(equivalentsOf(0)[0].value).toBe(0);
    });

    it('refuses unknown and energy-based factors (they need kWh, not CO2e)', () => {
        expect(() => comparisonFactor('no_such_factor')).toThrow(/no_such_factor/);
        expect(() => equivalentsOf(1, ['led_bulb_hour'])).toThrow(/led_bulb_hour/);
    });
});
