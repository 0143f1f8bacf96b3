import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMISSIONS_CSV_LAYOUTS, matchLayout } from '../../../src/engine/codecarbon/emissions-csv-layouts.js';
import { parseEmissionsCsv, type EmissionsCsv } from '../../../src/engine/codecarbon/emissions-csv.js';
import { selectRuns } from '../../../src/engine/codecarbon/run-selection.js';
import { measuredTotals } from '../../../src/engine/codecarbon/measured-totals.js';
import { layoutCsv } from './layout-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/codecarbon/${name}`, import.meta.url), 'utf8');

function parsed(text: string): EmissionsCsv {
    const result = parseEmissionsCsv(text);
    if (!result.ok) throw new Error(result.problems.map(p => p.message).join('; '));
    return result.csv;
}

describe('the shared example files', () => {
    it('v3.3: three runs, totals as in the file', () => {
        const csv = parsed(fixture('example_emissions_v3.3.csv'));
        expect(csv.layout.layout?.versions).toBe('v3.2+');
        expect(csv.layout.exact).toBe(true);
        const totals = measuredTotals(csv.runs);
        expect(totals.runs_count).toBe(3);
        // literal sums of the file's columns
        expect(totals.energy_consumed).toBeCloseTo(1.3212802925737301, 12);
        expect(totals.cpu_energy).toBeCloseTo(0.21420955897462168, 12);
        expect(totals.gpu_energy).toBeCloseTo(0.9995870302311995, 12);
        expect(totals.ram_energy).toBeCloseTo(0.1074837033679088, 12);
        expect(totals.emissions).toBeCloseTo(0.3118221490474003, 12);
        expect(totals.duration).toBeCloseTo(11725.494912862778, 8);
        expect(totals.water_consumed).toBeCloseTo(1.5077731880452 + 0.772824540568224 + 0.09770679801928998, 12);
        expect(totals).toMatchObject({ country_iso_code: 'NLD', country_name: 'Netherlands', region: 'groningen', cloud_provider: 'gcp', cloud_region: 'europe-west4' });
        // the first run ended 2026-03-02T14:05:19 (read as UTC): its hour
        expect(totals.emissionsByHour[0]).toEqual({ hour: Date.UTC(2026, 2, 2, 14) / 3_600_000, emissions: 0.19768581798814844 });
    });

    it('v2.8: three runs without GPU, totals as in the file', () => {
        const csv = parsed(fixture('example_emissions_v2.8.csv'));
        expect(csv.layout.layout?.versions).toBe('v2.7-3.0.7');
        const totals = measuredTotals(csv.runs);
        expect(totals.runs_count).toBe(3);
        expect(totals.energy_consumed).toBeCloseTo(0.037057238859287814, 14);
        expect(totals.cpu_energy).toBeCloseTo(0.028721987880862422, 14);
        expect(totals.gpu_energy).toBe(0);
        expect(totals.ram_energy).toBeCloseTo(0.008335250978425393, 14);
        expect(totals.emissions).toBeCloseTo(0.0020766506084356298, 14);
        expect(totals.duration).toBeCloseTo(5165.810806512833, 8);
        expect(totals.water_consumed).toBeUndefined();
        expect(totals.country_iso_code).toBe('FRA');
        expect(totals.region).toBe('île-de-france');
    });

    it('selects one run by its id', () => {
        const csv = parsed(fixture('example_emissions_v3.3.csv'));
        const result = selectRuns(csv, { run_id: '6b0d549b-6f03-475a-9600-a35a099950d8' });
        expect(result.ok && measuredTotals(result.runs).energy_consumed).toBe(0.4293469669823467);
    });
});

describe('every layout from v2.0 to v3.3', () => {
    it('has the six layouts of the data file, oldest first', () => {
        expect(EMISSIONS_CSV_LAYOUTS.map(l => [l.versions, l.columns.length])).toEqual([
            ['v2.0-2.1', 29], ['v2.2', 30], ['v2.3-2.6', 31], ['v2.7-3.0.7', 32], ['v3.0.8-3.1.x', 34], ['v3.2+', 38]
        ]);
    });

    for (const layout of EMISSIONS_CSV_LAYOUTS) {
        describe(layout.versions, () => {
            it('is recognised by its header and adds up', () => {
                const csv = parsed(layoutCsv(layout));
                expect(csv.layout.layout?.versions).toBe(layout.versions);
                expect(csv.layout.exact).toBe(true);
                const all = measuredTotals(csv.runs);
                expect(all.runs_count).toBe(3);
                expect(all.energy_consumed).toBeCloseTo(0.21, 12);
                expect(all.cpu_energy).toBeCloseTo(0.06, 12);
                expect(all.gpu_energy).toBeCloseTo(0.12, 12);
                expect(all.ram_energy).toBeCloseTo(0.03, 12);
                expect(all.emissions).toBeCloseTo(0.006, 12);
                expect(all.duration).toBe(600);
                expect(all.water_consumed === undefined).toBe(!layout.columns.includes('water_consumed'));
            });

            it('selects by project and run', () => {
                const csv = parsed(layoutCsv(layout));
                const project = selectRuns(csv, { project_name: 'layout-test' });
                expect(project.ok && measuredTotals(project.runs).energy_consumed).toBeCloseTo(0.105, 12);
                const run = selectRuns(csv, { project_name: 'layout-test', run_id: 'run-2' });
                expect(run.ok && measuredTotals(run.runs).emissions).toBeCloseTo(0.002, 12);
            });

            it(layout.columns.includes('experiment_id') ? 'selects by experiment' : 'says it has no experiment_id column', () => {
                const result = selectRuns(parsed(layoutCsv(layout)), { experiment_id: 'exp-b' });
                if (layout.columns.includes('experiment_id')) {
                    expect(result.ok && result.runs.map(r => r.cells.run_id)).toEqual(['run-2', 'run-3']);
                } else {
                    expect(result.ok).toBe(false);
                    expect(!result.ok && result.problem.message).toMatch(/no 'experiment_id' column/);
                }
            });

            it('matches columns by name: shuffled and with an extra column', () => {
                const columns = [...layout.columns].reverse();
                columns.splice(3, 0, 'my_note');
                const csv = parsed(layoutCsv(layout, columns));
                expect(csv.layout.layout?.versions).toBe(layout.versions);
                expect(csv.layout.unknown).toEqual(['my_note']);
                expect(measuredTotals(csv.runs).energy_consumed).toBeCloseTo(0.21, 12);
            });
        });
    }
});

