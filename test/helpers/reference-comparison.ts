import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseUnit } from '../../src/engine/units/unit.js';

/**
 * Compares an evaluation in e-footprint's reference-output shape with a reference dump: objects by class
 * and name, attributes by name, units converted, and e-footprint's float32 precision (1e-5 relative to the
 * value, or to the series' largest value for hourly values).
 */
export interface Mismatch { path: string; problem: string }

interface JsonValueLike { kind: string; unit?: string; value?: unknown; values?: number[]; start_date?: string; n?: number; items?: Record<string, JsonValueLike> }
interface JsonObjectLike { class: string; name: string; inputs: Record<string, JsonValueLike>; calculated: Record<string, JsonValueLike> }
export interface DumpLike { objects: Record<string, JsonObjectLike>; system_totals?: Record<string, Record<string, unknown>> }

export const RELATIVE_TOLERANCE = 1e-5;
const ABSOLUTE_TOLERANCE = 1e-9;

export function loadReference(path: string): DumpLike {
    const raw = readFileSync(path);
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as DumpLike;
}

function factor(refUnit: string | undefined, candUnit: string | undefined): number {
    const r = parseUnit(refUnit ?? 'dimensionless');
    const c = parseUnit(candUnit ?? 'dimensionless');
    if (!r.dimension.equals(c.dimension)) throw new Error(`unit ${candUnit} is not ${refUnit}`);
    return c.factor / r.factor;
}

function close(r: number, c: number, scale: number): boolean {
    return Math.abs(r - c) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(r), scale);
}

export interface ComparisonResult { compared: number; mismatches: Mismatch[]; maxRelativeError: number }

export function compareDumps(reference: DumpLike, candidate: DumpLike): ComparisonResult {
    const byKey = new Map(Object.values(candidate.objects).map(o => [`${o.class}|${o.name}`, o]));
    const mismatches: Mismatch[] = [];
    let compared = 0;
    let maxRelativeError = 0;
    const compare = (path: string, r: JsonValueLike, c: JsonValueLike | undefined) => {
        if (r.kind === 'dict') {
            for (const [k, v] of Object.entries(r.items ?? {})) compare(`${path}[${k}]`, v, c?.items?.[k]);
            return;
        }
        if (r.kind !== 'quantity' && r.kind !== 'hourly') return;
        compared++;
        if (!c || c.kind !== r.kind) {
            mismatches.push({ path, problem: `expected ${r.kind}, got ${c?.kind ?? 'nothing'}` });
            return;
        }
        let f: number;
        try {
            f = factor(r.unit, c.unit);
        } catch (e) {
            mismatches.push({ path, problem: (e as Error).message });
            return;
        }
        if (r.kind === 'quantity') {
            const rv = r.value as number, cv = (c.value as number) * f;
            if (!close(rv, cv, 0)) mismatches.push({ path, problem: `${cv} vs reference ${rv}` });
            else if (rv !== 0) maxRelativeError = Math.max(maxRelativeError, Math.abs(rv - cv) / Math.abs(rv));
            return;
        }
        const rv = r.values ?? [], cv = c.values ?? [];
        if (r.start_date !== c.start_date || rv.length !== cv.length) {
            mismatches.push({ path, problem: `series starts ${c.start_date} with ${cv.length} values, reference ${r.start_date} with ${rv.length}` });
            return;
        }
        const scale = rv.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        let bad = 0, first = -1;
        for (let i = 0; i < rv.length; i++) {
            const x = cv[i] * f;
            if (!close(rv[i], x, scale)) {
                bad++;
                if (first < 0) first = i;
            } else if (scale > 0) {
                maxRelativeError = Math.max(maxRelativeError, Math.abs(rv[i] - x) / scale);
            }
        }
        if (bad) mismatches.push({ path, problem: `${bad}/${rv.length} hourly values off, first at hour ${first}: ${cv[first] * f} vs ${rv[first]}` });
    };
    for (const ro of Object.values(reference.objects)) {
        const co = byKey.get(`${ro.class}|${ro.name}`);
        if (!co) {
            mismatches.push({ path: `${ro.class} '${ro.name}'`, problem: 'missing object' });
            continue;
        }
        for (const part of ['inputs', 'calculated'] as const) {
            for (const [attr, rv] of Object.entries(ro[part])) {
                const cv = co[part][attr] ?? co.inputs[attr] ?? co.calculated[attr];
                if (rv.kind === 'empty' && cv && cv.kind !== 'empty') mismatches.push({ path: `${ro.class} '${ro.name}'.${attr}`, problem: `expected empty, got ${cv.kind}` });
                compare(`${ro.class} '${ro.name}'.${attr}`, rv, cv);
            }
        }
    }
    if (reference.system_totals) {
        for (const [group, byCategory] of Object.entries(reference.system_totals)) {
            for (const [category, value] of Object.entries(byCategory)) {
                const cv = candidate.system_totals?.[group]?.[category] as JsonValueLike | Record<string, JsonValueLike> | undefined;
                if ((value as JsonValueLike).kind === 'quantity') {
                    compare(`system_totals.${group}.${category}`, value as JsonValueLike, cv as JsonValueLike | undefined);
                } else {
                    for (const [name, v] of Object.entries(value as Record<string, JsonValueLike>)) {
                        compare(`system_totals.${group}.${category}.${name}`, v, (cv as Record<string, JsonValueLike> | undefined)?.[name]);
                    }
                }
            }
        }
    }
    return { compared, mismatches, maxRelativeError };
}
