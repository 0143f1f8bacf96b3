import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { efp, writeModelFiles } from '../helpers/cli-run.js';
import { loadReference } from '../helpers/reference-comparison.js';

/**
 * `efp check` fails on an exceeded budget and on a regression since a saved baseline, with a message
 * naming the object, the figure and the limit. Figures are e-footprint's: the quickstart's reference
 * outputs (test/fixtures/efootprint/quickstart.outputs.json.gz).
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz');
const HOURS_PER_YEAR = 365.25 * 24;

function referenceTotal(className: string, name: string, attributes: string[]): number {
    const object = Object.values(reference.objects).find(o => o.class === className && o.name === name)!;
    return attributes.map(a => object.calculated[a].values!.reduce((x, y) => x + y, 0)).reduce((x, y) => x + y, 0);
}

describe('efp check with budgets', () => {
    it('exits 1 on an exceeded budget, at the budget\'s limit, and 0 with a warning when it is close', async () => {
        const dir = writeModelFiles({
            'over.efp': `${QUICKSTART}\nbudget platform on streaming_platform { limit: 5000 t/year }\n`,
            'close.efp': `${QUICKSTART}\nbudget platform on streaming_platform { limit: 7 kt/year }\n`
        });
        const over = await efp('check', join(dir, 'over.efp'));
        expect(over.code).toBe(1);
        const line = QUICKSTART.split('\n').length + 1;
        expect(over.stdout).toMatch(new RegExp(`over\\.efp:${line}:\\d+: error: budget platform: system streaming_platform emits 6,14\\d\\.\\d t CO2e in 2027, 123 % of its limit of 5,000\\.0 t \\(5000 t/year\\) \\[budget-exceeded\\]`));
        const close = await efp('check', join(dir, 'close.efp'));
        expect(close.code).toBe(0);
        expect(close.stdout).toMatch(/warning: budget platform: .* 88 % of its limit of 7,000\.0 t \(7 kt\/year\); warning from 80 % \[budget-warning\]/);
    });
});

describe('efp baseline save and efp check --baseline', () => {
    it('saves each system\'s and object\'s footprint per year, as e-footprint computes it', async () => {
        const dir = writeModelFiles({ 'model.efp': QUICKSTART });
        const file = join(dir, 'baseline.json');
        const saved = await efp('baseline', 'save', join(dir, 'model.efp'), '-o', file);
        expect(saved.code).toBe(0);
        const baseline = JSON.parse(readFileSync(file, 'utf8'));
        const years = 26_298 / HOURS_PER_YEAR;
        const web = baseline.systems[0].objects.find((o: { id: string }) => o.id === 'web');
        const serverTotal = referenceTotal('Server', 'server', ['instances_fabrication_footprint', 'energy_footprint']);
        expect(web.perYear).toBeCloseTo(serverTotal / years, 0);
        expect(baseline.systems[0].perYear).toBeCloseTo(referenceTotal('System', 'System', ['total_footprint']) / years, -1);
    });

    it('fails when an object grows past the threshold, naming it with both figures, and passes within it', async () => {
        const doubled = QUICKSTART.replace('power: 300 W', 'power: 600 W');
        expect(doubled).not.toBe(QUICKSTART);
        const dir = writeModelFiles({ 'model.efp': QUICKSTART, 'doubled.efp': doubled });
        const baseline = join(dir, 'baseline.json');
        await efp('baseline', 'save', join(dir, 'model.efp'), '-o', baseline);

        const unchanged = await efp('check', join(dir, 'model.efp'), '--baseline', baseline);
        expect(unchanged.code).toBe(0);

        const regressed = await efp('check', join(dir, 'doubled.efp'), '--baseline', baseline);
        expect(regressed.code).toBe(1);
        // the server's energy doubles less its idle share: +75.9 % of its footprint; the system grows by 1.5 %, under 20 %
        expect(regressed.stdout).toMatch(/doubled\.efp:\d+:\d+: error: server web \(in system streaming_platform\) regressed: 131\.8 t CO2e\/year, \+75\.9 % over the baseline's 74\.9 t CO2e\/year \(threshold 20 %\) \[baseline-regression\]/);
        expect(regressed.stdout).not.toMatch(/system streaming_platform regressed/);

        const tolerant = await efp('check', join(dir, 'doubled.efp'), '--baseline', baseline, '--threshold', '80%');
        expect(tolerant.code).toBe(0);
    });

    it('refuses a file that is not a baseline, and a threshold that is not a percentage', async () => {
        const dir = writeModelFiles({ 'model.efp': QUICKSTART, 'bad.json': '{"systems": 3}' });
        const bad = await efp('check', join(dir, 'model.efp'), '--baseline', join(dir, 'bad.json'));
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/bad\.json: not an efp baseline .*efp baseline save/);
        const missing = await efp('check', join(dir, 'model.efp'), '--baseline', join(dir, 'nope.json'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/cannot read the baseline .*nope\.json: no such file/);
        const threshold = await efp('check', join(dir, 'model.efp'), '--baseline', join(dir, 'bad.json'), '--threshold', 'lots');
        expect(threshold.code).toBe(2);
        expect(threshold.stderr).toMatch(/--threshold takes a percentage/);
    });
});
