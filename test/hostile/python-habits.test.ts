import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, runBounded } from '../helpers/bounded-run.js';

/**
 * A model file just under the 10 MB limit, all of it e-footprint's Python (every spelling efp says as
 * such, and a text in quotes with terminal escapes): `efp check` within 1 GB and two minutes, the
 * spellings located, the listing capped, the escapes shown as text.
 */
const SIZE = 10 * 1024 * 1024 - 1024;
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-hostile-python-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('efp check on 10 MB of e-footprint\'s Python', () => {
    it('says the first spellings where they are, lists at most 1,000 problems, and writes no escape sequence', async () => {
        const line = '  power=SourceValue(300 * u.W, source=Sources.HYPOTHESIS)  ram: 3 * u.GB  country: Countries.FRANCE()  '
            + 'devices: [Device.laptop()]  timezone: \'\x1b[2J\'  zone: {"value": 3, "unit": "GB"}  # why\n';
        const text = `server web {\n${line.repeat(Math.floor((SIZE - 20) / line.length))}}\n`;
        writeFileSync(join(dir, 'python.efp'), text);
        const run = await runBounded(['check', 'python.efp'], { cwd: dir, timeoutMs: 120_000 });
        expectWellBehaved(run, [1]);
        expect(run.stdout).toContain('python.efp:2:3: error: `power=` is a Python keyword argument [python-spelling]');
        expect(run.stdout).toContain('python.efp:2:9: error: `SourceValue(300 * u.W, source=Sources.HYPOTHESIS)` is e-footprint\'s Python [python-spelling]');
        expect(run.stdout).toMatch(/python\.efp:\d+:\d+: error: [\d,]+ more problems in this file/);
        const located = run.stdout.split('\n').filter(l => /^python\.efp:\d+:\d+: /.test(l));
        expect(located.length).toBeLessThanOrEqual(1000);
        expect(run.stdout).not.toContain('\x1b');
    }, 150_000);
});
