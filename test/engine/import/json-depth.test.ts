import { describe, expect, it } from 'vitest';
import { EfootprintImportError, importEfootprintJson } from '../../../src/engine/import/efootprint-json-import.js';
import { MAX_JSON_DEPTH, tooDeepJsonPath } from '../../../src/engine/import/json-depth.js';

/** e-footprint JSON nested deeper than any system_to_json writes is refused where it goes too deep, at any depth. */
describe('the nesting of e-footprint JSON', () => {
    it('a list nested 100,000 deep in an object: refused with the path (regression: "internal error: Maximum call stack size exceeded")', () => {
        const text = `{"efootprint_version": "22.2.1", "System": {"s": {"name": "x", "usage_patterns": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`;
        expect(() => importEfootprintJson(text)).toThrow(EfootprintImportError);
        expect(() => importEfootprintJson(text)).toThrow(`System.s.usage_patterns[0][0][0][0][0]…: nested more than ${MAX_JSON_DEPTH} levels deep`);
    });

    it('objects 32 levels deep pass, 33 do not; keys that are not names are quoted', () => {
        const nest = (levels: number) => JSON.parse(`${'{"a b":'.repeat(levels)}1${'}'.repeat(levels)}`);
        expect(tooDeepJsonPath(nest(MAX_JSON_DEPTH))).toBeUndefined();
        expect(tooDeepJsonPath(nest(MAX_JSON_DEPTH + 1))).toBe('a b["a b"]["a b"]["a b"]["a b"]["a b"]["a b"]["a b"]…');
    });

    it('a wide file (two million hourly values) is not too deep', () => {
        expect(tooDeepJsonPath({ UsagePattern: { up: { hourly_usage_journey_starts: { values: new Array(2_000_000).fill(1) } } } })).toBeUndefined();
    });
});
