import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEfootprintJson } from '../../../src/engine/import/efootprint-json-import.js';
import { recogniseSeries } from '../../../src/engine/import/series-recognition.js';
import { naturalQuantity } from '../../../src/engine/import/natural-units.js';
import { printModel } from '../../../src/engine/export/efp-text.js';
import { readEfootprintIds } from '../../../src/engine/export/efootprint-ids.js';
import { dailyFluctuation, linearGrowth, sinusoidalFluctuation } from '../../../src/engine/series/builders.js';
import { utcHourOf } from '../../../src/engine/series/calendar.js';
import type { ExprDescription } from '../../../src/engine/model/description.js';
import { efp, writeModelFiles } from '../../helpers/cli-run.js';

/**
 * The keepable form of an e-footprint import (src/engine/import/keepable-import.ts): what it leaves out
 * must be what the model gives back. The figures of the five reference systems are checked against
 * e-footprint's outputs in test/engine/export/efootprint-json-roundtrip.test.ts; here, its parts.
 */
const FIXTURES = 'test/fixtures/efootprint';
const START = utcHourOf('2025-01-01');

/** A series as e-footprint stores it: float32. */
function float32(values: ArrayLike<number>): number[] {
    return Array.from(values, v => Math.fround(v));
}

function printed(expr: ExprDescription | undefined): string {
    if (!expr) return 'none';
    return printModel({ settings: {}, sources: [], objects: [{ id: 'p', className: 'UsagePattern', name: 'p', inputs: { hourly_usage_journey_starts: { expr } } }] })
        .split('\n').find(l => l.includes('hourly_usage_journey_starts'))!.trim();
}

describe('recognising the builder expression behind hourly values', () => {
    it('e-footprint quickstart\'s shape: (line + sinusoidal swing) × daily cycle, from its 26,298 float32 values', () => {
        const n = 26_298;
        const line = linearGrowth(START, n, 5000, 100000).values, swing = sinusoidalFluctuation(START, n, 3000, 90 * 24).values;
        const daily = dailyFluctuation(START, n, 0.8, 4).values;
        const values = float32(Array.from({ length: n }, (_, t) => (line[t] + swing[t]) * daily[t]));
        expect(printed(recogniseSeries(values, START)?.expr)).toBe(
            'hourly_usage_journey_starts: (linear_growth(5000, 100000) + sinusoidal(amplitude: 3000, period: 90 day)) * daily_fluctuation(scale: 0.8, min_hour: 4)');
    });

    it('a line times a daily cycle: no swing fitted to float32 noise', () => {
        const n = 8766;
        const line = linearGrowth(START, n, 3000, 6000).values, daily = dailyFluctuation(START, n, 0.9, 5).values;
        const values = float32(Array.from({ length: n }, (_, t) => line[t] * daily[t]));
        expect(printed(recogniseSeries(values, START)?.expr)).toBe('hourly_usage_journey_starts: linear_growth(3000, 6000) * daily_fluctuation(scale: 0.9, min_hour: 5)');
    });

    it('a constant, and a plain line', () => {
        expect(printed(recogniseSeries(new Array(100).fill(250), START)?.expr)).toBe('hourly_usage_journey_starts: 250');
        expect(printed(recogniseSeries(float32(linearGrowth(START, 1000, 10, 20).values), START)?.expr)).toBe('hourly_usage_journey_starts: linear_growth(10, 20)');
    });

    it('leaves values no builder gives back as values: measured traffic, one value off, short series, non-numbers', () => {
        const n = 24 * 30;
        const daily = dailyFluctuation(START, n, 0.5, 3).values;
        const measured = Array.from({ length: n }, (_, t) => 1000 * daily[t] + ((t * 7919) % 13));
        expect(recogniseSeries(measured, START)).toBeUndefined();
        // one hour 0.1 % off a clean line times a cycle: not reproduced, so not recognised
        const clean = float32(Array.from({ length: n }, (_, t) => (100 + t) * daily[t]));
        expect(recogniseSeries(clean, START)).toBeDefined();
        clean[400] *= 1.001;
        expect(recogniseSeries(clean, START)).toBeUndefined();
        expect(recogniseSeries([1, 2, 3], START)).toBeUndefined();
        expect(recogniseSeries([...new Array(60).fill(1), NaN], START)).toBeUndefined();
    });

    it('2,000,000 hours (the most a series holds) of noise: answered, no expression', () => {
        const values = new Float64Array(2_000_000);
        for (let t = 0; t < values.length; t++) values[t] = (t * 2654435761) % 1000;
        expect(recogniseSeries(values, START)).toBeUndefined();
    });
});

describe('natural units', () => {
    const natural = (value: number, unit: string) => {
        const q = naturalQuantity({ kind: 'number', value, unit });
        return q.kind === 'number' ? `${q.value} ${q.unit}` : '';
    };

    it('the largest unit the value is at least one of, never with more digits', () => {
        // a year is 8,766 hours in e-footprint (365.25 days)
        expect(natural(17532, 'h')).toBe('2 year');
        expect(natural(43830, 'h')).toBe('5 year');
        expect(natural(0.05, 'MB_stored')).toBe('50 kB');
        expect(natural(128, 'GB_ram')).toBe('128 GB');
        expect(natural(70, 's')).toBe('70 s');
        expect(natural(2500, 'kg')).toBe('2.5 t');
        expect(natural(1200, 's')).toBe('20 min');
        expect(natural(160, 'kg/TB_stored')).toBe('160 kg/TB');
        expect(natural(0, 'kB_stored')).toBe('0 kB');
    });
});

