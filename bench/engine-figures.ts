/**
 * Engine figures, each taken in a child process of the runner (so "cold" is a fresh process's first
 * evaluation): evaluation of a generated system, incremental re-evaluation checked against a full one,
 * the quickstart against the machine's memory-bandwidth floor.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadWorkspace } from '../src/language/workspace/file-workspace.js';
import { describeModel } from '../src/language/model-description.js';
import { Model } from '../src/engine/model/model.js';
import { buildModel } from '../src/engine/build-model.js';
import type { InputDescription, ModelDescription } from '../src/engine/model/description.js';
import type { NodeValue } from '../src/engine/model/node.js';
import { median, peakRssMB, timeRuns } from './bench-util.js';
import { generateSystem, type SystemShape } from './system-generator.js';

export async function describeFile(path: string): Promise<ModelDescription> {
    const { services, document } = await loadWorkspace(path);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    if (errors.length) throw new Error(`${path}: ${errors.slice(0, 3).map(e => `${e.range.start.line + 1}: ${e.message}`).join('; ')}`);
    return describeModel(document, services.shared.workspace.LangiumDocuments);
}

export async function describeSystem(shape: SystemShape): Promise<ModelDescription> {
    // the 1,000-pattern system is one file of about 700,000 tokens, past a file's default budget of 350,000
    // (src/language/token-budget.ts): raised, as the budget's error tells a user with a model that size to
    process.env.EFP_MAX_MODEL_TOKENS ??= '2000000';
    const path = join(mkdtempSync(join(tmpdir(), 'efp-bench-')), 'system.efp');
    writeFileSync(path, generateSystem(shape));
    return describeFile(path);
}

/** The distinct hourly arrays a model's values hold, and their doubles: what an evaluation writes. */
export function seriesFootprint(model: Model): { series: number; doubles: number } {
    const arrays = new Set<Float64Array>();
    const add = (v: NodeValue | undefined) => {
        if (v?.kind === 'hourly') arrays.add(v.series.base);
        else if (v?.kind === 'dict') for (const item of v.items.values()) if (item.kind === 'hourly') arrays.add(item.series.base);
    };
    for (const node of model.nodes.values()) add(node.value);
    let doubles = 0;
    for (const a of arrays) doubles += a.length;
    return { series: arrays.size, doubles };
}

export interface EngineFigure {
    readonly objects: number;
    readonly nodes: number;
    readonly hours: number;
    readonly series: number;
    readonly coldMs: number;
    readonly warmMs: number[];
    readonly describeMs: number;
    readonly peakRssMB: number;
}

/** A fresh process's first build + evaluation (cold), then `warmRuns` more, each model disposed as an editor does. */
export async function engineFigure(shape: SystemShape, warmRuns: number): Promise<EngineFigure> {
    let t0 = performance.now();
    const description = await describeSystem(shape);
    const describeMs = performance.now() - t0;
    t0 = performance.now();
    const first = buildModel(description);
    const coldMs = performance.now() - t0;
    if (first.hasErrors) throw new Error(first.diagnostics.filter(d => d.severity === 'error').slice(0, 3).map(d => d.message).join('; '));
    const { series } = seriesFootprint(first);
    const figure = { objects: first.instances.length, nodes: first.nodes.size, hours: first.period.length, series };
    first.dispose();
    // two untimed runs: the first reuse of the array pool and V8's first optimised versions
    const warmMs = timeRuns(warmRuns, 2, () => buildModel(description).dispose());
    return { ...figure, coldMs, warmMs, describeMs, peakRssMB: peakRssMB() };
}

function numberInput(value: number, unit: string): InputDescription {
    return { expr: { kind: 'number', value, unit }, text: `${value} ${unit}` };
}

/** The description with one object's input replaced, as a changed text would describe it. */
function withInput(description: ModelDescription, objectId: string, attribute: string, input: InputDescription): ModelDescription {
    return {
        ...description,
        objects: description.objects.map(o => (o.id === objectId && !o.builtin ? { ...o, inputs: { ...o.inputs, [attribute]: input } } : o))
    };
}

