import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';
import { modelFolders } from '../helpers/cli-run.js';
import { generateSystem } from '../../bench/system-generator.js';

/**
 * The engine's memory from the command line: models whose hourly values would take gigabytes end in the
 * budget's message, files as long as users make them (a CodeCarbon file of months of runs, JSON nested
 * past the stack) go through without a stack overflow, and each run stays within 1 GB and a minute, with
 * the exit code and the message the README documents.
 */
const folder = modelFolders();

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
        expect(run.stderr).toBe('efp: deep.json: Server.s.x[0][0][0][0][0]…: nested more than 32 levels deep, which no e-footprint JSON is (system_to_json writes a few levels)\n');
    }, 90_000);

    it('200 usage patterns over 100 years: the budget\'s message on the value past it, within 1 GB (regression: a 6 GB process)', async () => {
        const text = generateSystem({ patterns: 200, jobsPerStep: 1, years: 100 });
        const run = await runBounded(['check', 'm.efp'], { cwd: folder({ 'm.efp': text }) });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toMatch(/^m\.efp:\d+:3: error: the model's hourly values would take more than the 512 MB limit: this value's 876,600 hours \(100 years\) need 6\.7 MB more, on top of \d+ MB already taken \[out-of-range\]\n/);
        expect(run.stdout).toContain('    hint: Shorten the modeling_duration, model fewer usage patterns, or set EFP_MAX_SERIES_MB to raise the limit (in MB).\n');
        expect(run.stdout).toContain('m.efp: 1 error, 0 warnings');
    }, 90_000);

    it('EFP_MAX_SERIES_MB sets the budget; one that is not a decimal number of MB stops the command (exit 2)', async () => {
        const cwd = folder({ 'm.efp': generateSystem({ patterns: 10, jobsPerStep: 1, years: 10 }) });
        const small = await runBounded(['check', 'm.efp'], { cwd, env: { EFP_MAX_SERIES_MB: '8' } });
        expectWellBehaved(small, [1]);
        expect(small.stdout).toContain('m.efp:39:15: error: usage_pattern p1_users: utc_hourly_usage_journey_starts: the model\'s hourly values would take more '
            + 'than the 8 MB limit: this value\'s 87,660 hours (10 years) need 0.7 MB more, on top of 7.4 MB already taken [out-of-range]\n');
        const bad = await runBounded(['check', 'm.efp'], { cwd, env: { EFP_MAX_SERIES_MB: '0x10' } });
        expectWellBehaved(bad, [2]);
        expect(bad.stderr).toBe('efp: EFP_MAX_SERIES_MB is `0x10`, not a decimal number of MB\n'
            + '    hint: Set EFP_MAX_SERIES_MB to a number of megabytes such as 1024, or unset it for the default of 512.\n');
    }, 90_000);
});
