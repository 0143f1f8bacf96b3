import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { codeOf, errorsIn, fixesIn, fixesOf } from '../../helpers/quick-fixes.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

function quickstartWith(from: string, to: string): string {
    expect(quickstart.split(from)).toHaveLength(2);
    return quickstart.replace(from, to);
}

const wrongUnit = (d: Diagnostic) => codeOf(d) === 'dimension-mismatch';

describe('quick fix: a value in a unit of another dimension', () => {
    it('an energy for a power: the unit changed, or the energy over an hour, a day or a year, each a fix of its own', async () => {
        const text = quickstartWith('power: 300 W', 'power: 300 Wh');
        const fixes = await fixesIn(text, wrongUnit);
        // 300 Wh = 300 × 3,600 J = 1,080,000 J. Over an hour (3,600 s): 300 W; over a day (86,400 s): 12.5 W;
        // over a year (365.25 days = 31,557,600 s): 0.034223134… W, written to 6 significant digits
        expect(fixes.map(f => [f.title, f.preferred])).toEqual([
            ['300 W (change unit)', false],
            ['300 Wh per hour → 300 W', false],
            ['300 Wh per day → 12.5 W', false],
            ['300 Wh per year → 0.0342231 W', false]
        ]);
        expect(fixes.map(f => f.fixed)).toEqual(['300 W', '300 W', '12.5 W', '0.0342231 W'].map(v => text.replace('power: 300 Wh', `power: ${v}`)));
        for (const fix of fixes) expect(await errorsIn(fix.fixed), fix.title).toEqual([]);
    });

    it('a daily energy in kWh for an idle power: 1.2 kWh over a day is the quickstart\'s 50 W', async () => {
        const fixes = await fixesIn(quickstartWith('idle_power: 50 W', 'idle_power: 1.2 kWh'), wrongUnit);
        // 1.2 kWh = 4,320,000 J: / 3,600 s = 1,200 W; / 86,400 s = 50 W; / 31,557,600 s = 0.1368925… W
        expect(fixes.map(f => f.title)).toEqual([
            '1.2 W (change unit)', '1.2 kWh per hour → 1200 W', '1.2 kWh per day → 50 W', '1.2 kWh per year → 0.136893 W'
        ]);
        expect(fixes[2].fixed).toBe(quickstart);
    });

    it('bytes of another kind: the same bytes where RAM is expected, one fix, preferred', async () => {
        const fixes = await fixesIn(quickstartWith('ram: 128 GB', 'ram: 128 GB_stored'), wrongUnit);
        expect(fixes.map(f => [f.title, f.preferred])).toEqual([['128 GB (an amount of RAM)', true]]);
        expect(fixes[0].fixed).toBe(quickstart);
    });

    it('a number without its unit, and a unit on a plain number', async () => {
        const lifespan = await fixesIn(quickstartWith('lifespan: 6 year', 'lifespan: 6'), wrongUnit);
        expect(lifespan.map(f => f.title)).toEqual(['6 year (add unit)']);
        expect(lifespan[0].fixed).toBe(quickstart);
        const rate = await fixesIn(quickstartWith('utilization_rate: 0.9', 'utilization_rate: 0.9 W'), wrongUnit);
        expect(rate.map(f => f.title)).toEqual(['0.9 (remove unit)']);
        expect(rate[0].fixed).toBe(quickstart);
    });

    it('keeps the number as written (`1_000`), and converts it as read', async () => {
        const fixes = await fixesIn(quickstartWith('power: 300 W', 'power: 2_400 Wh'), wrongUnit);
        // 2,400 Wh over a day (24 h): 100 W
        expect(fixes.map(f => f.title).slice(0, 3)).toEqual(['2_400 W (change unit)', '2_400 Wh per hour → 2400 W', '2_400 Wh per day → 100 W']);
        expect(fixes[0].fixed).toContain('  power: 2_400 W\n');
    });

    it('none when the text at the range is no longer what the data says, or the data names no unit efp knows', async () => {
        const text = quickstartWith('power: 300 W', 'power: 300 Wh');
        const workspace = await openWorkspace(text);
        const [document] = workspace.documents;
        const diagnostic = document.diagnostics!.find(wrongUnit)!;
        const withData = (data: object) => fixesOf(workspace, document, { ...diagnostic, data: { ...(diagnostic.data as object), ...data } });
        expect(await withData({ value: 200 })).toEqual([]);
        expect(await withData({ unit: 'kWh' })).toEqual([]);
        for (const expected of ['W\n}\nserver evil {', '<script>', 'W"', 'kWh/GB_nope']) {
            expect(await withData({ expected }), expected).toEqual([]);
        }
        const moved = { start: { ...diagnostic.range.start, character: diagnostic.range.start.character - 2 }, end: diagnostic.range.end };
        expect(await fixesOf(workspace, document, { ...diagnostic, range: moved })).toEqual([]);
    });
});
