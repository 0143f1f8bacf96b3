import { describe, expect, it } from 'vitest';
import { efp } from '../helpers/cli-run.js';
import { loadReference } from '../helpers/reference-comparison.js';

type Totals = Record<string, { value: number }>;

/** e-footprint's system totals for a reference system, in kg. */
function referenceTotals(name: string): { fabrication: number; energy: number; byObject: Map<string, number> } {
    const totals = loadReference(`test/fixtures/efootprint/${name}.outputs.json.gz`).system_totals!;
    const sum = (group: string) => Object.values(totals[group] as Totals).reduce((s, q) => s + q.value, 0);
    const byObject = new Map<string, number>();
    for (const group of ['fabrication_footprint_sum_over_period', 'energy_footprint_sum_over_period']) {
        for (const objects of Object.values(totals[group] as Record<string, Totals>)) {
            for (const [object, q] of Object.entries(objects)) byObject.set(object, (byObject.get(object) ?? 0) + q.value);
        }
    }
    return { fabrication: sum('total_fabrication_footprint_sum_over_period'), energy: sum('total_energy_footprint_sum_over_period'), byObject };
}

/** kg in tonnes with one decimal, grouped by thousands: the quickstart's figures are thousands of tonnes. */
const tonnes = (kg: number) => (kg / 1e3).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe('efp eval', () => {
    it('prints the quickstart\'s footprint: total, phases, objects and years, as e-footprint totals them', async () => {
        const result = await efp('eval', 'examples/quickstart.efp');
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const reference = referenceTotals('quickstart');
        const out = result.stdout;
        // every mass to four significant digits, in the unit its size calls for (mass-format.ts): e-footprint's
        // 10,966,373 kg is 10,966.4 t, 3,655,458 kg a year over its 3 years (26,298 hours) 3,655.5 t
        const total = reference.fabrication + reference.energy;
        expect(out).toContain(`Total footprint: ${tonnes(total)} t CO2e over the period, ${tonnes(total / 3)} t CO2e/year on average`);
        // a table in the scale of its largest figure: fabrication's 7,232 t (t, one decimal)
        expect(out).toMatch(new RegExp(`Fabrication\\s+${tonnes(reference.fabrication)} t\\s+65\\.9 %`));
        expect(out).toMatch(new RegExp(`Energy\\s+${tonnes(reference.energy)} t\\s+34\\.1 %`));
        for (const [object, kg] of reference.byObject) {
            // the Total column, in the objects' scale (the laptop's 6,027 t: t, one decimal)
            const row = new RegExp(`\\n    ${object}\\s+[\\d,.]+ t\\s+[\\d,.]+ t\\s+([\\d,.]+) t\\s+[\\d.]+ %`).exec(out);
            expect(row, object).not.toBeNull();
            // rounded to 0.1 t (the reference's parts are rounded: a last digit may differ)
            expect(Math.abs(Number(row![1].replace(/,/g, '')) - kg / 1e3)).toBeLessThanOrEqual(0.05 + 1e-9 * kg);
        }
        expect(out).toMatch(/\n {2}2025\s/);
        expect(out).toMatch(/\n {2}2027\s/);
        expect(out).toContain('Modeled from 2025-01-01 for 3 years (26,298 hours)');
        // everyday equivalents of e-footprint's total, with the factor and its source: 12.4 g a smartphone charge (US EPA)
        const charges = /\n {2}([\d,]+) smartphone charges \(12\.40 g each; US EPA Greenhouse Gas Equivalencies Calculator\)/.exec(out);
        expect(Number(charges![1].replace(/,/g, ''))).toBeCloseTo((reference.fabrication + reference.energy) * 1000 / 12.4, -3);
        // the server's electricity in a Nordic grid: e-footprint's energy footprint at Norway's 30.7 g/kWh instead of 100
        expect(out).toMatch(/\n {4}in Norway\s+31 g\/kWh\s+52\.5 t\s+−118\.2 t\s+−69 %/);
    });

    it('shows one value with its formula, source and operands', async () => {
        const input = await efp('eval', 'examples/quickstart.efp', '--show', 'web.power');
        expect(input.stdout).toBe('web.power — Power (server "server")\n  = 300 W   (given, source: user data)\n  value: 300 W\n');
        const computed = await efp('eval', 'examples/quickstart.efp', '--show', 'web.energy_footprint');
        expect(computed.stdout).toContain('  = idle_energy_footprint + load_energy_footprint\n');
        expect(computed.stdout).toMatch(/value: 26,298 hourly values, total 170,628\.[89] kg/); // e-footprint: 170,628.86 kg
        expect(computed.stdout).toMatch(/\n {4}web\.idle_energy_footprint +26,298 hourly values, total 28,503\.9 kg/);
        // an empty value says why: e-footprint 22 does not model storage energy
        const empty = await efp('eval', 'examples/quickstart.efp', '--show', 'ssd.energy_footprint');
        expect(empty.stdout).toContain('\n  value: empty: e-footprint 22 does not model it\n');
        const typo = await efp('eval', 'examples/quickstart.efp', '--show', 'web.pwer');
        expect(typo.code).toBe(2);
        expect(typo.stderr).toBe("efp: server web has no value 'pwer'; did you mean 'power'?\n");
    });

    it('gives the calculus graph of a value as JSON, down to the inputs and where they are written', async () => {
        const result = await efp('eval', 'examples/quickstart.efp', '--show', 'web.load_energy_footprint', '--json');
        const graph = JSON.parse(result.stdout) as { root: string; nodes: Array<{ key: string; kind: string; operands: string[]; origin?: { range: { start: { line: number } } } }> };
        expect(graph.root).toBe('web.load_energy_footprint');
        const keys = graph.nodes.map(n => n.key);
        expect(keys[keys.length - 1]).toBe('web.load_energy_footprint');
        expect(keys).toContain('french_households.hourly_usage_journey_starts');
        expect(keys).toContain('streaming.compute_needed');
        const power = graph.nodes.find(n => n.key === 'web.power')!;
        expect(power.kind).toBe('input');
        expect(power.origin!.range.start.line + 1).toBe(18);
        for (const node of graph.nodes) for (const operand of node.operands) expect(keys.indexOf(operand)).toBeLessThan(keys.indexOf(node.key));
    });

    it('refuses a model without a system, where it starts, saying how to add one (as efp check does)', async () => {
        const result = await efp('eval', 'test/fixtures/models/no-system.efp');
        expect(result).toEqual({
            code: 1, stdout: '',
            stderr: 'test/fixtures/models/no-system.efp:2:1: error: this model declares no system, so it has no footprint to total [no-system]\n'
                + '    hint: Add a usage pattern and a system that lists it, `system my_service { usage_patterns: [my_users] }` (examples/quickstart.efp is a whole model).\n'
                + 'efp: test/fixtures/models/no-system.efp has 1 error, 0 warnings; nothing evaluated\n'
        });
    });

    it('reports a command-line mistake with exit code 2', async () => {
        const result = await efp('evaluate', 'examples/quickstart.efp');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("unknown command 'evaluate'");
    });
});
