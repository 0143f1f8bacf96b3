import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { efp } from '../../helpers/cli-run.js';
import { compareDumps, loadReference, type DumpLike } from '../../helpers/reference-comparison.js';
import { compareEfootprintJson } from '../../helpers/efootprint-json-comparison.js';

/**
 * e-footprint JSON -> .efp -> e-footprint JSON for the reference systems efp supports: the JSON comes back
 * with the same objects, ids, inputs, values (float32 precision) and sources, and the imported .efp
 * evaluates to e-footprint's own outputs.
 */
const FIXTURES = 'test/fixtures/efootprint';

async function roundTrip(name: string, ...importOptions: string[]): Promise<{ dir: string; efpFile: string; exported: Record<string, unknown>; dump: DumpLike }> {
    const dir = mkdtempSync(join(tmpdir(), 'efp-roundtrip-'));
    const efpFile = join(dir, `${name}.efp`);
    const imported = await efp('import', `${FIXTURES}/${name}.efootprint.json`, ...importOptions, '-o', efpFile);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const exportFile = join(dir, `${name}.json`);
    const exported = await efp('export', efpFile, '-o', exportFile);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const dumpFile = join(dir, 'outputs.json');
    const evaluated = await efp('eval', '--json', efpFile, '-o', dumpFile);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.code).toBe(0);
    return {
        dir, efpFile,
        exported: JSON.parse(readFileSync(exportFile, 'utf8')) as Record<string, unknown>,
        dump: JSON.parse(readFileSync(dumpFile, 'utf8')) as DumpLike
    };
}

function original(name: string): Record<string, never> {
    return JSON.parse(readFileSync(`${FIXTURES}/${name}.efootprint.json`, 'utf8')) as Record<string, never>;
}

