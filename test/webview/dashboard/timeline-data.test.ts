import { describe, expect, it } from 'vitest';
import type { HourlySeries } from '../../../src/webview/dashboard/series-decode.js';
import { stackLayers, timelineData } from '../../../src/webview/dashboard/timeline-data.js';

const start = Date.parse('2025-01-31T00:00Z') / 3_600_000;
const hours = 48; // 31 January and 1 February

const series: HourlySeries[] = [
    { category: 'Servers', phase: 'fabrication', values: new Float64Array(hours).fill(1) },
    { category: 'Servers', phase: 'energy', values: new Float64Array(hours).fill(2) },
    { category: 'Network', phase: 'energy', values: new Float64Array(hours).fill(4) }
];

describe('the footprint-over-time data', () => {
    it('adds the phases of each category', () => {
        const data = timelineData(series, start, hours, 'day', 'category');
        expect(data.layers.map(l => [l.key, l.label, Array.from(l.values)])).toEqual([
            ['Servers', 'Servers', [72, 72]],
            ['Network', 'Network', [96, 96]]
        ]);
        expect(data.end).toBe(start + 48);
    });

    it('adds the categories of each phase, fabrication first', () => {
        const data = timelineData([...series].reverse(), start, hours, 'month', 'phase');
        expect(data.layers.map(l => [l.label, Array.from(l.values)])).toEqual([['Fabrication', [24, 24]], ['Energy', [144, 144]]]);
        expect(data.buckets.starts.length).toBe(2);
    });

    it('stacks layers into running sums for the areas', () => {
        const data = timelineData(series, start, hours, 'hour', 'category');
        const stacked = stackLayers(data.layers);
        expect(stacked.map(s => [s[0], s[47]])).toEqual([[3, 3], [7, 7]]);
        expect(stacked[1].length).toBe(48);
    });
});
