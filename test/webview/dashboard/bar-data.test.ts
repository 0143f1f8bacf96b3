import { describe, expect, it } from 'vitest';
import type { SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';
import { categoryBars, objectBars, phaseBars } from '../../../src/webview/dashboard/bar-data.js';

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
    it('puts each phase in its own bar, in the table unit', () => {
        expect(phaseBars(summary, ['t', 1000])).toEqual({ labels: ['Fabrication', 'Energy'], fabrication: [5, 0], energy: [0, 2.5] });
    });

    it('labels categories for people', () => {
        expect(categoryBars(summary, ['kg', 1]).labels).toEqual(['Servers', 'Edge devices']);
    });

    it('orders objects from the largest footprint and keeps where they are defined', () => {
        const bars = objectBars(summary, ['kg', 1]);
        expect(bars.labels).toEqual(['Box', 'API']);
        expect(bars.fabrication).toEqual([4000, 1000]);
        expect(bars.ids).toEqual(['box', 'api']);
        expect(bars.origins?.[0]?.range.start.line).toBe(9);
    });
});
