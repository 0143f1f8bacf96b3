import { describe, expect, it } from 'vitest';
import type { SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';
import { seriesCsv, summaryCsv } from '../../../src/webview/dashboard/csv.js';
import { calendarBuckets } from '../../../src/webview/dashboard/resample.js';
import type { HourlySeries } from '../../../src/webview/dashboard/series-decode.js';
import { parse } from 'csv-parse/sync';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';

const start = Date.parse('2025-03-01T00:00Z') / 3_600_000;

/** 48 hours: servers' energy 1 kg every hour, devices' fabrication 0.5 kg then 2 kg per hour on the second day. */
const series: HourlySeries[] = [
    { category: 'Servers', phase: 'energy', values: new Float64Array(48).fill(1) },
    { category: 'Devices', phase: 'fabrication', values: Float64Array.from({ length: 48 }, (_, i) => (i < 24 ? 0.5 : 2)) }
];

describe('CSV exports', () => {
    it('writes the series by category and phase, one row per day with their total', () => {
        const text = seriesCsv(series, calendarBuckets(start, 48, 'day'));
        expect(text).toBe(
            'time_utc,Servers energy (kg CO2e),Devices fabrication (kg CO2e),Total (kg CO2e)\r\n'
            + '2025-03-01T00:00Z,24,12,36\r\n'
            + '2025-03-02T00:00Z,24,48,72\r\n');
    });

    it('writes one row per hour at hourly resolution, with full precision', () => {
        const precise: HourlySeries[] = [{ category: 'Network', phase: 'energy', values: Float64Array.of(0.1 + 0.2, 1 / 3) }];
        const rows = seriesCsv(precise, calendarBuckets(start, 2, 'hour')).split('\r\n');
        expect(rows[1]).toBe('2025-03-01T00:00Z,0.30000000000000004,0.30000000000000004');
        expect(rows[2]).toBe('2025-03-01T01:00Z,0.3333333333333333,0.3333333333333333');
    });

    it('writes the summary in kg CO2e, quoting names with commas or quotes', () => {
        const summary: SystemFootprintSummary = {
            systemId: 'shop', system: 'Shop, "web"', periodStart: start, hours: 48, evaluatedHours: 48, durationValue: 2, durationUnit: 'day',
            fabrication: 60, energy: 48, total: 108, perYear: 19_723.5,
            categories: [{ category: 'Servers', fabrication: 0, energy: 48 }, { category: 'Devices', fabrication: 60, energy: 0 }],
            objects: [
                { id: 'api', name: 'API server', className: 'Server', category: 'Servers', fabrication: 0, energy: 48 },
                { id: 'phone', name: 'Phones', className: 'Device', category: 'Devices', fabrication: 60, energy: 0 }
            ],
            years: [{ year: 2025, fabrication: 60, energy: 48 }]
        };
        expect(summaryCsv(summary).split('\r\n')).toEqual([
            'level,category,id,name,fabrication (kg CO2e),energy (kg CO2e),total (kg CO2e),share (%)',
            'system,,shop,"Shop, ""web""",60,48,108,100',
            'category,Servers,,Servers,0,48,48,44.44444444444444',
            'category,Devices,,Devices,60,0,60,55.55555555555556',
            'object,Servers,api,API server,0,48,48,44.44444444444444',
            'object,Devices,phone,Phones,60,0,60,55.55555555555556',
            'year,,2025,2025,60,48,108,100',
            ''
        ]);
    });
});

describe('CSV exports of hostile names', () => {
    const FORMULA_START = /^[=+\-@\t\r]/;

    function summaryOf(names: readonly string[]): SystemFootprintSummary {
        return {
            systemId: 'shop', system: names[0], periodStart: start, hours: 48, evaluatedHours: 48, durationValue: 2, durationUnit: 'day',
            fabrication: 60, energy: -48, total: 12, perYear: 19_723.5,
            categories: [{ category: 'Servers', fabrication: 60, energy: -48 }],
            objects: names.map((name, i) => ({ id: `o${i}`, name, className: 'Server', category: 'Servers', fabrication: 60, energy: -48 })),
            years: []
        };
    }

    it('a cell that a spreadsheet would read as a formula starts with a quote; numbers stay numbers', () => {
        expect(summaryCsv(summaryOf(["=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(1)', '\t=1', '\r=1', 'safe'])).split('\r\n').slice(3, 10)).toEqual([
            "object,Servers,o0,'=cmd|' /C calc'!A0,60,-48,12,100",
            "object,Servers,o1,'+1,60,-48,12,100",
            "object,Servers,o2,'-2+3,60,-48,12,100",
            "object,Servers,o3,'@SUM(1),60,-48,12,100",
            "object,Servers,o4,'\t=1,60,-48,12,100",
            "object,Servers,o5,\"'\r=1\",60,-48,12,100",
            'object,Servers,o6,safe,60,-48,12,100'
        ]);
    });

    it('every hostile name reads back as one cell, as written or behind a quote, and no cell starts a formula', () => {
        const names = HOSTILE_STRINGS.map(h => h.text);
        const rows = parse(summaryCsv(summaryOf(names)), { relax_quotes: false }) as string[][];
        expect(rows.length).toBe(1 + 1 + 1 + names.length);
        expect(rows.every(r => r.length === 8)).toBe(true);
        const objects = rows.slice(3);
        // a lone surrogate has no UTF-8 form: the file holds U+FFFD, as any UTF-8 text would
        names.forEach((name, i) => expect(objects[i][3]).toBe(Buffer.from(FORMULA_START.test(name) ? `'${name}` : name).toString()));
        // only numbers may start with a minus sign
        for (const cell of rows.flat()) if (FORMULA_START.test(cell)) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
    });
});
