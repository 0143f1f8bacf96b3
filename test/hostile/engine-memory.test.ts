import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';
import { writeModelFiles } from '../helpers/cli-run.js';

/**
 * The engine's memory from the command line: files as long as users make them (a CodeCarbon file of
 * months of runs, JSON nested past the stack) go through without a stack overflow, and each run stays
 * within 1 GB and a minute, with the exit code and the message the README documents.
 */
const dirs: string[] = [];
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function folder(files: Record<string, string>): string {
    const dir = writeModelFiles(files);
    dirs.push(dir);
    return dir;
}

/** `rows` CodeCarbon runs a minute apart from 2026-01-01, in CodeCarbon's columns that efp requires. */
function emissionsCsv(rows: number): string {
    const lines = ['timestamp,project_name,run_id,duration,emissions,cpu_energy,gpu_energy,ram_energy,energy_consumed'];
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 60_000).toISOString().slice(0, 19)},lora,r${i},60,0.001,0.01,0,0.001,0.011`);
    return `${lines.join('\n')}\n`;
}

describe('the engine\'s memory, from the command line', () => {
    it('a CodeCarbon file of 200,000 runs: checked, imported and the import checked (regression: a stack overflow in efp import codecarbon)', async () => {
        const cwd = folder({
            'emissions.csv': emissionsCsv(200_000),
            'm.efp': 'model { start_date: 2026-01-01  modeling_duration: 1 year }\nmeasurement training "LoRA" { file: "emissions.csv" }\nsystem lab { measurements: [training] }\n'
        });
        const check = await runBounded(['check', 'm.efp'], { cwd });
        expectWellBehaved(check, [0]);
        expect(check.stdout).toBe('m.efp: no problems found\n');
        const imported = await runBounded(['import', 'codecarbon', 'emissions.csv', '-o', 'imported.efp'], { cwd });
        expectWellBehaved(imported, [0]);
        expect(readFileSync(join(cwd, 'imported.efp'), 'utf8')).toContain('measurement lora "lora" {\n  file: "emissions.csv"\n  project_name: "lora"\n  // 200000 runs: 2200 kWh, 200 kg CO2e\n}');
        const checkImported = await runBounded(['check', 'imported.efp'], { cwd });
        expectWellBehaved(checkImported, [0]);
        expect(checkImported.stdout).toBe('imported.efp: no problems found\n');
    }, 180_000);

    it('e-footprint JSON nested 200,000 deep: efp import says so (regression: "internal error: Maximum call stack size exceeded")', async () => {
        const depth = 200_000;
        const cwd = folder({ 'deep.json': `{"efootprint_version": "22.2.1", "Server": {"s": {"name": "s", "id": "s", "x": ${'['.repeat(depth)}${']'.repeat(depth)}}}}` });
        const run = await runBounded(['import', 'deep.json', '-o', 'deep.efp'], { cwd });
        expectWellBehaved(run, [1]);
        expect(run.stderr).toBe('efp: deep.json: its arrays and objects are nested more than 64 levels deep, which no e-footprint JSON is\n');
    }, 90_000);
});
