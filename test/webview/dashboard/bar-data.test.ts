import { describe, expect, it } from 'vitest';
import type { SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';
import { categoryBars, chartScale, KILOGRAMS, objectBars, phaseBars } from '../../../src/webview/dashboard/bar-data.js';

const TONNES = { unit: 't', kg: 1000, decimals: 3 };

const origin = (line: number) => ({ uri: 'file:///m.efp', range: { start: { line, character: 0 }, end: { line, character: 3 } } });

const summary: SystemFootprintSummary = {
    systemId: 's', system: 'S', periodStart: 0, hours: 8766, evaluatedHours: 8766, durationValue: 1, durationUnit: 'year',
    fabrication: 5000, energy: 2500, total: 7500, perYear: 7500,
    categories: [{ category: 'Servers', fabrication: 1000, energy: 2000 }, { category: 'EdgeDevices', fabrication: 4000, energy: 500 }],
    objects: [
        { id: 'api', name: 'API', className: 'Server', category: 'Servers', fabrication: 1000, energy: 2000, origin: origin(3) },
        { id: 'box', name: 'Box', className: 'EdgeDevice', category: 'EdgeDevices', fabrication: 4000, energy: 500, origin: origin(9) }
    ],
    years: []
};

describe('bar chart data', () => {
    it('puts each phase in its own bar, in the chart\'s scale', () => {
        expect(phaseBars(summary, TONNES)).toEqual({ labels: ['Fabrication', 'Energy'], fabrication: [5, 0], energy: [0, 2.5] });
    });

    it('takes the scale of its longest bar: tonnes for bars of 5 t and 2.5 t, or of 4.5 t (fabrication and energy stacked) and 3 t', () => {
        // 5,000 kg is 5 t: four significant digits are three decimals
        expect(chartScale(phaseBars(summary, KILOGRAMS))).toEqual(TONNES);
        expect(chartScale(objectBars(summary, KILOGRAMS))).toEqual(TONNES);
        // efp.display.massUnit fixes the unit: 4,500 kg keeps four digits, and one decimal
        expect(chartScale(objectBars(summary, KILOGRAMS), 'kg')).toEqual({ unit: 'kg', kg: 1, decimals: 1 });
        // an object's chart of a few hundred kilograms reads in kilograms, whatever the system's total
        const small = { ...summary, objects: [{ ...summary.objects[0], fabrication: 300, energy: 119.8 }] };
        expect(chartScale(objectBars(small, KILOGRAMS))).toEqual({ unit: 'kg', kg: 1, decimals: 1 });
    });

    it('labels categories for people', () => {
        expect(categoryBars(summary, KILOGRAMS).labels).toEqual(['Servers', 'Edge devices']);
    });

    it('orders objects from the largest footprint and keeps where they are defined', () => {
        const bars = objectBars(summary, KILOGRAMS);
        expect(bars.labels).toEqual(['Box', 'API']);
        expect(bars.fabrication).toEqual([4000, 1000]);
        expect(bars.ids).toEqual(['box', 'api']);
        expect(bars.origins?.[0]?.range.start.line).toBe(9);
    });
});
