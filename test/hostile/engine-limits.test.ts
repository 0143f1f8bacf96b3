import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';
import { modelFolders } from '../helpers/cli-run.js';

/**
 * Numbers nobody should type, as the CLI meets them: each run stays within 1 GB and its time, exits with
 * the documented code and prints the located message with the figure and the limit, never a RangeError,
 * an "internal error", a total of ∞ or "no problems found".
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');
const folder = modelFolders();

/** `efp check m.efp` on a model, in a folder of its own with `files`. */
async function check(model: string, files: Record<string, string> = {}, env?: Record<string, string>) {
    return runBounded(['check', 'm.efp'], { cwd: folder({ ...files, 'm.efp': model }), env });
}

const measurement = `model { start_date: 2026-01-01  modeling_duration: 1 year }
measurement training "LoRA" { file: "emissions.csv" }
system lab { measurements: [training] }
`;

describe('the engine\'s limits, from the command line', () => {
    it('20000 year of user time: the error on its line within a small memory budget, not 12 GB and "no problems found"', async () => {
        const run = await check(QUICKSTART.replace('user_time_spent: 20 min', 'user_time_spent: 20000 year'));
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain('m.efp:42:64: error: 20000 year of user time is longer than the modeling period (3 year) [out-of-range]\n'
            + '    hint: Check the value and its unit, or make the model\'s modeling_duration longer.');
        expect(run.stdout).toContain('m.efp: 1 error, 0 warnings');
    }, 90_000);

    it('request_duration: 1e12 min: the error on its line, not "Invalid typed array length"', async () => {
        const run = await check(QUICKSTART.replace('request_duration: 4 min', 'request_duration: 1e12 min'));
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain('m.efp:34:21: error: 1e12 min of request duration is longer than the modeling period (3 year) [out-of-range]');
        expect(run.stdout).not.toMatch(/typed array|RangeError/);
    }, 90_000);

    it('a CodeCarbon run dated 9999: the error on the file\'s line', async () => {
        const run = await check(measurement, { 'emissions.csv': V33.replace('2026-03-02T18:22:47', '9999-03-02T18:22:47') });
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain('m.efp:2:37: error: emissions.csv: line 3: the run ended on 9999-03-02T18:22:47, more than 100 years after the model starts (2026-01-01) [data-file]');
    }, 90_000);

    it('power: 1e308 W: efp eval fails on the power\'s line instead of printing a total of ∞', async () => {
        const run = await runBounded(['eval', 'm.efp'], { cwd: folder({ 'm.efp': QUICKSTART.replace('power: 300 W', 'power: 1e308 W') }) });
        expectWellBehaved(run, [1], 512);
        expect(run.stdout + run.stderr).toContain('m.efp:18:10: error: \'power\' of 1e308 W is too large to compute with: it makes server web\'s load_energy_footprint infinite');
        expect(run.stdout + run.stderr).not.toContain('∞');
    }, 90_000);

    it('negative journey starts: the error on the series, not a negative footprint', async () => {
        const model = QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, 'hourly_usage_journey_starts: hourly_values([100, -5, 30])\n}');
        const run = await check(model);
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain('m.efp:54:32: error: \'hourly_usage_journey_starts\' must be at least 0, got -5 at 2025-01-01 01:00 [out-of-range]');
    }, 90_000);

    it('fixed_nb_of_instances on an autoscaling server: a warning on its line', async () => {
        const run = await check(QUICKSTART.replace('  storage: ssd\n}', '  storage: ssd\n  fixed_nb_of_instances: 4\n}'));
        expectWellBehaved(run, [0], 512);
        expect(run.stdout).toContain('m.efp:29:3: warning: \'fixed_nb_of_instances\' only applies when server_type is on_premise; server web is autoscaling, so it is ignored [ignored-input]\n'
            + '    hint: Write server_type: on_premise, or remove fixed_nb_of_instances.');
    }, 90_000);

    it('a CodeCarbon file with a column written twice: the error names it and both positions', async () => {
        const [header, ...rows] = V33.split('\n');
        const doubled = [`${header},emissions`, ...rows.map(r => (r ? `${r},0.5` : r))].join('\n');
        const run = await check(measurement, { 'emissions.csv': doubled });
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toMatch(/m\.efp:2:37: error: emissions\.csv: the header has column 'emissions' twice, in positions 6 and 39 \[data-file\]/);
    }, 90_000);

    it('0x10 in a CodeCarbon cell is not 16', async () => {
        const run = await check(measurement, { 'emissions.csv': V33.replace('0.10132588420783382', '0x10') });
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain("m.efp:2:37: error: emissions.csv: line 3, column 'emissions': `0x10` is not a decimal number [data-file]");
    }, 90_000);

    it('0x10 in EFP_MAX_DATA_FILE_MB is not 16 MB', async () => {
        const run = await check(measurement, { 'emissions.csv': V33 }, { EFP_MAX_DATA_FILE_MB: '0x10' });
        expectWellBehaved(run, [1], 512);
        expect(run.stdout).toContain('m.efp:2:37: error: cannot read emissions.csv: EFP_MAX_DATA_FILE_MB is `0x10`, not a decimal number of MB [data-file]');
    }, 90_000);

    it('0x10 in EFP_MAX_MODEL_FILE_MB is not 16 MB: the command cannot run (exit 2), and says which setting', async () => {
        const run = await runBounded(['check', 'examples/quickstart.efp'], { env: { EFP_MAX_MODEL_FILE_MB: '0x10' } });
        expectWellBehaved(run, [2], 512);
        expect(run.stderr).toContain('efp: EFP_MAX_MODEL_FILE_MB is `0x10`, not a decimal number of MB');
        expect(run.stderr).toContain('hint: Set EFP_MAX_MODEL_FILE_MB to a number of megabytes such as 20, or unset it for the default of 10.');
    }, 90_000);

    it('0x10 on the command line is not 16', async () => {
        const run = await runBounded(['cloud-estimate', '--vendor', 'aws', '--instance-type', 'm5.large', '--cpu-util', '50', '--duration', '0x10']);
        expectWellBehaved(run, [2], 512);
        expect(run.stderr).toContain('efp: --duration expects a decimal number, got \'0x10\'');
        const threshold = await runBounded(['check', 'examples/quickstart.efp', '--baseline', 'nothing.json', '--threshold', '0x10']);
        expectWellBehaved(threshold, [2], 512);
        expect(threshold.stderr).toContain('efp: --threshold takes a percentage such as 20 or 2.5%, not \'0x10\'');
    }, 90_000);

    it('a date that does not exist, in a series and in a CodeCarbon file: refused on its line', async () => {
        const series = await check(QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, 'hourly_usage_journey_starts: hourly_values([100, 5, 30], start_date: 2025-02-30)\n}'));
        expectWellBehaved(series, [1], 512);
        expect(series.stdout).toContain('m.efp:54:72: error: 2025-02-30 is not a date: February 2025 has 28 days');
        const csv = await check(measurement, { 'emissions.csv': V33.replace('2026-03-02T18:22:47', '2026-02-30T18:22:47') });
        expectWellBehaved(csv, [1], 512);
        expect(csv.stdout).toContain("m.efp:2:37: error: emissions.csv: line 3, column 'timestamp': 2026-02-30T18:22:47 is not a date: February 2026 has 28 days [data-file]");
    }, 90_000);

    it('the fuzz regressions\' texts check with the located error, within the budget', async () => {
        for (const file of ['language-services-4242-1274.efp', 'lsp-stdio-31337-90.efp']) {
            const run = await check(readFileSync(`test/fuzz/regressions/${file}`, 'utf8'));
            expectWellBehaved(run, [1], 512);
            expect(run.stdout, file).toMatch(/m\.efp:22:\d+: error: \d+(\.\d+)? min of user time is longer than the modeling period \(1 year\) \[out-of-range\]/);
        }
    }, 90_000);
});
