import { describe, expect, it } from 'vitest';
import { parseEmissionsCsv, type EmissionsCsv } from '../../../src/engine/codecarbon/emissions-csv.js';
import { codecarbonModelText } from '../../../src/engine/codecarbon/measurement-text.js';
import { withMeasurements } from '../../../src/engine/codecarbon/measurement-inputs.js';
import { dataFileKey } from '../../../src/engine/model/data-file-key.js';
import type { ModelDescription, ObjectDescription, Origin } from '../../../src/engine/model/description.js';

/**
 * emissions.csv files as long as CodeCarbon makes them over months of runs: 200,000 rows read, imported
 * and measured without spreading the rows into a call (a stack overflow past about 125,000) or going
 * through every row once for each project or each measurement.
 */
const N = 200_000;
const HEADER = 'timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed';
const START = Date.parse('2026-01-01T00:00:00Z');

/** `rows` runs a minute apart from 2026-01-01, each of 1 g CO2e, in `projects` projects taken in turn. */
function emissionsCsv(rows: number, projects: number): string {
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
        lines.push(`${new Date(START + i * 60_000).toISOString().slice(0, 19)},project ${i % projects},r${i},60,0.001,0.01,0,0.001,0.011`);
    }
    return `${lines.join('\n')}\n`;
}

function parsed(text: string): EmissionsCsv {
    const result = parseEmissionsCsv(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.csv;
}

describe('an emissions.csv of 200,000 runs', () => {
    it('efp import codecarbon writes its measurement (regression: a stack overflow finding the first run)', () => {
        const text = codecarbonModelText(parsed(emissionsCsv(N, 1)), 'emissions.csv', 'emissions.csv');
        expect(text).toContain('(CodeCarbon unknown layout, 200000 runs)');
        expect(text).toContain('  start_date: 2026-01-01\n');
        expect(text).toContain('  // 200000 runs: 2200 kWh, 200 kg CO2e\n');
    });

    it('100,000 runs in 50,000 projects: one measurement each (regression: every run scanned for each project)', () => {
        const text = codecarbonModelText(parsed(emissionsCsv(100_000, 50_000)), 'emissions.csv', 'emissions.csv');
        expect(text.match(/^measurement /gm)?.length).toBe(50_000);
        expect(text).toContain('measurement project_49999 "project 49999" {\n  file: "emissions.csv"\n  project_name: "project 49999"\n  // 2 runs: 0.022 kWh, 0.002 kg CO2e\n}');
    });

    it('read by 300 measurements of a model: each counts its project\'s runs (regression: the file parsed again for each)', () => {
        const uri = 'file:///m.efp';
        const origin: Origin = { uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } } };
        const measurement = (i: number): ObjectDescription => ({
            id: `m${i}`, className: 'Measurement', name: `m${i}`, inputs: {
                file: { expr: { kind: 'text', value: 'emissions.csv', origin } },
                project_name: { expr: { kind: 'text', value: `project ${i}` } }
            }
        });
        const model: ModelDescription = {
            settings: {}, sources: [], objects: Array.from({ length: 300 }, (_, i) => measurement(i)),
            files: { [dataFileKey(uri, 'emissions.csv')]: { text: emissionsCsv(N, 300) } }
        };
        const measured = withMeasurements(model, Math.floor(START / 3_600_000));
        expect(measured.diagnostics).toEqual([]);
        const last = measured.description.objects[299];
        expect(last.inputs.emissions.text).toBe('0.666 kg');
        expect(measured.description.sources.map(s => s.name).slice(-1)).toEqual(['CodeCarbon emissions.csv, 666 runs (project_name "project 299")']);
    });

    it('a header of 400,000 columns, one of them twice: the error names both positions (regression: quadratic in the columns)', () => {
        const columns = Array.from({ length: 400_000 }, (_, i) => `extra_${i}`);
        const result = parseEmissionsCsv(`${HEADER},${columns.join(',')},emissions\n`);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems[0].message).toBe('the header has column \'emissions\' twice, in positions 5 and 400010');
    });
});
