import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectWellBehaved, fingerprint, runBounded } from '../helpers/bounded-run.js';

/**
 * JSON a stranger wrote, through every command that reads JSON: e-footprint systems (`efp import`), baselines
 * (`efp check --baseline`) and observations (`efp cloud-estimate` on standard input). Deep, shaped wrong, or
 * naming JavaScript's own property names: a located refusal, never a crash.
 */
const dir = mkdtempSync(join(tmpdir(), 'efp-hostile-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEEP_LIST = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

function file(name: string, text: string): string {
    writeFileSync(join(dir, name), text);
    return name;
}

describe('JSON inputs from strangers', () => {
    it('an e-footprint system nested 100,000 deep: refused with where (regression: "internal error: Maximum call stack size exceeded")', async () => {
        const input = file('deep.json', `{"efootprint_version": "22.2.1", "System": {"s": {"name": "x", "usage_patterns": ${DEEP_LIST}}}}`);
        const before = fingerprint(dir);
        const run = await runBounded(['import', input, '-o', 'imported.efp'], { cwd: dir });
        expectWellBehaved(run, [1]);
        expect(run.stderr).toContain('efp: deep.json: System.s.usage_patterns[0][0][0][0][0]…: nested more than 32 levels deep');
        // nothing written: no .efp, no temporary file left behind
        expect(fingerprint(dir)).toEqual(before);
    });

    it('an e-footprint system whose classes are __proto__ and constructor: refused as unknown classes', async () => {
        const run = await runBounded(['import', file('proto.json', '{"efootprint_version": "22.2.1", "__proto__": {"x": {"name": "a"}}, "constructor": {"y": {}}}')], { cwd: dir });
        expectWellBehaved(run, [1]);
        expect(run.stderr).toContain('efp: proto.json: __proto__["x"]: e-footprint\'s __proto__ is not supported by efp yet');
    });

    it('a baseline and observations nested 100,000 deep: refused as the wrong shape', async () => {
        writeFileSync(join(dir, 'm.efp'), 'model { start_date: 2025-01-01  modeling_duration: 1 day }\n');
        const baseline = await runBounded(['check', 'm.efp', '--baseline', file('baseline.json', DEEP_LIST)], { cwd: dir });
        expectWellBehaved(baseline, [2]);
        expect(baseline.stderr).toContain('efp: baseline.json: not an efp baseline');
        const observations = await runBounded(['cloud-estimate'], { cwd: dir, stdin: DEEP_LIST });
        expectWellBehaved(observations, [1]);
        expect(observations.stderr).toContain('efp: observation 0: expected an object with duration, cpu/utilization, cloud/vendor and cloud/instance-type, found an array');
    });
});
