import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EfootprintImportError, importEfootprintJson } from '../../../src/engine/import/efootprint-json-import.js';
import { efpUnitOfPint } from '../../../src/engine/import/pint-units.js';

/**
 * e-footprint JSON as large or as deep as a file can make it: read without spreading its series into a call
 * (a stack overflow past about 125,000) or recursing once per level, and refused in words when it cannot be
 * e-footprint's.
 */
type JsonRecord = Record<string, unknown>;

function simpleSystem(): JsonRecord {
    return JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as JsonRecord;
}

describe('large and deep e-footprint JSON', () => {
    it('200,000 usage patterns, each with its series: the modeling period covers them all (regression: a stack overflow)', () => {
        const json = simpleSystem();
        const [pattern] = Object.values(json.UsagePattern as Record<string, JsonRecord>);
        // the system's own pattern (its series starts on 2025-01-01 and ends before the others do), then 200,000 more
        const patterns: Record<string, JsonRecord> = { ...(json.UsagePattern as Record<string, JsonRecord>) };
        for (let i = 0; i < 200_000; i++) {
            const hour = String(i % 24).padStart(2, '0');
            patterns[`up${i}`] = {
                ...pattern, id: `up${i}`, name: `up${i}`,
                hourly_usage_journey_starts: { values: [1, 2], unit: 'occurrence', start_date: `2025-01-0${1 + (i % 3)} ${hour}:00:00` }
            };
        }
        json.UsagePattern = patterns;
        const imported = importEfootprintJson(JSON.stringify(json));
        expect(imported.description.settings.start_date?.expr).toEqual({ kind: 'date', value: '2025-01-01' });
        // the last series starts on 2025-01-03 at 23:00 and has two hours: 3 days and 1 hour in all
        expect(imported.description.settings.modeling_duration?.expr).toEqual({ kind: 'number', value: 73, unit: 'h' });
    });

    it('arrays nested 200,000 deep: refused in words (regression: "Maximum call stack size exceeded" copying them)', () => {
        const depth = 200_000;
        const json = `{"efootprint_version": "17.0.0", "Server": {"s": {"name": "s", "id": "s", "x": ${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
        expect(() => importEfootprintJson(json)).toThrow(new EfootprintImportError(
            'Server.s.x[0][0][0][0][0]…: nested more than 32 levels deep, which no e-footprint JSON is (system_to_json writes a few levels)'));
    });

    it('a unit of 200,000 `1 /`: read as written (regression: a stack overflow, one call for each)', () => {
        expect(efpUnitOfPint(`${'1 / '.repeat(200_000)}second`)).toBe(`${'1/'.repeat(200_000)}s`);
        expect(efpUnitOfPint('1 / second')).toBe('1/s');
        expect(efpUnitOfPint('1 / dimensionless')).toBe('1/');
    });
});
