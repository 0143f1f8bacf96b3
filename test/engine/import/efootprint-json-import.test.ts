import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EfootprintImportError, importEfootprintJson } from '../../../src/engine/import/efootprint-json-import.js';
import { printModel } from '../../../src/engine/export/efp-text.js';
import { efpIdentifiers, snakeCase } from '../../../src/engine/import/identifiers.js';
import { efpUnitOfPint } from '../../../src/engine/import/pint-units.js';
import { buildModel } from '../../../src/engine/build-model.js';

/** Reading e-footprint JSON into a model description, and the errors on files it cannot read. */
const simpleSystem = (): Record<string, Record<string, Record<string, unknown>>> =>
    JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as never;

function importError(json: unknown): string {
    try {
        importEfootprintJson(typeof json === 'string' ? json : JSON.stringify(json));
    } catch (e) {
        expect(e).toBeInstanceOf(EfootprintImportError);
        return (e as Error).message;
    }
    throw new Error('expected an import error');
}

describe('e-footprint JSON import', () => {
    it('reads objects, units, sources, references and the modeling period', () => {
        const { description, objectIds, extras } = importEfootprintJson(JSON.stringify(simpleSystem()));
        const server = description.objects.find(o => o.className === 'Server')!;
        expect(server.id).toBe('default_server');
        expect(server.name).toBe('Default server');
        expect(objectIds.get('default_server')).toBe('Default-server');
        expect(server.inputs.ram.expr).toEqual({ kind: 'number', value: 128, unit: 'GB_ram' });
        expect(server.inputs.ram.source).toBe('hypothesis');
        expect(server.inputs.server_type.expr).toEqual({ kind: 'symbol', name: 'on_premise', label: 'on-premise' });
        expect(server.inputs.fixed_nb_of_instances).toBeUndefined(); // e-footprint's null: no value
        expect(extras.get('france')).toEqual({ short_name: 'FRA' });
        expect(description.settings.start_date?.expr).toEqual({ kind: 'date', value: '2025-01-01' });
        expect(description.settings.modeling_duration?.expr).toEqual({ kind: 'number', value: 9, unit: 'h' });
    });

    it('gives a description the engine evaluates directly, without going through text', () => {
        const { description } = importEfootprintJson(JSON.stringify(simpleSystem()));
        const model = buildModel(description);
        expect(model.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const starts = model.findNode('main_usage_pattern', 'hourly_usage_journey_starts')?.value;
        expect(starts?.kind === 'hourly' && Array.from(starts.series.base)).toEqual([1e6, 2e6, 4e6, 5e6, 8e6, 12e6, 2e6, 2e6, 3e6]);
    });

    it('an imported system warns of no input without effect: e-footprint writes the values it sets itself (a storage\'s 0 W, a server\'s 1)', () => {
        for (const name of ['quickstart', 'simple_system', 'video_streaming', 'machine_learning_workflow']) {
            const json = readFileSync(`test/fixtures/efootprint/${name}.efootprint.json`, 'utf8');
            // the files do write them
            expect(json, name).toMatch(/"fraction_of_usage_time": \{\s*"value": 1\.0/);
            const model = buildModel(importEfootprintJson(json).description);
            expect(model.diagnostics.filter(d => d.code === 'ignored-input'), name).toEqual([]);
        }
    });

    it('prints hourly values a day per line', () => {
        const json = simpleSystem();
        const pattern = Object.values(json.UsagePattern)[0];
        pattern.hourly_usage_journey_starts = {
            values: Array.from({ length: 48 }, (_, i) => i), unit: 'occurrence', start_date: '2025-01-01 00:00:00', label: 'x', source: 'user_data'
        };
        const text = printModel(importEfootprintJson(JSON.stringify(json)).description);
        expect(text).toContain('hourly_usage_journey_starts: hourly_values(values: [\n      0, 1, 2,');
        expect(text).toContain('\n      24, 25,');
        expect(text).toContain('modeling_duration: 2 day');
    });

    it('turns names into unique identifiers that are not keywords, units or enumerated values', () => {
        expect(snakeCase('1 min video capture then upload')).toBe('_1_min_video_capture_then_upload');
        expect(snakeCase('Éco-Server (v2)')).toBe('eco_server_v2');
        const ids = efpIdentifiers([
            { key: 'a', name: 'server' }, { key: 'b', name: 'Server' }, { key: 'c', name: 'GB' }, { key: 'd', name: 'autoscaling' }
        ]);
        expect([...ids.values()]).toEqual(['server_2', 'server_3', 'gb', 'autoscaling_2']);
        // a word instead of a number when it says which object is meant
        const worded = efpIdentifiers([
            { key: 'a', name: 'server', word: 'server' }, { key: 'b', name: '20 min streaming', word: 'step', shared: true },
            { key: 'c', name: 'job', word: 'job', shared: true }, { key: 'd', name: 'job', word: 'job', shared: true }
        ]);
        expect([...worded.values()]).toEqual(['main_server', 'step_20_min_streaming', 'job_2', 'job_3']);
    });

    it('converts pint unit names to efp units', () => {
        expect(efpUnitOfPint('kilowatt_hour / gigabyte')).toBe('kWh/GB');
        expect(efpUnitOfPint('gigabyte_ram / gpu')).toBe('GB_ram/gpu');
        expect(efpUnitOfPint('hour / day')).toBe('h/day');
        expect(efpUnitOfPint('dimensionless')).toBe('');
    });

    it('not JSON', () => {
        expect(importError('{ "efootprint_version": ')).toMatch(/^not JSON: /);
    });

    it('no efootprint_version', () => {
        const json = simpleSystem();
        delete (json as Record<string, unknown>).efootprint_version;
        expect(importError(json)).toBe('efootprint_version: missing; is this a file written by e-footprint\'s system_to_json? '
            + 'Add the version of e-footprint that wrote it, e.g. "efootprint_version": "22.2.1"');
    });

    it('a future major version', () => {
        expect(importError({ ...simpleSystem(), efootprint_version: '99.0.0' }))
            .toBe('efootprint_version: efp reads e-footprint 22.x JSON; this file is from e-footprint 99.0.0');
    });

    it('an input with an unknown unit names the object and field', () => {
        const json = simpleSystem();
        (json.Server['Default-server'].power as Record<string, unknown>).unit = 'furlong_per_fortnight';
        expect(importError(json)).toBe('Server["Default-server"].power.unit: unknown unit \'furlong_per_fortnight\'');
    });

    it('an input in a unit of the wrong kind', () => {
        const json = simpleSystem();
        (json.Server['Default-server'].power as Record<string, unknown>).unit = 'kilogram';
        expect(importError(json)).toBe('Server["Default-server"].power.unit: \'kilogram\' is not a unit of the same kind as \'W\'');
    });

    it('a reference to a missing id', () => {
        const json = simpleSystem();
        json.Job['job-1'].server = 'no-such-server';
        expect(importError(json)).toBe('Job["job-1"].server: refers to \'no-such-server\', which is not in the file');
    });

    it('a reference to a missing source', () => {
        const json = simpleSystem();
        (json.Server['Default-server'].power as Record<string, unknown>).source = 'nowhere';
        expect(importError(json)).toBe('Server["Default-server"].power.source: refers to source "nowhere", which is not in Sources');
    });

    it('an input efp does not know', () => {
        const json = simpleSystem();
        json.Server['Default-server'].warp_drive = { value: 1, unit: 'dimensionless', label: 'x' };
        expect(importError(json)).toBe('Server["Default-server"].warp_drive: not an input of e-footprint\'s Server that efp knows');
    });

    it('corrupt compressed values', () => {
        const json = simpleSystem();
        (Object.values(json.UsagePattern)[0].hourly_usage_journey_starts as Record<string, unknown>).compressed_values = 'bm90IHpzdGQ=';
        expect(importError(json)).toMatch(/^UsagePattern\["Usage-Pattern"\]\.hourly_usage_journey_starts\.compressed_values: not zstd-compressed base64/);
    });

    it('compressed values whose frame header asks for more than a series may hold: refused before they are decompressed', () => {
        // a Zstandard frame declaring 16 MB of content (4 million float32 values) in a few bytes
        const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 1, 0, 0, 0, 0, 0x01, 0x00, 0x00]);
        const json = simpleSystem();
        (Object.values(json.UsagePattern)[0].hourly_usage_journey_starts as Record<string, unknown>).compressed_values = frame.toString('base64');
        expect(importError(json)).toBe('UsagePattern["Usage-Pattern"].hourly_usage_journey_starts.compressed_values: '
            + 'it would decompress to 4,194,304 values, more than the 2,000,000 a series may hold');
    });

    it('a list of hourly values longer than a series may be', () => {
        const json = simpleSystem();
        const starts = Object.values(json.UsagePattern)[0].hourly_usage_journey_starts as Record<string, unknown>;
        delete starts.compressed_values;
        starts.values = new Array(2_000_001).fill(1);
        expect(importError(json)).toBe('UsagePattern["Usage-Pattern"].hourly_usage_journey_starts.values: 2,000,001 values, more than the 2,000,000 a series may hold');
    });

    it('a start date that does not exist', () => {
        const json = simpleSystem();
        (Object.values(json.UsagePattern)[0].hourly_usage_journey_starts as Record<string, unknown>).start_date = '2025-02-30 00:00:00';
        expect(importError(json)).toBe('UsagePattern["Usage-Pattern"].hourly_usage_journey_starts.start_date: 2025-02-30T00:00:00 is not a date: February 2025 has 28 days');
    });

    it('a class efp does not model yet', () => {
        const json = { ...simpleSystem(), EcoLogitsVideoGenExternalAPI: { 'video-api-1': { name: 'Video API', id: 'video-api-1' } } };
        expect(importError(json)).toMatch(/^EcoLogitsVideoGenExternalAPI\["video-api-1"\]: e-footprint's EcoLogitsVideoGenExternalAPI is not supported by efp yet/);
    });
});
