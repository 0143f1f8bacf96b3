import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

/** `efp import` and `efp export` on the command line: output, files, messages and exit codes. */
describe('efp import / export', () => {
    it('import --verbatim prints every input as the file states it', async () => {
        const result = await efp('import', '--verbatim', 'test/fixtures/efootprint/simple_system.efootprint.json');
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('server default_server "Default server" {  // e-footprint id: Default-server');
        expect(result.stdout).toContain('job job_1 "job 1" on default_server {  // e-footprint id: job-1\n  data_transferred: 150 kB  source hypothesis');
    });

    it('import prints the .efp as a person would write it: built-ins, archetypes, only what differs from the defaults', async () => {
        const result = await efp('import', 'test/fixtures/efootprint/simple_system.efootprint.json');
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        // the system's name is the title; e-footprint's default laptop and France are efp's built-ins
        expect(result.stdout).toContain('model "system 1" {');
        expect(result.stdout).toContain('  devices: [laptop]\n');
        expect(result.stdout).toContain('  country: France\n');
        // the SSD storage starts from the archetype: 3 hours of storage differs from it (5 years); 1 TB is its
        // value too but the file cites e-footprint's hypothesis where the archetype cites the SSD study; the
        // replication factor of 3 is the archetype's, with its source
        expect(result.stdout).toContain('storage default_ssd_storage "Default SSD storage" from ssd {\n');
        expect(result.stdout).toContain('  data_storage_duration: 3 h  source hypothesis\n');
        expect(result.stdout).toContain('  storage_capacity: 1 TB  source hypothesis\n');
        expect(result.stdout).not.toContain('data_replication_factor');
        // the jobs' values are all e-footprint's defaults (150 kB, 1 s...), with e-footprint's own source
        expect(result.stdout).toContain('job job_1 "job 1" on default_server {}\n');
        // ids e-footprint derives from names (`Default-server`) are not restated
        expect(result.stdout).not.toContain('e-footprint id');
    });

    it('import writes hourly values no builder gives back to a CSV file beside the model, which it reads to the same figures', async () => {
        const json = JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
        // three days of irregular traffic: no linear trend, swing or daily cycle reproduces it
        const values = Array.from({ length: 72 }, (_, i) => (i * 7919) % 97 * 1000 + (i % 5) * 13);
        json.UsagePattern['Usage-Pattern'].hourly_usage_journey_starts = {
            values, unit: 'occurrence', start_date: '2025-01-01 00:00:00', label: 'x', source: 'hypothesis'
        };
        const dir = writeModelFiles({ 'traffic.json': JSON.stringify(json) });
        const kept = await efp('import', join(dir, 'traffic.json'), '-o', join(dir, 'shop.efp'));
        expect(kept.code).toBe(0);
        expect(kept.stderr).toBe(`efp: hourly values no builder gives back are in ${join(dir, 'shop.series.csv')}, which the model reads\n`);
        const text = readFileSync(join(dir, 'shop.efp'), 'utf8');
        expect(text).toContain('hourly_usage_journey_starts: hourly_values(file: "shop.series.csv", column: "main_usage_pattern_hourly_usage_journey_starts")  source hypothesis');
        const csv = readFileSync(join(dir, 'shop.series.csv'), 'utf8').split('\n');
        expect(csv[0]).toBe('time,main_usage_pattern_hourly_usage_journey_starts');
        expect(csv[1]).toBe(`2025-01-01T00:00:00Z,${values[0]}`);
        expect(csv[72]).toBe(`2025-01-03T23:00:00Z,${values[71]}`);
        expect(csv.length).toBe(74);
        // the same figures as the complete form, which lists the values in the .efp
        expect((await efp('import', '--verbatim', join(dir, 'traffic.json'), '-o', join(dir, 'verbatim.efp'))).code).toBe(0);
        const total = async (file: string) => {
            const result = await efp('eval', '--json', join(dir, file));
            expect(result.stderr).toBe('');
            // to 12 significant digits: the complete form restates defaults in units of its own, which moves the last bit
            return JSON.stringify((JSON.parse(result.stdout) as { system_totals: unknown }).system_totals,
                (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v));
        };
        expect(await total('shop.efp')).toEqual(await total('verbatim.efp'));
        // written to standard output, there is no file beside it: the values stay in the text
        const printed = await efp('import', join(dir, 'traffic.json'));
        expect(printed.stdout).toContain('hourly_values(values: [\n');
        // the series file would be the JSON read: refused before anything is written, the input intact
        const input = join(dir, 'model.series.csv');
        writeFileSync(input, readFileSync(join(dir, 'traffic.json')));
        const refused = await efp('import', input, '-o', join(dir, 'model.efp'));
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain(`refusing to write ${input}`);
        expect(readFileSync(input, 'utf8')).toBe(readFileSync(join(dir, 'traffic.json'), 'utf8'));
        expect(existsSync(join(dir, 'model.efp'))).toBe(false);
    });

    it('import of a missing file is a usage error (exit 2)', async () => {
        const result = await efp('import', 'no/such/file.json');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('efp: cannot read no/such/file.json: no such file');
    });

    it('import of a malformed file names the file, object and field (exit 1)', async () => {
        const json = JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
        json.Job['job-2'].server = 'gone';
        const dir = writeModelFiles({ 'bad.json': JSON.stringify(json), 'notjson.json': 'hello', 'future.json': '{"efootprint_version": "99.0.0"}' });
        const bad = await efp('import', join(dir, 'bad.json'));
        expect(bad.code).toBe(1);
        expect(bad.stderr).toBe(`efp: ${join(dir, 'bad.json')}: Job["job-2"].server: refers to 'gone', which is not in the file\n`);
        const notJson = await efp('import', join(dir, 'notjson.json'));
        expect(notJson.code).toBe(1);
        expect(notJson.stderr).toContain('not JSON');
        const future = await efp('import', join(dir, 'future.json'));
        expect(future.code).toBe(1);
        expect(future.stderr).toContain('this file is from e-footprint 99.0.0');
    });

    it('export writes e-footprint JSON; objects without a kept id get one from their name', async () => {
        const result = await efp('export', 'examples/reference/simple_system.efp');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout) as Record<string, Record<string, Record<string, unknown>>>;
        expect(json.efootprint_version).toBe('22.2.1');
        expect(Object.keys(json.Server)).toEqual(['Default-server']);
        expect(json.Job['job-1'].server).toBe('Default-server');
        expect(json.Server['Default-server'].ram).toEqual({ value: 128, unit: 'gigabyte_ram', label: 'RAM', source: 'hypothesis' });
        const starts = json.UsagePattern['Usage-Pattern'].hourly_usage_journey_starts as Record<string, unknown>;
        expect(starts.values).toEqual([1e6, 2e6, 4e6, 5e6, 8e6, 12e6, 2e6, 2e6, 3e6]);
        expect(starts.start_date).toBe('2025-01-01 00:00:00');
    });

    it('export of a model with errors exits 1 with the errors; of a missing file exits 2', async () => {
        const dir = writeModelFiles({ 'broken.efp': 'server web { power: 300 }\n' });
        const broken = await efp('export', join(dir, 'broken.efp'));
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain('nothing exported');
        const missing = await efp('export', join(dir, 'missing.efp'));
        expect(missing.code).toBe(2);
    });

    it('export writes a web application\'s jobs as the plain Jobs e-footprint 22 has, and they evaluate the same', async () => {
        const model = readFileSync('test/fixtures/models/web-shop.efp', 'utf8');
        const dir = writeModelFiles({ 'shop.efp': model });
        const exported = await efp('export', join(dir, 'shop.efp'), '-o', join(dir, 'shop.json'));
        expect(exported.code).toBe(0);
        const json = JSON.parse(readFileSync(join(dir, 'shop.json'), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
        expect(json.WebApplication).toBeUndefined();
        expect(json.WebApplicationJob).toBeUndefined();
        const [job] = Object.values(json.Job);
        expect(job.name).toBe('Search');
        expect(job.server).toBe(Object.keys(json.Server)[0]);
        expect((job.request_duration as { value: number }).value).toBe(1); // e-footprint 15's web jobs last 1 s
        // back through efp import: the server's footprint is unchanged
        const imported = await efp('import', join(dir, 'shop.json'), '-o', join(dir, 'back.efp'));
        expect(imported.code).toBe(0);
        const before = await efp('eval', join(dir, 'shop.efp'));
        const after = await efp('eval', join(dir, 'back.efp'));
        const serverRow = (text: string) => /^ {4}web\s+(.+)$/m.exec(text)?.[1];
        expect(serverRow(after.stdout)).toBeDefined();
        expect(serverRow(after.stdout)).toBe(serverRow(before.stdout));
    });
});
