import { parseUnit } from '../../src/engine/units/unit.js';
import { decodeCompressedValues } from '../../src/engine/import/efootprint-json-import.js';

/**
 * Compares two e-footprint JSON systems input by input: same classes, object ids and names, same
 * references, quantities equal within float32 precision once in the same unit, hourly series equal
 * (compressed or plain values), form inputs equal, same sources (id, name, link) and confidence; a value
 * e-footprint stored without a source counts as user data.
 * Labels are not compared: efp writes its class specs' labels, e-footprint some labels of its own
 * ("cpu cores needed on server server during job processing").
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

const FLOAT32_RELATIVE = 1e-6;

function isRecord(v: Json | undefined): v is JsonRecord {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function close(a: number, b: number): boolean {
    return Math.abs(a - b) <= 1e-12 + FLOAT32_RELATIVE * Math.max(Math.abs(a), Math.abs(b));
}

function hourlyValues(v: JsonRecord, path: string): number[] {
    if (typeof v.compressed_values === 'string') return decodeCompressedValues(v.compressed_values, path);
    return (v.values as number[]).map(x => Math.fround(x));
}

export function compareEfootprintJson(expected: JsonRecord, actual: JsonRecord): string[] {
    const problems: string[] = [];
    // a value without a source is user data to efp (.efp has no way to say "no source"): the one loss allowed
    const sourceOf = (root: JsonRecord, id: Json | undefined) => {
        if (id === undefined || id === null) id = 'user_data';
        if (typeof id !== 'string') return JSON.stringify(id);
        const s = (root.Sources as JsonRecord)[id];
        return isRecord(s) ? `${id}|${String(s.name)}|${String(s.link)}` : `${id} (not in Sources)`;
    };
    const compareValue = (path: string, e: Json, a: Json | undefined) => {
        if (!isRecord(e)) {
            if (JSON.stringify(e) !== JSON.stringify(a)) problems.push(`${path}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
            return;
        }
        if (!isRecord(a)) { problems.push(`${path}: expected an object, got ${JSON.stringify(a)}`); return; }
        if ('source' in e || 'source' in a) {
            if (sourceOf(expected, e.source) !== sourceOf(actual, a.source)) {
                problems.push(`${path}.source: expected ${sourceOf(expected, e.source)}, got ${sourceOf(actual, a.source)}`);
            }
        }
        if ((e.confidence ?? null) !== (a.confidence ?? null)) problems.push(`${path}.confidence: expected ${String(e.confidence)}, got ${String(a.confidence)}`);
        if ('form_inputs' in e) {
            if (JSON.stringify(e.form_inputs) !== JSON.stringify(a.form_inputs)) problems.push(`${path}.form_inputs differ: ${JSON.stringify(a.form_inputs)}`);
        } else if ('compressed_values' in e || 'values' in e) {
            const ev = hourlyValues(e, path), av = isRecord(a) && (a.values || a.compressed_values) ? hourlyValues(a, path) : [];
            if (e.start_date !== a.start_date) problems.push(`${path}.start_date: expected ${String(e.start_date)}, got ${String(a.start_date)}`);
            const f = parseUnit(String(a.unit)).factor / parseUnit(String(e.unit)).factor;
            if (ev.length !== av.length) problems.push(`${path}: expected ${ev.length} hours, got ${av.length}`);
            else {
                const bad = ev.findIndex((x, i) => !close(x, av[i] * f));
                if (bad >= 0) problems.push(`${path}[${bad}]: expected ${ev[bad]}, got ${av[bad] * f}`);
            }
        } else if ('recurring_values' in e) {
            // a typical week: 168 values written as a Python list, compared as numbers in a common unit
            const week = (v: JsonRecord) => JSON.parse(String(v.recurring_values)) as number[];
            const ev = week(e), av = 'recurring_values' in a ? week(a) : [];
            const f = parseUnit(String(a.unit)).factor / parseUnit(String(e.unit)).factor;
            if (!parseUnit(String(a.unit)).dimension.equals(parseUnit(String(e.unit)).dimension)) problems.push(`${path}.unit: expected ${String(e.unit)}, got ${String(a.unit)}`);
            else if (ev.length !== av.length) problems.push(`${path}: expected ${ev.length} values, got ${av.length}`);
            else {
                const bad = ev.findIndex((x, i) => !close(x, av[i] * f));
                if (bad >= 0) problems.push(`${path}[${bad}]: expected ${ev[bad]}, got ${av[bad] * f}`);
            }
        } else if ('zone' in e) {
            if (e.zone !== a.zone) problems.push(`${path}.zone: expected ${String(e.zone)}, got ${String(a.zone)}`);
        } else if ('value' in e) {
            if (e.value === null || typeof e.value === 'string') {
                if (e.value !== a.value) problems.push(`${path}.value: expected ${JSON.stringify(e.value)}, got ${JSON.stringify(a.value)}`);
            } else {
                const er = parseUnit(String(e.unit ?? 'dimensionless')), ar = parseUnit(String(a.unit ?? 'dimensionless'));
                if (!er.dimension.equals(ar.dimension)) problems.push(`${path}.unit: expected ${String(e.unit)}, got ${String(a.unit)}`);
                else if (typeof a.value !== 'number' || !close((e.value as number) * er.factor, a.value * ar.factor)) {
                    problems.push(`${path}.value: expected ${String(e.value)} ${String(e.unit)}, got ${String(a.value)} ${String(a.unit)}`);
                }
            }
        } else {
            // a weighted list: {object id: {value, unit}}
            const keys = (o: JsonRecord) => Object.keys(o).sort().join(',');
            if (keys(e) !== keys(a)) problems.push(`${path}: expected items ${keys(e)}, got ${keys(a)}`);
            for (const k of Object.keys(e)) compareValue(`${path}[${JSON.stringify(k)}]`, e[k], a[k]);
        }
    };
    const classes = (root: JsonRecord) => Object.keys(root).filter(k => k !== 'efootprint_version' && k !== 'Sources').sort();
    if (classes(expected).join() !== classes(actual).join()) problems.push(`classes: expected ${classes(expected).join()}, got ${classes(actual).join()}`);
    for (const className of classes(expected)) {
        const eObjects = expected[className] as JsonRecord, aObjects = (actual[className] ?? {}) as JsonRecord;
        const ids = (o: JsonRecord) => Object.keys(o).sort().join(',');
        if (ids(eObjects) !== ids(aObjects)) problems.push(`${className}: expected ids ${ids(eObjects)}, got ${ids(aObjects)}`);
        for (const [id, eObject] of Object.entries(eObjects)) {
            const aObject = aObjects[id];
            if (!isRecord(aObject) || !isRecord(eObject)) continue;
            for (const [field, value] of Object.entries(eObject)) {
                compareValue(`${className}[${JSON.stringify(id)}].${field}`, value, aObject[field]);
            }
            for (const field of Object.keys(aObject)) {
                if (!(field in eObject)) problems.push(`${className}[${JSON.stringify(id)}].${field}: not in the reference`);
            }
        }
    }
    return problems;
}