describe('the keepable import of the reference systems', () => {
    const text = (name: string) => {
        const imported = importEfootprintJson(readFileSync(`${FIXTURES}/${name}.efootprint.json`, 'utf8'), { keepable: true });
        return { imported, efp: printModel(imported.description, { objectIds: imported.objectIds, sourceIds: imported.sourceIds, extras: imported.extras }) };
    };

    it('quickstart: e-footprint\'s laptop and France become the built-ins; their ids and the sources\' are kept in the header', () => {
        const { efp: quickstart } = text('quickstart');
        expect(quickstart).toContain('  devices: [laptop]\n  network: wifi_network\n  country: France\n');
        expect(quickstart).not.toMatch(/^device /m);
        expect(quickstart).not.toMatch(/^country /m);
        expect(quickstart).not.toMatch(/^source /m);
        // the ids e-footprint gave them read back as export uses them
        const ids = readEfootprintIds(quickstart);
        expect(ids.objects.get('laptop')).toBe('fcd3fc41-c46');
        expect(ids.objects.get('France')).toBe('85907ec3-8a1');
        expect(ids.sources.get('base_ademe_v19')).toBe('9315fde5-66a');
        expect(ids.objects.get('main_server')).toBe('26c5cb3b-4c8');
        expect(quickstart).toContain('model "System" {');
        expect(quickstart.split('\n').length).toBeLessThan(70);
    });

    it('an archetype\'s value with another source is kept, with its source; the same value and source is left out', () => {
        const { efp: video } = text('video_streaming');
        // e-footprint's video SSD: the archetype's 160 kg/TB cited by the SSD study (left out), 4 TB and
        // 50 TB by hypothesis (the archetype's capacity is 1 TB, its base need 0)
        expect(video).toContain('storage video_ssd "Video SSD" from ssd {  // e-footprint id: 5ae8eac7-e8b\n  storage_capacity: 4 TB  source hypothesis\n  base_storage_need: 50 TB  source hypothesis\n}');
    });

    it('a hostile id of a built-in stays one comment word and reads back', () => {
        const json = JSON.parse(readFileSync(`${FIXTURES}/simple_system.efootprint.json`, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
        const device = json.Device['Default-laptop'];
        delete json.Device['Default-laptop'];
        const hostile = 'x, source evil: y\n// e-footprint ids of built-ins: laptop: z';
        json.Device[hostile] = { ...device, id: hostile };
        json.UsagePattern['Usage-Pattern'].devices = [hostile];
        const imported = importEfootprintJson(JSON.stringify(json), { keepable: true });
        const out = printModel(imported.description, { objectIds: imported.objectIds, sourceIds: imported.sourceIds, extras: imported.extras });
        expect(out).toContain('devices: [laptop]');
        const headers = out.split('\n').filter(l => l.startsWith('// e-footprint ids of built-ins:'));
        expect(headers).toHaveLength(1);
        expect(readEfootprintIds(out).objects.get('laptop')).toBe(hostile);
        expect(readEfootprintIds(out).sources.has('evil')).toBe(false);
    });
});

describe('the imported quickstart against the hand-written one', () => {
    it('efp diff: no object added or removed, no input value changed but the title', async () => {
        const dir = writeModelFiles({});
        expect((await efp('import', `${FIXTURES}/quickstart.efootprint.json`, '-o', join(dir, 'imported.efp'))).code).toBe(0);
        const result = await efp('diff', '--json', 'examples/quickstart.efp', join(dir, 'imported.efp'));
        expect(result.stderr).toBe('');
        type Attribute = { attribute: string; aspects: string[] };
        const [model] = (JSON.parse(result.stdout) as { models: Array<{ summary: Record<string, unknown>; inputs: { objects: Array<{ change: string; attributes: Attribute[] }>; settings: Attribute[] } }> }).models;
        expect(model.summary.objects).toEqual({ added: 0, removed: 0, renamed: 10, moved: 0, changed: 0 });
        expect(model.summary.total).toMatchObject({ change: 0 });
        // the objects are named differently (`web` by hand, `main_server` from "server"); their values are the
        // same, only nine annotations differ (the JSON cites e-footprint's hypothesis where the hand-written
        // file gives user data, and no `confidence medium` on the base storage need)
        expect(model.inputs.objects.every(o => o.change === 'renamed')).toBe(true);
        const attributes = model.inputs.objects.flatMap(o => o.attributes);
        expect(attributes.filter(a => a.aspects.some(aspect => aspect !== 'source' && aspect !== 'confidence'))).toEqual([]);
        expect(attributes).toHaveLength(9);
        // the one value that truly differs: the hand-written file's title, where e-footprint's system is "System"
        expect(model.inputs.settings.map(s => s.attribute)).toEqual(['title']);
    });
});
