import { describe, expect, it } from 'vitest';
import { formatMass, formatYearlyMass, massScale, massScaleOf, signedMass } from '../../../src/engine/report/mass-format.js';
import { beforeAfterText, changeText } from '../../../src/engine/diff/diff-text.js';
import { change } from '../../../src/engine/diff/footprint-diff.js';

/** The one rule every surface writes masses with (issue 18): unit by magnitude up to tonnes, four significant digits, at least one decimal. */
describe('mass format', () => {
    it('takes the largest of g, kg, t in which the figure is at least 1', () => {
        expect(formatMass(419.76)).toBe('419.8 kg');
        expect(formatMass(600_120)).toBe('600.1 t');
        expect(formatMass(74_940.99)).toBe('74.94 t');
        // tonnes at most, whatever the size: 3,655,457.9 kg is 3,655.4579 t, one decimal
        expect(formatMass(3_655_457.9)).toBe('3,655.5 t');
        expect(formatMass(2.5e9)).toBe('2,500,000.0 t');
        // below a kilogram, grams; below a gram, still grams, with the decimals four digits need
        expect(formatMass(0.3118)).toBe('311.8 g');
        expect(formatMass(0.0000312)).toBe('0.03120 g');
    });

    it('rounds before it chooses: 999.96 kg is 1.000 t, not 1,000.0 kg', () => {
        expect(formatMass(999.96)).toBe('1.000 t');
        expect(formatMass(999.94)).toBe('999.9 kg');
    });

    it('writes nothing as 0 kg, and no minus sign on what rounds to zero', () => {
        expect(formatMass(0)).toBe('0 kg');
        expect(formatMass(-0.00001, massScale(1000))).toBe('0.000 t');
        expect(signedMass(0)).toBe('0 kg');
    });

    it('gives figures shown together the scale of the largest, so that a column lines up', () => {
        // a table of 6,027.4 t, 224.8 t and 0.7 t: tonnes, one decimal (four digits of 6,027 need none)
        const scale = massScaleOf([6_027_400, 224_823, 700]);
        expect(scale).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
        expect([6_027_400, 224_823, 700].map(kg => formatMass(kg, scale))).toEqual(['6,027.4 t', '224.8 t', '0.7 t']);
        // 41.93 t, 2.100 t and 50 kg: two decimals, the four digits of the largest
        expect([41_930, 2_100, 50].map(kg => formatMass(kg, massScaleOf([41_930, 2_100, 50])))).toEqual(['41.93 t', '2.10 t', '0.05 t']);
        // a negative figure counts by its size
        expect(massScaleOf([-170_543, 12])).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
    });

    it('writes a change with a sign, a true minus for a saving', () => {
        expect(signedMass(170_543)).toBe('+170.5 t');
        expect(signedMass(-911_700)).toBe('−911.7 t');
        expect(signedMass(-12, massScale(1000))).toBe('−0.012 t');
    });

    it('suffixes a yearly figure CO2e/year, the spelling of every surface', () => {
        expect(formatYearlyMass(419.76)).toBe('419.8 kg CO2e/year');
    });

    it('takes the unit efp.display.massUnit names, four significant digits of the figure in it', () => {
        expect(formatYearlyMass(419.76, 't')).toBe('0.4198 t CO2e/year');
        expect(formatYearlyMass(419.76, 'g')).toBe('419,760.0 g CO2e/year');
        expect(formatYearlyMass(10_966_373, 'kt')).toBe('10.97 kt CO2e/year');
        // far smaller than the unit: six decimals at most
        expect(formatMass(0.001, massScale(0.001, 'kt'))).toBe('0.000000 kt');
    });

    it('reads a setting that names no unit, or a figure that is not one, as nothing to scale by', () => {
        for (const setting of ['', 'tonnes', 'KG', '<b>t</b>', 'constructor', '__proto__']) expect(formatYearlyMass(419.76, setting)).toBe('419.8 kg CO2e/year');
        expect(massScale(Number.NaN)).toEqual({ unit: 'kg', kg: 1, decimals: 0 });
        expect(massScale(Number.POSITIVE_INFINITY)).toEqual({ unit: 'kg', kg: 1, decimals: 0 });
        expect(massScaleOf([Number.NaN, 419.76])).toEqual({ unit: 'kg', kg: 1, decimals: 1 });
    });

    it('says a change of a total with its sides in one scale and the change in its own', () => {
        // the quickstart (10,966.4 t) and its scenario with an LLM chat step (11,005.6 t)
        const c = change(10_966_373, 11_005_566);
        expect(beforeAfterText(c)).toBe('10,966.4 t → 11,005.6 t (+39.19 t, +0.4 %)');
        expect(changeText(c)).toBe('+39.19 t CO2e (+0.4 %)');
    });
});
