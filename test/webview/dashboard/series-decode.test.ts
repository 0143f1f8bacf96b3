import { describe, expect, it } from 'vitest';
import { decodeFloat64, systemSeries } from '../../../src/webview/dashboard/series-decode.js';
import type { EncodedFootprintSeries } from '../../../src/language/protocol.js';

/** What the language server does (src/language/evaluation/footprint-request.ts). */
function encode(values: Float64Array): string {
    return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

describe('decoding the footprint series sent by the server', () => {
    it('gives back the exact doubles', () => {
        const values = Float64Array.from([0, 1.5, -2.25, 1e-300, 123_456.789, Number.MAX_VALUE, 0.1 + 0.2]);
        const decoded = decodeFloat64(encode(values));
        expect(Array.from(decoded)).toEqual(Array.from(values));
        expect(decoded[6]).toBe(0.30000000000000004);
    });

    it('reads the bytes as little-endian', () => {
        // 1.0 is 3FF0000000000000: little-endian bytes 00 00 00 00 00 00 F0 3F
        expect(Array.from(decodeFloat64(Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]).toString('base64')))).toEqual([1]);
    });

    it('decodes a period of 26,298 hours', () => {
        const values = Float64Array.from({ length: 26_298 }, (_, i) => Math.sin(i) * 10);
        const decoded = decodeFloat64(encode(values));
        expect(decoded.length).toBe(26_298);
        expect(decoded[26_297]).toBe(values[26_297]);
    });

    it('rejects a byte count that is not a whole number of doubles', () => {
        expect(() => decodeFloat64(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(/8 bytes/);
    });

    it("keeps one system's series", () => {
        const encoded: EncodedFootprintSeries[] = [
            { systemId: 'a', category: 'Servers', phase: 'energy', values: encode(Float64Array.of(1, 2)) },
            { systemId: 'b', category: 'Servers', phase: 'energy', values: encode(Float64Array.of(3, 4)) },
            { systemId: 'a', category: 'Devices', phase: 'fabrication', values: encode(Float64Array.of(5, 6)) }
        ];
        const a = systemSeries(encoded, 'a');
        expect(a.map(s => [s.category, s.phase, Array.from(s.values)])).toEqual([['Servers', 'energy', [1, 2]], ['Devices', 'fabrication', [5, 6]]]);
    });
});
