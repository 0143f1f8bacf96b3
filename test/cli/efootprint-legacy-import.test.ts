import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

/**
 * `efp import` of JSON written by older e-footprint versions (test/fixtures/efootprint/legacy/): the file is
 * upgraded as e-footprint upgrades it, the CLI says so on standard error, and the .efp it writes checks and
 * evaluates.
 */
const FIXTURES: ReadonlyArray<readonly [string, string]> = [
    ['base_system_v9', '9.1.5'], ['base_system_v10', '10.1.15'], ['base_system_v11', '11.2.3'], ['base_system_v12', '12.0.0'],
    ['base_system_v13', '13.0.0'], ['base_system', '21.1.6'], ['base_system_no_jobs', '12.0.0']
];

const totalLine = (text: string) => /^Total footprint: .*$/m.exec(text)?.[0];

/**
 * These files call Mistral's open-mistral-7b, which EcoLogits 0.11 (efp's data, and e-footprint 22's
 * dependency) no longer lists: e-footprint 22.2.1 cannot load them either ("Could not find model").
 * efp imports them and reports that one model, located, with a hint.
 */
const DROPPED_GENAI_MODEL = new Set(['base_system_v11', 'base_system_v12', 'base_system_v13']);

describe('efp import of older e-footprint JSON', () => {
    it('imports every legacy fixture into a .efp that checks and evaluates, saying which upgrades ran', async () => {
        const dir = writeModelFiles({});
        for (const [name, version] of FIXTURES) {
            const json = `test/fixtures/efootprint/legacy/${name}.json`;
            const out = join(dir, `${name}.efp`);
            const imported = await efp('import', json, '-o', out);
            expect(imported.code, name).toBe(0);
            const [first, ...notes] = imported.stderr.trimEnd().split('\n');
            const major = Number(version.split('.')[0]);
            const steps = Array.from({ length: 22 - major }, (_, i) => `${major + i}→${major + i + 1}`).join(', ');
            expect(first, name).toBe(`efp: ${json}: upgraded from e-footprint ${version} JSON to 22.2.1 (${steps})`);
            for (const note of notes) expect(note, name).toMatch(new RegExp(`^efp: ${json.replace(/\./g, '\\.')}: note: `));
            expect(readFileSync(out, 'utf8')).toContain(`// Imported from ${name}.json (e-footprint ${version}) by efp import.`);
            const checked = await efp('check', out);
            if (DROPPED_GENAI_MODEL.has(name)) {
                expect(checked.code, name).toBe(1);
                expect(checked.stdout.split('\n').filter(l => l.includes(': error: ')), name).toEqual([
                    expect.stringMatching(/\.efp:\d+:\d+: error: genai_api generative_ai_model_1: model_total_params: unknown mistralai model 'open-mistral-7b' in EcoLogits' model repository \[invalid-value\]$/)
                ]);
                expect(checked.stdout).toContain('hint: Choose one of the provider\'s models EcoLogits lists');
                continue;
            }
            expect(checked.code, `${name}: ${checked.stdout}${checked.stderr}`).toBe(0);
            const evaluated = await efp('eval', out);
            expect(evaluated.code, name).toBe(0);
            expect(totalLine(evaluated.stdout), name).toBeDefined();
        }
    });

    it('the 9.1.5 file says that its negative data stored became 0; 10.1.15 and 21.1.6 evaluate to the same total', async () => {
        const dir = writeModelFiles({});
        const v9 = await efp('import', 'test/fixtures/efootprint/legacy/base_system_v9.json', '-o', join(dir, 'v9.efp'));
        expect(v9.stderr).toContain('note: Job "uuid-upload": data_stored -300 megabyte became 0, as e-footprint 17 does with negative data stored');
        await efp('import', 'test/fixtures/efootprint/legacy/base_system_v10.json', '-o', join(dir, 'v10.efp'));
        await efp('import', 'test/fixtures/efootprint/legacy/base_system.json', '-o', join(dir, 'v21.efp'));
        const v10 = totalLine((await efp('eval', join(dir, 'v10.efp'))).stdout);
        expect(v10).toBe('Total footprint: 254.3 kg CO2e over the period');
        expect(totalLine((await efp('eval', join(dir, 'v21.efp'))).stdout)).toBe(v10);
        expect(totalLine((await efp('eval', join(dir, 'v9.efp'))).stdout)).toBe('Total footprint: 254.0 kg CO2e over the period');
    });

    it('a file older than e-footprint 9 or without a version is refused with the field and the fix (exit 1)', async () => {
        const dir = writeModelFiles({ 'old.json': '{"efootprint_version": "8.0.1", "System": {}}', 'unversioned.json': '{"System": {}}' });
        const old = await efp('import', join(dir, 'old.json'));
        expect(old.code).toBe(1);
        expect(old.stderr).toContain('efootprint_version: this file is from e-footprint 8.0.1; efp upgrades JSON from e-footprint 9.0 on');
        const unversioned = await efp('import', join(dir, 'unversioned.json'));
        expect(unversioned.code).toBe(1);
        expect(unversioned.stderr).toContain('efootprint_version: missing');
        expect(unversioned.stderr).toContain('"efootprint_version": "22.2.1"');
    });
});