/** Largest difference between two values relative to the larger magnitude (0 when equal); Infinity when their shapes differ. */
function difference(a: NodeValue | undefined, b: NodeValue | undefined): number {
    if (a === undefined || b === undefined) return a === b ? 0 : Infinity;
    if (a.kind !== b.kind) return Infinity;
    if (a.kind === 'empty') return 0;
    if (a.kind === 'quantity' && b.kind === 'quantity') return relative(a.value, b.value);
    if (a.kind === 'hourly' && b.kind === 'hourly') {
        if (a.series.start !== b.series.start || a.series.length !== b.series.length) return Infinity;
        const x = a.series.values, y = b.series.values;
        let scale = 0, worst = 0;
        for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]), Math.abs(y[i]));
        for (let i = 0; i < x.length; i++) worst = Math.max(worst, scale === 0 ? 0 : Math.abs(x[i] - y[i]) / scale);
        return worst;
    }
    if (a.kind === 'dict' && b.kind === 'dict') {
        const keyed = (v: typeof a) => new Map([...v.items].map(([k, item]) => [(k as { key: string }).key, item]));
        const x = keyed(a), y = keyed(b);
        if (x.size !== y.size) return Infinity;
        let worst = 0;
        for (const [k, item] of x) worst = Math.max(worst, difference(item, y.get(k)));
        return worst;
    }
    return Infinity;
}

function relative(x: number, y: number): number {
    const scale = Math.max(Math.abs(x), Math.abs(y));
    return scale === 0 ? 0 : Math.abs(x - y) / scale;
}

/** Summation order may differ between an update and a full evaluation: a few ulps, never more. */
export const EQUALITY_TOLERANCE = 1e-12;

export interface IncrementalCase {
    readonly name: string;
    readonly object: string;
    readonly attribute: string;
    readonly values: readonly [InputDescription, InputDescription];
}

export interface IncrementalFigure {
    readonly name: string;
    readonly nodes: number;
    readonly recomputed: number;
    readonly fullMs: number[];
    readonly incrementalMs: number[];
    readonly worstDifference: number;
    readonly differing: string[];
}

export const INCREMENTAL_CASES: readonly IncrementalCase[] = [
    { name: 'server power (one of ten servers)', object: 'api0', attribute: 'power', values: [numberInput(310, 'W'), numberInput(250, 'W')] },
    { name: "job data_stored (one pattern's job)", object: 'p0_post_j0', attribute: 'data_stored', values: [numberInput(20, 'kB'), numberInput(10, 'kB')] },
    {
        name: 'usage pattern journey starts', object: 'p0_users', attribute: 'hourly_usage_journey_starts', values: [
            { expr: { kind: 'call', function: 'linear_growth', args: [{ value: { kind: 'number', value: 150 } }, { value: { kind: 'number', value: 450 } }] } },
            { expr: { kind: 'call', function: 'linear_growth', args: [{ value: { kind: 'number', value: 100 } }, { value: { kind: 'number', value: 400 } }] } }
        ]
    }
];

/**
 * One input changes on a generated system: the time `setInput` takes (recomputing what depends on the
 * input) against a full build + evaluation, and every value of the updated model compared with a full
 * evaluation of the changed description.
 */
