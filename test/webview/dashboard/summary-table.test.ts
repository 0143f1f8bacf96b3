import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemsOf } from '../../../src/engine/model/footprint-totals.js';
import { HOURS_PER_YEAR as ENGINE_HOURS_PER_YEAR, summarizeSystem, type SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';
import { HOURS_PER_YEAR, summaryTable, tableMassUnit } from '../../../src/webview/dashboard/summary-table.js';
import { efp } from '../../helpers/cli-run.js';
import { modelOf } from '../../helpers/model-from-text.js';

const QUICKSTART = 'examples/quickstart.efp';

/** A CLI table line's cells: its columns are separated by two spaces or more. */
const cells = (line: string) => line.trim().split(/\s{2,}/);
/** `1,234.5 t` as a number of that unit. */
const amount = (text: string) => Number(text.replace(/,/g, '').split(' ')[0]);

describe('the dashboard table shows the numbers `efp eval` prints', () => {
    let summary: SystemFootprintSummary;
    let cli: string[];

    beforeAll(async () => {
        const model = await modelOf(readFileSync(QUICKSTART, 'utf8'));
        const [system] = systemsOf(model);
        // as the webview receives it: through JSON
        summary = JSON.parse(JSON.stringify(summarizeSystem(model, system))) as SystemFootprintSummary;
        const run = await efp('eval', QUICKSTART);
        expect(run.code).toBe(0);
        cli = run.stdout.split('\n');
    });

    const line = (start: string) => {
        const found = cli.find(l => l.startsWith(start));
        if (!found) throw new Error(`no CLI line starting with '${start}'`);
        return found;
    };

    it('has the same heading, period, total and yearly average', () => {
        const table = summaryTable(summary);
        expect(cli[0]).toBe(table.heading);
        expect(cli[1]).toBe(table.period);
        expect(line('Total footprint: ')).toBe(`Total footprint: ${table.total} CO2e over the period, ${table.perYear} CO2e per year on average`);
        expect(table.total).toBe('10,966.4 t');
    });

    it('has the same phases and shares', () => {
        const table = summaryTable(summary);
        for (const p of table.phases) expect(cells(line(`  ${p.label}`))).toEqual([p.label, p.mass, p.share]);
        expect(table.phases.map(p => p.mass)).toEqual(['7,231.8 t', '3,734.6 t']);
    });

    it('has the same rows for every object, grouped by the same categories', () => {
        const table = summaryTable(summary);
        const rows = table.categories.flatMap(c => c.objects);
        expect(rows.map(r => r.id).sort()).toEqual(summary.objects.map(o => o.id).sort());
        expect(rows.length).toBe(4);
        for (const c of table.categories) {
            expect(cli).toContain(`  ${c.category}`);
            for (const o of c.objects) {
                expect(cells(line(`    ${o.name} `))).toEqual([o.name, o.fabrication, o.energy, o.total, o.share]);
            }
        }
        expect(rows.find(r => r.id === 'web')).toMatchObject({ fabrication: '54.2 t', energy: '170.6 t', total: '224.8 t', share: '2.1 %' });
    });

    it('has the same calendar years', () => {
        const table = summaryTable(summary);
        expect(table.years.map(y => y.year)).toEqual([2025, 2026, 2027, 2028]);
        for (const y of table.years) expect(cells(line(`  ${y.year} `))).toEqual([String(y.year), y.fabrication, y.energy, y.total]);
    });

    it('uses the unit of efp.display.massUnit when it is not auto', () => {
        const kg = summaryTable(summary, 'kg');
        expect(kg.unit).toEqual(['kg', 1]);
        expect(kg.total).toMatch(/^10,966,\d{3}\.\d kg$/);
        // the same mass as the CLI's tonnes, to the CLI's rounding
        expect(Math.abs(amount(kg.total) - amount(summaryTable(summary).total) * 1000)).toBeLessThanOrEqual(50);
        expect(summaryTable(summary, 'kt').total).toBe('11.0 kt');
        expect(summaryTable(summary, 'g').phases[0].mass).toMatch(/^7,231,802,\d{3}\.\d g$/);
    });
});

describe('the table unit', () => {
    it('follows the CLI rule: the unit of a thousandth of the total', () => {
        expect(tableMassUnit(10_966_372, 'auto')).toEqual(['t', 1e3]);
        expect(tableMassUnit(999_999, 'auto')).toEqual(['kg', 1]);
        expect(tableMassUnit(2e9, 'auto')).toEqual(['kt', 1e6]);
        expect(tableMassUnit(0.5, 'auto')).toEqual(['g', 1e-3]);
        expect(tableMassUnit(2e9, 't')).toEqual(['t', 1e3]);
    });

    it("uses e-footprint's year, as the engine does", () => {
        expect(HOURS_PER_YEAR).toBe(ENGINE_HOURS_PER_YEAR);
    });

    it('leaves out the yearly average for periods shorter than about a year, as the CLI does', async () => {
        const model = await modelOf(readFileSync(QUICKSTART, 'utf8').replace('modeling_duration: 3 year', 'modeling_duration: 30 day'));
        const table = summaryTable(summarizeSystem(model, systemsOf(model)[0]));
        expect(table.perYear).toBeUndefined();
        expect(table.period).toBe('Modeled from 2025-01-01 for 30 days (720 hours)');
    });
});
