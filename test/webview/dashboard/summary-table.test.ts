import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemsOf } from '../../../src/engine/model/footprint-totals.js';
import { HOURS_PER_YEAR as ENGINE_HOURS_PER_YEAR, summarizeSystem, type SystemFootprintSummary } from '../../../src/engine/report/footprint-summary.js';
import { HOURS_PER_YEAR, summaryTable } from '../../../src/webview/dashboard/summary-table.js';
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
        expect(line('Total footprint: ')).toBe(`Total footprint: ${table.total} CO2e over the period, ${table.perYear} CO2e/year on average`);
        // e-footprint: 10,966,373 kg over 3 years (26,298 hours), 3,655,458 kg a year: four significant digits each
        expect(table.total).toBe('10,966.4 t');
        expect(table.perYear).toBe('3,655.5 t');
    });

    it('has the same phases and shares', () => {
        const table = summaryTable(summary);
        for (const p of table.phases) expect(cells(line(`  ${p.label}`))).toEqual([p.label, p.mass, p.share]);
        // e-footprint: fabrication 7,231,8xx kg, energy 3,734,5xx kg; the table in the scale of its largest figure
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
        // e-footprint: the server's 54,194.1 kg and 170,628.86 kg, in the objects' scale (the laptop's 6,027 t: t, one decimal)
        expect(rows.find(r => r.id === 'web')).toMatchObject({ fabrication: '54.2 t', energy: '170.6 t', total: '224.8 t', share: '2.1 %' });
    });

    it('has the same calendar years', () => {
        const table = summaryTable(summary);
        expect(table.years.map(y => y.year)).toEqual([2025, 2026, 2027, 2028]);
        for (const y of table.years) expect(cells(line(`  ${y.year} `))).toEqual([String(y.year), y.fabrication, y.energy, y.total]);
    });

    it('uses the unit of efp.display.massUnit when it is not auto', () => {
        const kg = summaryTable(summary, 'kg');
        // four significant digits of 10,966,373 kg need no decimal; one is kept
        expect(kg.scales.total).toEqual({ unit: 'kg', kg: 1, decimals: 1 });
        expect(kg.total).toMatch(/^10,966,3\d\d\.\d kg$/);
        // the same mass as the CLI's tonnes, to the CLI's rounding (0.1 t)
        expect(Math.abs(amount(kg.total) - amount(summaryTable(summary).total) * 1e3)).toBeLessThanOrEqual(50);
        expect(summaryTable(summary, 'kt').total).toBe('10.97 kt');
        expect(summaryTable(summary, 't').perYear).toBe('3,655.5 t');
        expect(summaryTable(summary, 'g').phases[0].mass).toMatch(/^7,231,8\d\d,\d{3}\.\d g$/);
    });
});

describe('the table scales', () => {
    it('are the CLI\'s: the total and the yearly average each in its own, each table in its largest figure\'s', async () => {
        const model = await modelOf(readFileSync(QUICKSTART, 'utf8'));
        const { scales } = summaryTable(summarizeSystem(model, systemsOf(model)[0]));
        // e-footprint: 10,966 t in all, 3,655 t a year, fabrication 7,232 t, the laptop's 6,027 t the largest
        // object, 2027's 6,143 t the largest year: tonnes, whose four digits need no decimal, and one kept
        expect(scales.total).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
        expect(scales.perYear).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
        expect(scales.phases).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
        expect(scales.objects).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
        expect(scales.years).toEqual({ unit: 't', kg: 1e3, decimals: 1 });
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
