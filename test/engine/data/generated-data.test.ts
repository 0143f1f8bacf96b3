import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The data tables in src/engine/data are what the generators make today from data/: each generator run
 * into a temporary folder writes the committed file again, byte for byte. A data file or a generator
 * changed without `npm run generate` fails here, not in a user's figures.
 */
const GENERATORS: ReadonlyArray<readonly [script: string, output: string]> = [
    ['scripts/generate-countries.mjs', 'src/engine/data/countries.ts'],
    ['scripts/generate-ecologits-catalogue.mjs', 'src/engine/data/ecologits-data.ts'],
    ['scripts/generate-ecobenchmark.mjs', 'src/engine/data/ecobenchmark.ts'],
    ['scripts/generate-cloud-catalogue.mjs', 'src/engine/data/cloud-catalogue-data.ts'],
    ['scripts/generate-ccf-data.mjs', 'src/engine/data/ccf-data.ts']
];

describe('the generated data tables', () => {
    it('npm run generate runs every generator listed here', () => {
        const generate = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.generate;
        for (const [script] of GENERATORS) expect(generate).toContain(`node ${script}`);
    });

    for (const [script, output] of GENERATORS) {
        it(`${output} is what ${script} writes from data/ (else: npm run generate)`, async () => {
            const work = mkdtempSync(join(tmpdir(), 'efp-generate-data-'));
            try {
                await promisify(execFile)(process.execPath, [script, work]);
                expect(readFileSync(output, 'utf8'), `${output} differs from what ${script} writes: run npm run generate`)
                    .toBe(readFileSync(join(work, output), 'utf8'));
            } finally {
                rmSync(work, { recursive: true, force: true });
            }
        }, 60_000);
    }
});
