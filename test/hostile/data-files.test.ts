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