export async function incrementalFigures(shape: SystemShape, runs: number): Promise<IncrementalFigure[]> {
    const description = await describeSystem(shape);
    const figures: IncrementalFigure[] = [];
    for (const c of INCREMENTAL_CASES) {
        const model = buildModel(description);
        const fullMs = timeRuns(runs, 1, () => buildModel(description).dispose());
        let flip = 0;
        let recomputed = 0;
        // a recomputation takes well under a millisecond: more runs than full evaluations for a steady median
        const incrementalMs = timeRuns(runs * 5, 20, () => {
            recomputed = model.setInput(c.object, c.attribute, c.values[flip++ % 2]) ?? -1;
        });
        if (recomputed < 0) throw new Error(`${c.object}.${c.attribute}: setInput did not apply`);
        // the last value set is values[(flip - 1) % 2]
        const full = buildModel(withInput(description, c.object, c.attribute, c.values[(flip - 1) % 2]));
        let worst = 0;
        const differing: string[] = [];
        for (const [key, node] of model.nodes) {
            const d = difference(node.value, full.findNode(node.object.key, node.attribute)?.value);
            worst = Math.max(worst, d);
            if (d > EQUALITY_TOLERANCE) differing.push(`${key} (${d === Infinity ? 'shape' : d.toExponential(1)})`);
        }
        if (full.nodes.size !== model.nodes.size) differing.push(`node count ${model.nodes.size} vs ${full.nodes.size}`);
        figures.push({ name: c.name, nodes: model.nodes.size, recomputed, fullMs, incrementalMs, worstDifference: worst, differing });
        full.dispose();
        model.dispose();
    }
    return figures;
}

/**
 * Copy bandwidth (bytes read + written per second) of a Float64Array loop: `arrays` arrays of `length`
 * doubles copied into as many others. Arrays far larger than the caches give the DRAM bandwidth; the
 * quickstart's own series count and length give what its working set gets (it may fit in the caches).
 */
export function copyBandwidth(arrays: number, length: number, runs: number): { bytesPerSecond: number; samples: number[] } {
    const src = Array.from({ length: arrays }, (_, k) => new Float64Array(length).fill(k));
    const dst = Array.from({ length: arrays }, () => new Float64Array(length));
    const copy = () => {
        for (let k = 0; k < arrays; k++) {
            const a = src[k], b = dst[k];
            for (let i = 0; i < length; i++) b[i] = a[i];
        }
    };
    const samples = timeRuns(runs, 3, copy);
    if (dst[arrays - 1][length - 1] !== arrays - 1) throw new Error('copy failed');
    return { bytesPerSecond: (2 * arrays * length * 8) / (median(samples) / 1000), samples };
}

export interface QuickstartFigure {
    readonly hours: number;
    readonly series: number;
    readonly doubles: number;
    readonly warmMs: number[];
    /** Copy bandwidth over the quickstart's series (its working set), and over 64 MB arrays (DRAM). */
    readonly workingSetGBs: number;
    readonly workingSetMs: number[];
    readonly dramGBs: number;
    readonly dramMs: number[];
    readonly floorMs: number;
    readonly dramFloorMs: number;
}

/**
 * The quickstart's warm evaluation against the memory-bandwidth floor: each series its values hold is
 * written once and read at least once (by what it feeds, or by the totals): 2 × series × hours × 8
 * bytes, at the copy bandwidth this machine gets on arrays of that number and size (the floor), and
 * at its DRAM bandwidth.
 */
export async function quickstartFigure(path: string, runs: number): Promise<QuickstartFigure> {
    const description = await describeFile(path);
    const model = buildModel(description);
    const { series, doubles } = seriesFootprint(model);
    const hours = model.period.length;
    model.dispose();
    // V8 tiers the hot loops up only after a few hundred runs
    const warmMs = timeRuns(runs, 300, () => buildModel(description).dispose());
    const workingSet = copyBandwidth(series, hours, 50);
    const dram = copyBandwidth(1, 8 * 2 ** 20, 15);
    const bytes = 2 * doubles * 8;
    return {
        hours, series, doubles, warmMs,
        workingSetGBs: workingSet.bytesPerSecond / 1e9, workingSetMs: workingSet.samples, dramGBs: dram.bytesPerSecond / 1e9, dramMs: dram.samples,
        floorMs: bytes / workingSet.bytesPerSecond * 1000, dramFloorMs: bytes / dram.bytesPerSecond * 1000
    };
}