describe('bad files', () => {
    const v33 = EMISSIONS_CSV_LAYOUTS[EMISSIONS_CSV_LAYOUTS.length - 1];
    const problems = (text: string) => {
        const result = parseEmissionsCsv(text);
        if (result.ok) throw new Error('expected problems');
        return result.problems;
    };

    it('an empty file', () => {
        expect(problems('')[0].message).toBe('the file is empty');
        expect(problems('\n  \n')[0].hint).toMatch(/emissions\.csv/);
    });

    it('a missing required column, named', () => {
        const columns = v33.columns.filter(c => c !== 'energy_consumed');
        const [problem] = problems(layoutCsv(v33, columns));
        expect(problem).toMatchObject({ line: 1, column: 'energy_consumed' });
        expect(problem.message).toMatch(/no 'energy_consumed' column/);
    });

    it('a non-numeric cell, with its line and column', () => {
        const text = layoutCsv(v33).replace('0.002,', 'n/a,');
        const [problem] = problems(text);
        expect(problem).toMatchObject({ line: 3, column: 'emissions' });
        expect(problem.message).toBe("line 3, column 'emissions': `n/a` is not a number");
    });

    it('an empty required cell and a cut row', () => {
        const lines = layoutCsv(v33).split('\n');
        lines[1] = lines[1].replace(/,0\.01,/, ',,');
        lines[2] = lines[2].split(',').slice(0, 5).join(',');
        const found = problems(lines.join('\n'));
        expect(found.map(p => p.message)).toEqual(["line 2, column 'cpu_energy' is empty", 'line 3 has 5 cells, the header 38']);
    });

    it('a header but no runs: an error when selecting', () => {
        const csv = parsed(v33.columns.join(',') + '\n');
        const result = selectRuns(csv, {});
        expect(!result.ok && result.problem.message).toBe('the file has a header but no runs');
    });

    it('a project no run has: lists the projects there are', () => {
        const result = selectRuns(parsed(fixture('example_emissions_v3.3.csv')), { project_name: 'llm-lora' });
        expect(!result.ok && result.problem.hint).toBe('The project_name values in the file are "llm-lora-finetune".');
    });

    it('a column written twice: an error naming it and both positions, not the last one kept', () => {
        const columns = [...v33.columns, 'emissions'];
        const [problem] = problems(layoutCsv(v33, columns));
        const first = v33.columns.indexOf('emissions') + 1;
        expect(problem).toMatchObject({ line: 1, column: 'emissions' });
        expect(problem.message).toBe(`the header has column 'emissions' twice, in positions ${first} and ${columns.length}`);
        expect(problem.hint).toBe('Keep one of the two columns: efp cannot tell which one holds the runs\' values.');
    });

    it('numbers that are not decimal, blank or infinite are refused, never read as 16, 0 or ∞', () => {
        const row = (cell: string) => layoutCsv(v33).replace('0.002,', `${cell},`);
        expect(problems(row('0x10'))[0].message).toBe("line 3, column 'emissions': `0x10` is not a decimal number");
        expect(problems(row('Infinity'))[0].message).toBe("line 3, column 'emissions': `Infinity` is not a number");
        expect(problems(row('1e999'))[0].message).toBe("line 3, column 'emissions': `1e999` is too large to compute with (past 1e308)");
        expect(problems(row('   '))[0].message).toBe("line 3, column 'emissions' is empty");
    });

    it('a timestamp that does not exist is refused, not rolled over to March', () => {
        const text = layoutCsv(v33).replace('2025-03-02T10:15:00', '2025-02-30T10:15:00');
        const [problem] = problems(text);
        expect(problem).toMatchObject({ line: 3, column: 'timestamp' });
        expect(problem.message).toBe("line 3, column 'timestamp': 2025-02-30T10:15:00 is not a date: February 2025 has 28 days");
        expect(problems(layoutCsv(v33).replace('2025-03-02T10:15:00', '2025-03-02T10:15:00+02:00'))[0].message)
            .toBe("line 3, column 'timestamp': \"2025-03-02T10:15:00+02:00\" is not a date like 2025-01-01 or 2025-01-01T10:00");
    });

    it('tells an unknown layout from a known one', () => {
        expect(matchLayout(['timestamp', 'run_id']).missing).toContain('energy_consumed');
    });
});