describe('e-footprint JSON round trip', () => {
    it('simple_system: JSON -> efp -> JSON is lossless and the .efp evaluates to the reference', async () => {
        const { exported, dump } = await roundTrip('simple_system');
        expect(compareEfootprintJson(original('simple_system'), exported as never)).toEqual([]);
        const result = compareDumps(loadReference(`${FIXTURES}/simple_system.outputs.json.gz`), dump);
        expect(result.mismatches).toEqual([]);
        expect(result.compared).toBeGreaterThan(100);
    });

    it('machine_learning_workflow: lossless (form inputs stay volume_growth) and evaluates to the reference', async () => {
        const { efpFile, exported, dump } = await roundTrip('machine_learning_workflow');
        expect(readFileSync(efpFile, 'utf8')).toContain('volume_growth(initial_volume: 73000 per year, net_growth_rate: 25 % per year');
        expect(compareEfootprintJson(original('machine_learning_workflow'), exported as never)).toEqual([]);
        const result = compareDumps(loadReference(`${FIXTURES}/machine_learning_workflow.outputs.json.gz`), dump);
        expect(result.mismatches).toEqual([]);
        expect(result.compared).toBeGreaterThan(150);
    });

    it.each([
        ['--verbatim', 'hourly_values(values: [\n      3000, 2176.9321,'],
        // e-footprint's quickstart builds its journey starts so; the import recognises the 26,298 float32 values
        ['', 'hourly_usage_journey_starts: (linear_growth(5000, 100000) + sinusoidal(amplitude: 3000, period: 90 day)) * daily_fluctuation(scale: 0.8, min_hour: 4)']
    ])('quickstart %s: lossless (zstd-compressed hours decoded) and evaluates to the reference, float32 disk boundary aside', async (option, series) => {
        const { efpFile, exported, dump } = await roundTrip('quickstart', ...(option ? [option] : []));
        const text = readFileSync(efpFile, 'utf8');
        expect(text).toContain('modeling_duration: 3 year');
        expect(text).toContain(series);
        expect(compareEfootprintJson(original('quickstart'), exported as never)).toEqual([]);
        const result = compareDumps(loadReference(`${FIXTURES}/quickstart.outputs.json.gz`), dump);
        expect(result.compared).toBeGreaterThan(100);
        // as in reference-parity.test.ts: at a few hours e-footprint's float32 storage need is exactly a whole
        // number of disks where efp's is one float32 step above it; nothing else may differ
        const boundaryPaths = ["Storage 'SSD storage'.nb_of_instances", "Storage 'SSD storage'.instances_fabrication_footprint"];
        expect(result.mismatches.filter(m => !boundaryPaths.includes(m.path))).toEqual([]);
    }, 60_000);

    it('an exported file imports back to the same .efp text (ids kept)', async () => {
        const { dir, efpFile } = await roundTrip('simple_system');
        const again = join(dir, 'again.efp');
        expect((await efp('import', join(dir, 'simple_system.json'), '-o', again)).code).toBe(0);
        const body = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
        expect(body(again)).toBe(body(efpFile));
    });

    it.each([
        ['--verbatim', ['resolution: res_1080p', 'refresh_rate: 30 / s', 'data_storage_duration: 43830 h']],
        // 1080p at 30 frames a second is e-footprint's default: left out
        ['', ['resolution: res_480p', 'storage video_ssd "Video SSD" from ssd', 'daily_fluctuation(scale: 0.9, min_hour: 5)', 'devices: [box, screen]']]
    ])('video_streaming %s: lossless (resolutions become the built-in enum, frame rates `30 / s`) and evaluates to the reference', async (option, texts) => {
        const { efpFile, exported, dump } = await roundTrip('video_streaming', ...(option ? [option] : []));
        const text = readFileSync(efpFile, 'utf8');
        for (const expected of texts) expect(text).toContain(expected);
        expect(compareEfootprintJson(original('video_streaming'), exported as never)).toEqual([]);
        const result = compareDumps(loadReference(`${FIXTURES}/video_streaming.outputs.json.gz`), dump);
        expect(result.mismatches).toEqual([]);
        expect(result.compared).toBeGreaterThan(100);
    });

    it('edge_device_group_system: lossless (groups with their counts) and evaluates with 3 floors × 4 devices (no reference output: 12 by hand)', async () => {
        const { efpFile, exported, dump } = await roundTrip('edge_device_group_system');
        const text = readFileSync(efpFile, 'utf8');
        expect(text).toContain('sub_group_counts: [floor_group * 3]');
        expect(text).toContain('edge_device_counts: [grouped_edge_device * 4]');
        expect(compareEfootprintJson(original('edge_device_group_system'), exported as never)).toEqual([]);
        const device = Object.values(dump.objects).find(o => o.name === 'grouped edge device')!;
        expect(device.calculated.total_nb_of_units).toMatchObject({ kind: 'quantity', value: 12 });
        const floor = Object.values(dump.objects).find(o => o.name === 'floor group')!;
        expect(floor.calculated.effective_nb_of_units_within_root).toMatchObject({ kind: 'quantity', value: 3 });
    });

    it.each([
        ['--verbatim', ['recurrent_compute_needed: 1 cpu_core', ']) * 1 MB_stored']],
        // 1 cpu_core is e-footprint's default for a process: left out
        ['', [']) * 1 MB_stored', 'country: France']]
    ])('simple_edge_system %s: lossless (typical weeks as one value or weekly_values) and evaluates to the reference', async (option, texts) => {
        const { efpFile, exported, dump } = await roundTrip('simple_edge_system', ...(option ? [option] : []));
        const text = readFileSync(efpFile, 'utf8');
        expect(text.includes('recurrent_compute_needed')).toBe(option === '--verbatim');
        for (const expected of texts) expect(text).toContain(expected);
        expect(compareEfootprintJson(original('simple_edge_system'), exported as never)).toEqual([]);
        const result = compareDumps(loadReference(`${FIXTURES}/simple_edge_system.outputs.json.gz`), dump);
        expect(result.mismatches).toEqual([]);
        expect(result.compared).toBeGreaterThan(150);
    });
});
