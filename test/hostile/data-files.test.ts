import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/** CodeCarbon files of strange shapes, read by a model's measurement through `efp check`. */
const dir = mkdtempSync(join(tmpdir(), 'efp-hostile-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8');
const MODEL = (csv: string) => `model { start_date: 2026-01-01  modeling_duration: 1 year }
measurement training { file: "${csv}" }
system lab { measurements: [training] }
`;

async function check(csv: string, text: string) {
    writeFileSync(join(dir, csv), text);
    writeFileSync(join(dir, 'm.efp'), MODEL(csv));
    return runBounded(['check', 'm.efp'], { cwd: dir, timeoutMs: 30_000 });
}

describe('CodeCarbon files of strange shapes', () => {
    it('200,000 extra columns: read in one pass (regression: 76 s looking for a repeated column)', async () => {
        const [header, ...rows] = V33.trimEnd().split('\n');
        const extra = Array.from({ length: 200_000 }, (_, i) => `extra_${i}`).join(',');
        const run = await check('wide.csv', [`${header},${extra}`, ...rows.map(r => r + ','.repeat(200_000))].join('\n') + '\n');
        expectWellBehaved(run, [0]);
        expect(run.stdout).toBe('m.efp: no problems found\n');
    });

    it('a column repeated after 200,000 others: both positions named', async () => {
        const [header, ...rows] = V33.trimEnd().split('\n');
        const extra = Array.from({ length: 200_000 }, (_, i) => `extra_${i}`).join(',');
        const run = await check('repeated.csv', [`${header},${extra},run_id`, ...rows.map(r => r + ','.repeat(200_001))].join('\n') + '\n');
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain("m.efp:2:30: error: repeated.csv: the header has column 'run_id' twice, in positions 3 and 200039 [data-file]");
    });

    it('a quote never closed: not a CSV file, on the file line', async () => {
        const run = await check('open-quote.csv', `timestamp,project_name,run_id,duration,emissions,energy_consumed\n"2026-01-01T00:00:00,${'x'.repeat(1_000_000)}\n`);
        expectWellBehaved(run, [1]);
        expect(run.stdout).toMatch(/^m\.efp:2:30: error: open-quote\.csv: not a CSV file: /);
    });
});

/** Series files of strange shapes, read by `hourly_values(file: …)` through `efp check`. */
const SERIES_MODEL = (series: string) => `model { start_date: 2025-01-01  modeling_duration: 1 day }
storage disk from ssd {}
server web { storage: disk }
job call on web {}
usage_journey_step browse { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [browse] }
usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi_network  country: France
  hourly_usage_journey_starts: ${series} }
system shop { usage_patterns: [users] }
`;

async function checkSeries(csv: string, text: string, series = `hourly_values(file: "${csv}")`, env: Record<string, string> = {}) {
    writeFileSync(join(dir, csv), text);
    writeFileSync(join(dir, 's.efp'), SERIES_MODEL(series));
    return runBounded(['check', 's.efp'], { cwd: dir, timeoutMs: 30_000, env });
}

describe('series files of strange shapes', () => {
    it('larger than the data file limit: refused before reading, on the path', async () => {
        const run = await checkSeries('big.csv', `time,v\n${'2025-01-01T00:00:00Z,1\n'.repeat(100_000)}`, undefined, { EFP_MAX_DATA_FILE_MB: '1' });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toMatch(/^s\.efp:8:52: error: cannot read big\.csv: it is 2\.\d MB, more than the 1\.0 MB efp reads \[data-file\]$/m);
    });

    it('3,000 months: 250 years of hours, refused on the row past the limit, without allocating them', async () => {
        const months = Array.from({ length: 3000 }, (_, i) => `${1800 + Math.floor(i / 12)}-${String(i % 12 + 1).padStart(2, '0')},1`);
        const run = await checkSeries('months.csv', `date,v\n${months.join('\n')}\n`, 'hourly_values(file: "months.csv", profile: "flat")');
        expectWellBehaved(run, [1], 400);
        expect(run.stdout).toMatch(/^s\.efp:8:52: error: months\.csv:\d+: the series would span 2,000,\d{3} hours \(228 years\), more than the 2,000,000 hours \(228 years\) a series may hold \[data-file\]$/m);
    });

    it('escape sequences in a column name: shown escaped in the terminal, never sent raw', async () => {
        const run = await checkSeries('esc.csv', 'time,"\u001b]0;pwned\u0007visits"\n2025-01-01T00:00:00Z,1\n', 'hourly_values(file: "esc.csv", column: "visits")');
        expectWellBehaved(run, [1]);
        expect(run.stdout).not.toMatch(/[\u0007\u001b]/);
        expect(run.stdout).toContain('esc.csv:1: the header has no column `visits`');
        expect(run.stdout).toContain('Its value columns: `\\x1b]0;pwned\\x07visits`.');
    });
});
