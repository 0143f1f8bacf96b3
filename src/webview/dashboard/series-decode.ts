import type { EncodedFootprintSeries } from '../../language/protocol.js';
import type { FootprintCategory, Phase } from '../../engine/presentation.js';

/** A system's hourly footprint in one category and phase, kg CO2e per hour of the modeling period. */
export interface HourlySeries {
    readonly category: FootprintCategory;
    readonly phase: Phase;
    readonly values: Float64Array;
}

/** The bytes of a little-endian Float64Array sent as base64 (see EncodedFootprintSeries). */
export function decodeFloat64(base64: string): Float64Array {
    const binary = atob(base64);
    if (binary.length % 8 !== 0) throw new Error(`a Float64Array takes 8 bytes a value, got ${binary.length} bytes`);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // DataView reads little-endian whatever the machine's byte order (the server wrote a Node Buffer)
    const view = new DataView(bytes.buffer);
    const values = new Float64Array(binary.length / 8);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, true);
    return values;
}

/** The decoded hourly series of one system, in the server's order (by category, fabrication before energy). */
export function systemSeries(encoded: readonly EncodedFootprintSeries[], systemId: string): HourlySeries[] {
    return encoded
        .filter(s => s.systemId === systemId)
        .map(s => ({ category: s.category, phase: s.phase, values: decodeFloat64(s.values) }));
}
