import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { efp, modelFolders } from '../helpers/cli-run.js';
import { wrapped } from '../../src/cli/diff-table.js';
import { withUnit } from '../../src/engine/model/value-format.js';

/**
 * What a new user reads in the terminal in their first minutes: counts in the plural, a diff of two
 * files headed by their names, a builder expression laid out on lines of its own, series lengths that
 * say why they differ, no line ending in spaces.
 */

const folder = modelFolders();
const SHOP = readFileSync('examples/services.efp', 'utf8');
const SERIES = 'linear_growth(2000, 4000) * daily_fluctuation(scale: 0.8, min_hour: 4)';

/** The shop with its journey starts written otherwise (the example's `1 year` from 2025-01-01 is 365.25 days: 8,766 hours). */
function shopWith(series: string): string {
    expect(SHOP.split(SERIES)).toHaveLength(2);
    return SHOP.replace(SERIES, series);
}

describe('counts and their units', () => {
    it('a count word is in the plural after any number but one; a unit symbol stays as a model writes it', () => {
        expect(withUnit('100,000', 'occurrence')).toBe('100,000 occurrences');
        expect(withUnit('1', 'occurrence')).toBe('1 occurrence');
        expect(withUnit('1.5', 'year')).toBe('1.5 years');
        expect(withUnit('0', 'hour')).toBe('0 hours');
        expect(withUnit('8,766', 'hourly value')).toBe('8,766 hourly values');
        expect(withUnit('24', 'cpu_core')).toBe('24 cpu_core');
        expect(withUnit('300', 'W')).toBe('300 W');
        expect(withUnit('0.9', '')).toBe('0.9');
    });

    it('efp eval --show says a usage pattern\'s journey starts in occurrences', async () => {
        // constant(100) for 365.25 days: 8,766 hours of 100, 876,600 in all
        const dir = folder({ 'shop.efp': shopWith('constant(100)') });
        const result = await efp('eval', join(dir, 'shop.efp'), '--show', 'shoppers.hourly_usage_journey_starts');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('value: 8,766 hourly values, total 876,600 occurrences, min 100 occurrences, max 100 occurrences');
    });
});

describe('efp diff of two files, as a new user compares shop-v1.efp and shop-v2.efp', () => {
    it('heads the report with the two files, lays out a long change on lines of its own, and says why a series is shorter than the period', async () => {
        // v2: 8,760 journeys a year from e-footprint's form: 8,760 / 365 days / 24 hours = 1 an hour, over 365 × 24 = 8,760 hours
        const dir = folder({
            'shop-v1.efp': shopWith('constant(100)'),
            'shop-v2.efp': shopWith('volume_growth(initial_volume: 8760 per year, net_growth_rate: 0 % per year)').replace('"eu-west-3"', '"eu-west-1"')
        });
        const [v1, v2] = [join(dir, 'shop-v1.efp'), join(dir, 'shop-v2.efp')];
        const result = await efp('diff', v1, v2);
        expect(result.code).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines[0]).toBe(`${v1} → ${v2}`);
        const line = SHOP.split('\n').findIndex(l => l.includes(SERIES)) + 1;
        const start = lines.findIndex(l => l.startsWith('    hourly_usage_journey_starts:'));
        // constant(100) over 8,766 hours: 876,600; the form's 1 an hour over 8,760 hours: 8,760, min and max 1
        // places are named relative to the models' folder; each side's lines are 100 columns at most
        expect(lines.slice(start, start + 8)).toEqual([
            `    hourly_usage_journey_starts:  shop-v2.efp:${line}`,
            '      was  constant(100)',
            '           = 8,766 hourly values, total 876,600 occurrences, min 100 occurrences, max 100',
            '           occurrences',
            '      now  volume_growth(initial_volume: 8760 per year, net_growth_rate: 0 % per year)',
            '           = 8,760 hourly values (the modeling period has 8,766 hours: volume_growth counts years of',
            '           365 days, as e-footprint\'s forms do), total 8,760 occurrences, min 1 occurrence, max 1',
            '           occurrence'
        ]);
        // a short change stays on one line
        expect(lines).toContain(`    region: "eu-west-3" → "eu-west-1"  shop-v2.efp:${SHOP.split('\n').findIndex(l => l.includes('region:')) + 1}`);
        for (const l of lines) expect(l, l).not.toMatch(/ $/);
    });

    it('keeps naming the model before the sides when they are revisions', async () => {
        // the two-file heading applies to two files only: efp diff --git says `main.efp: HEAD → working tree` (test/cli/diff.test.ts)
        const dir = folder({ 'a.efp': SHOP, 'b.efp': SHOP });
        const result = await efp('diff', '--markdown', join(dir, 'a.efp'), join(dir, 'b.efp'));
        expect(result.stdout).toContain(`\`${join(dir, 'a.efp')}\` → \`${join(dir, 'b.efp')}\`; no input changed.`);
        expect(result.stdout).not.toContain(`\`${join(dir, 'b.efp')}\`: `);
    });

    it('wraps a hostile expression of hundreds of terms within the width, and its comment with an escape sequence on a line of its own, as text', async () => {
        // 900 operators: under the 1,000 a value may have
        const long = Array.from({ length: 900 }, (_, i) => `${i % 7}`).join(' + ');
        const dir = folder({ 'a.efp': SHOP, 'b.efp': shopWith(`constant(${long}) comment "\u001b[31m${'red '.repeat(60)}"`) });
        const result = await efp('diff', join(dir, 'a.efp'), join(dir, 'b.efp'));
        expect(result.code).toBe(0);
        const changes = result.stdout.slice(result.stdout.indexOf('Input changes'));
        // each side named once, its expression and value under it
        expect(changes.match(/^ {6}was {2}/gm)).toHaveLength(1);
        expect(changes.match(/^ {6}now {2}constant\(0 \+ 1/gm)).toHaveLength(1);
        expect(changes).toMatch(/\n {11}6 \+ 0 \+ 1/);
        for (const l of changes.split('\n')) {
            // the comment as written, made visible, on one line: the values within the width
            if (!l.startsWith('      comment ')) expect(l.length, l).toBeLessThanOrEqual(100);
            expect(l).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        }
        expect(changes).toContain('\n      comment "" → "\\x1b[31mred red');
    });
});

describe('tables end where their text ends', () => {
    it('efp eval: no line ends in spaces, the lower-carbon locations\' last column is headed', async () => {
        const result = await efp('eval', 'examples/quickstart.efp');
        expect(result.code).toBe(0);
        for (const l of result.stdout.split('\n')) expect(l, l).not.toMatch(/ $/);
        expect(result.stdout).toMatch(/\nLower-carbon locations +Intensity +Energy CO2e +Saving +%\n/);
    });
});

describe('wrapping', () => {
    it('cuts at spaces within the width, and a word longer than a line where it must', () => {
        expect(wrapped('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
        expect(wrapped('a'.repeat(10), 4)).toEqual(['aaaa', 'aaaa', 'aa']);
        expect(wrapped('short', 80)).toEqual(['short']);
        for (const line of wrapped(`${'x'.repeat(100_000)} y`, 50)) expect(line.length).toBeLessThanOrEqual(50);
    });
});
