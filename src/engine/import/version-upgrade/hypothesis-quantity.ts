import type { JsonRecord } from './json.js';

/**
 * A quantity as e-footprint 22 writes a value it makes up during an upgrade (`SourceValue(x * u.unit).to_json()`):
 * a float, the pint unit name, the default label unless one is given, and e-footprint's hypothesis source by id.
 */
export function hypothesisQuantity(value: number, unit: string, label = 'unnamed source'): JsonRecord {
    return { value, unit, label, source: 'hypothesis' };
}
