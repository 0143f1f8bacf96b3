import { describe, expect, it } from 'vitest';
import { parseUnit, pintName } from '../../src/engine/units/unit.js';
import { describeDimension } from '../../src/engine/units/dimension-names.js';

describe('units', () => {
    it('converts to SI once: a year is 365.25 days, data counts in bits', () => {
        expect(parseUnit('year').factor).toBe(365.25 * 86400);
        expect(parseUnit('month').factor).toBe(365.25 * 86400 / 12);
        expect(parseUnit('kWh').factor).toBe(3.6e6);
        expect(parseUnit('GB').factor).toBe(8e9);
        expect(parseUnit('t').factor).toBe(1000);
        expect(parseUnit('%').factor).toBe(0.01);
        expect(parseUnit('g/kWh').factor).toBeCloseTo(1e-3 / 3.6e6, 20);
        expect(parseUnit('h/day').dimension.isDimensionless).toBe(true);
    });

    it('keeps RAM, stored data and transferred data apart, and cpu cores apart from gpus', () => {
        expect(parseUnit('GB_ram').dimension.equals(parseUnit('GB').dimension)).toBe(false);
        expect(parseUnit('TB_stored').dimension.equals(parseUnit('TB').dimension)).toBe(false);
        expect(parseUnit('cpu_core').dimension.equals(parseUnit('gpu').dimension)).toBe(false);
        expect(parseUnit('GB_ram').factor).toBe(parseUnit('GB').factor);
    });

    it('names units the way e-footprint (pint) does', () => {
        expect(pintName('kWh/GB')).toBe('kilowatt_hour / gigabyte');
        expect(pintName('g/kWh')).toBe('gram / kilowatt_hour');
        expect(pintName('GB_ram/gpu')).toBe('gigabyte_ram / gpu');
        expect(pintName('')).toBe('dimensionless');
        expect(parseUnit('kilogram / terabyte_stored').factor).toBe(parseUnit('kg/TB_stored').factor);
    });

    it('reads a frequency as e-footprint writes it (a video\'s `1 / second`) and a CPU cost per GB/s', () => {
        expect(parseUnit('1/s').dimension.equals(parseUnit('s').dimension.power(-1))).toBe(true);
        expect(parseUnit('1 / second').factor).toBe(1);
        expect(pintName('1/s')).toBe('1 / second');
        expect(pintName('cpu_core*s/GB')).toBe('cpu_core * second / gigabyte');
        expect(parseUnit('cpu_core * second / gigabyte').factor).toBe(1 / 8e9);
    });

    it('describes dimensions in words', () => {
        expect(describeDimension(parseUnit('kW').dimension)).toBe('a power (W)');
        expect(describeDimension(parseUnit('Wh').dimension)).toBe('an energy (kWh)');
        expect(describeDimension(parseUnit('kg/kWh').dimension)).toBe('a carbon intensity (g/kWh)');
        expect(describeDimension(parseUnit('kg*GB').dimension)).toBe('a quantity in kg·bit');
    });

    it('rejects unknown units', () => {
        expect(() => parseUnit('GiB')).toThrow("unknown unit 'GiB'");
    });
});
