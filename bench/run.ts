/**
 * `npm run bench`: every benchmark figure, as a table and as bench-results.json. Each figure is the
 * median of several runs and records the machine's load when it was taken; figures that must be cold
 * (a fresh process's first evaluation, the CLI's start) run in child processes of this script.
 *
 *   node out/bench-run.cjs [--quick] [--only engine,incremental,quickstart,lsp,lifecycle,cli,text] [--out file.json] [--cli bin/efp.cjs]
 *
 * One figure alone, as the runner takes it (the JSON on the last line; what `node --cpu-prof` can profile):
 *   node out/bench-run.cjs --child engine '{"shape":{"patterns":100,"jobsPerStep":1,"years":1},"warmRuns":5}'
 *   node out/bench-run.cjs --child incremental '{"shape":{"patterns":100,"jobsPerStep":1,"years":1},"runs":9}'
 *   node out/bench-run.cjs --child quickstart '{"runs":500}'
 *   node out/bench-run.cjs --child lsp '{"lines":5000,"runs":40}'
 *   node out/bench-run.cjs --child lsp-burst '{"lines":5000,"bursts":10}'
 *   node --expose-gc out/bench-run.cjs --child lsp-memory '{"documents":200}'
 *   node out/bench-run.cjs --child lines '{"values":50000}'
 *   node out/bench-run.cjs --child series '{"values":1000000}'
 */
import '../src/platform/node20-polyfills.js';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { load, machine, median, percentile } from './bench-util.js';
import { engineFigure, incrementalFigures, quickstartFigure, EQUALITY_TOLERANCE, type EngineFigure, type IncrementalFigure, type QuickstartFigure } from './engine-figures.js';
import { lspFigure, type LspFigure } from './lsp-figures.js';
import { editBurstFigure, openCloseMemoryFigure, type EditBurstFigure, type OpenCloseMemoryFigure } from './lsp-lifecycle-figures.js';
import { systemLabel, type SystemShape } from './system-generator.js';
import { commentedCheckRun, linesFigure, seriesFigure, type LinesFigure, type SeriesFigure } from './huge-text-figures.js';

const QUICKSTART = 'examples/quickstart.efp';

/** A figure: the median of `runs` timings (ms unless `unit` says otherwise), the load when taken, and what else it showed. */
interface Figure {
    readonly id: string;
    readonly label: string;
    readonly median: number;
    readonly unit: string;
    readonly runs: number;
    readonly p95?: number;
    readonly max?: number;
    readonly load: number;
    readonly details?: Record<string, number | string | boolean>;
}

interface Options {
    readonly quick: boolean;
    readonly only: Set<string> | undefined;
    readonly out: string;
    readonly cli: string;
}

function parseOptions(argv: readonly string[]): Options {
    const value = (flag: string) => {
        const i = argv.indexOf(flag);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const only = value('--only');
    return { quick: argv.includes('--quick'), only: only ? new Set(only.split(',')) : undefined, out: value('--out') ?? 'bench-results.json', cli: value('--cli') ?? 'bin/efp.cjs' };
}

// ---- child processes: one figure each, printed as the last line of stdout (JSON) ----

async function child(kind: string, args: unknown): Promise<unknown> {
    switch (kind) {
        case 'engine': {
            const { shape, warmRuns } = args as { shape: SystemShape; warmRuns: number };
            return engineFigure(shape, warmRuns);
        }
        case 'incremental': {
            const { shape, runs } = args as { shape: SystemShape; runs: number };
            return incrementalFigures(shape, runs);
        }
        case 'quickstart': return quickstartFigure(QUICKSTART, (args as { runs: number }).runs);
        case 'lsp': {
            const { lines, runs } = args as { lines: number; runs: number };
            return lspFigure(lines, runs);
        }
        case 'lsp-burst': {
            const { lines, bursts, cli } = args as { lines: number; bursts: number; cli?: string };
            return editBurstFigure(lines, bursts, 20, 20, cli);
        }
        case 'lsp-memory': return openCloseMemoryFigure((args as { documents: number }).documents);
        case 'lines': return linesFigure((args as { values: number }).values);
        case 'series': return seriesFigure((args as { values: number }).values);
        default: throw new Error(`unknown child ${kind}`);
    }
}

/** Runs a figure in a fresh Node process (this script, `--child`). */
function inChild<T>(kind: string, args: unknown): T {
    // --expose-gc: memory figures are taken after a collection
    const result = spawnSync(process.execPath, ['--max-old-space-size=8192', '--expose-gc', process.argv[1], '--child', kind, JSON.stringify(args)],
        { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    if (result.status !== 0) throw new Error(`${kind} ${JSON.stringify(args)} failed (${result.status ?? result.signal}):\n${result.stderr}`);
    const lines = result.stdout.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]) as T;
}

// ---- the plan ----

function engineShapes(quick: boolean): Array<{ axis: string; shape: SystemShape; warmRuns: number }> {
    const warmRunsFor = (s: SystemShape) => Math.max(5, Math.min(40, Math.round(2000 / (s.patterns * s.jobsPerStep * s.years))));
    const shapes: Array<{ axis: string; shape: SystemShape }> = [];
    for (const patterns of quick ? [1, 10, 100] : [1, 10, 100, 1000]) shapes.push({ axis: 'patterns', shape: { patterns, jobsPerStep: 1, years: 1 } });
    for (const jobsPerStep of quick ? [1, 4] : [1, 4, 16]) shapes.push({ axis: 'jobs per step', shape: { patterns: 10, jobsPerStep, years: 1 } });
    for (const years of quick ? [1, 3] : [1, 3, 10]) shapes.push({ axis: 'years', shape: { patterns: 10, jobsPerStep: 1, years } });
    const seen = new Set<string>();
    return shapes.filter(s => !seen.has(systemLabel(s.shape)) && seen.add(systemLabel(s.shape))).map(s => ({ ...s, warmRuns: warmRunsFor(s.shape) }));
}

const COLD_PROCESSES = 5;
const INCREMENTAL_SHAPE: SystemShape = { patterns: 100, jobsPerStep: 1, years: 1 };

function engineFigures(quick: boolean, figures: Figure[]): void {
    for (const { axis, shape, warmRuns } of engineShapes(quick)) {
        const loadAt = load();
        const runs = Array.from({ length: COLD_PROCESSES }, () => inChild<EngineFigure>('engine', { shape, warmRuns }));
        const { objects, hours, nodes, series } = runs[0];
        const cold = runs.map(r => r.coldMs);
        const warm = runs.flatMap(r => r.warmMs);
        const perObjectHour = (ms: number) => +(ms * 1e6 / (objects * hours)).toFixed(2);
        const label = systemLabel(shape);
        const details = { axis, objects, nodes, series, hours, objectHours: objects * hours, peakRssMB: Math.max(...runs.map(r => r.peakRssMB)), describeMs: +median(runs.map(r => r.describeMs)).toFixed(1) };
        figures.push({ id: `engine.cold.${shape.patterns}p.${shape.jobsPerStep}j.${shape.years}y`, label: `engine cold: ${label}`, median: median(cold), unit: 'ms', runs: cold.length, max: Math.max(...cold), load: loadAt,
            details: { ...details, nsPerObjectHour: perObjectHour(median(cold)) } });
        figures.push({ id: `engine.warm.${shape.patterns}p.${shape.jobsPerStep}j.${shape.years}y`, label: `engine warm: ${label}`, median: median(warm), unit: 'ms', runs: warm.length, p95: percentile(warm, 0.95), load: loadAt,
            details: { ...details, nsPerObjectHour: perObjectHour(median(warm)) } });
    }
}

function incrementalFiguresOf(quick: boolean, figures: Figure[]): string[] {
    const loadAt = load();
    const results = inChild<IncrementalFigure[]>('incremental', { shape: INCREMENTAL_SHAPE, runs: quick ? 5 : 9 });
    const failures: string[] = [];
    for (const r of results) {
        const full = median(r.fullMs), incremental = median(r.incrementalMs);
        figures.push({ id: `incremental.${r.name.split(' ').slice(0, 2).join('-')}`, label: `recompute after ${r.name}, ${systemLabel(INCREMENTAL_SHAPE)}`, median: incremental, unit: 'ms',
            runs: r.incrementalMs.length, load: loadAt,
            details: { fullEvaluationMs: +full.toFixed(2), speedup: +(full / incremental).toFixed(1), recomputedNodes: r.recomputed, nodes: r.nodes, worstRelativeDifference: r.worstDifference, equalsFull: r.differing.length === 0 } });
        if (r.differing.length) failures.push(`${r.name}: ${r.differing.length} values differ from a full evaluation (tolerance ${EQUALITY_TOLERANCE}): ${r.differing.slice(0, 5).join(', ')}`);
    }
    return failures;
}

function quickstartFigures(quick: boolean, figures: Figure[]): void {
    const loadAt = load();
    const q = inChild<QuickstartFigure>('quickstart', { runs: quick ? 200 : 500 });
    const warm = median(q.warmMs);
    figures.push({ id: 'quickstart.warm', label: `quickstart warm build + evaluate (${q.hours} h)`, median: warm, unit: 'ms', runs: q.warmMs.length, p95: percentile(q.warmMs, 0.95), load: loadAt,
        details: { series: q.series, megabytesTouched: +(2 * q.doubles * 8 / 1e6).toFixed(1), copyBandwidthGBs: +q.workingSetGBs.toFixed(2), floorMs: +q.floorMs.toFixed(3), ratioToFloor: +(warm / q.floorMs).toFixed(1),
            dramBandwidthGBs: +q.dramGBs.toFixed(2), dramFloorMs: +q.dramFloorMs.toFixed(3), ratioToDramFloor: +(warm / q.dramFloorMs).toFixed(1) } });
    figures.push({ id: 'machine.copyWorkingSet', label: `Float64Array copy loop, ${q.series} arrays of ${q.hours} doubles (the quickstart's series)`, median: median(q.workingSetMs), unit: 'ms', runs: q.workingSetMs.length, load: loadAt,
        details: { GBs: +q.workingSetGBs.toFixed(2) } });
    figures.push({ id: 'machine.copyDram', label: 'Float64Array copy loop, 64 MB arrays (DRAM)', median: median(q.dramMs), unit: 'ms', runs: q.dramMs.length, load: loadAt,
        details: { GBs: +q.dramGBs.toFixed(2) } });
}

function lspFigures(quick: boolean, figures: Figure[]): void {
    for (const lines of quick ? [1000, 5000] : [1000, 5000, 20000]) {
        const loadAt = load();
        const f = inChild<LspFigure>('lsp', { lines, runs: quick ? 20 : 40 });
        const size = `${f.files} files, ${f.lines} lines`;
        const details = { files: f.files, lines: f.lines, initialBuildMs: +f.initialBuildMs.toFixed(0), peakRssMB: f.peakRssMB };
        figures.push({ id: `lsp.keystroke.${lines}`, label: `LSP keystroke to diagnostics (${size})`, median: median(f.keystrokeMs), unit: 'ms', runs: f.keystrokeMs.length,
            p95: percentile(f.keystrokeMs, 0.95), max: Math.max(...f.keystrokeMs), load: loadAt, details });
        figures.push({ id: `lsp.completion.${lines}`, label: `LSP completion (${size})`, median: median(f.completionMs), unit: 'ms', runs: f.completionMs.length,
            p95: percentile(f.completionMs, 0.95), max: Math.max(...f.completionMs), load: loadAt });
        figures.push({ id: `lsp.hover.${lines}`, label: `LSP hover (${size})`, median: median(f.hoverMs), unit: 'ms', runs: f.hoverMs.length,
            p95: percentile(f.hoverMs, 0.95), max: Math.max(...f.hoverMs), load: loadAt });
    }
}

/** The language server over a session: an edit burst's latency, and its memory after documents come and go. */
function lifecycleFigures(quick: boolean, cli: string, figures: Figure[]): void {
    let loadAt = load();
    const burst = inChild<EditBurstFigure>('lsp-burst', { lines: 5000, bursts: quick ? 5 : 10, cli });
    figures.push({ id: 'lsp.burst.5000', label: `LSP edit burst, last keystroke to final diagnostics (${burst.edits} edits ${burst.gapMs} ms apart; ${burst.files} files, ${burst.lines} lines)`,
        median: median(burst.latencyMs), unit: 'ms', runs: burst.latencyMs.length, max: Math.max(...burst.latencyMs), load: loadAt,
        details: { diagnosticsPerBurst: +burst.publishedPerBurst.toFixed(1) } });
    loadAt = load();
    const documents = quick ? 50 : 200;
    const memory = inChild<OpenCloseMemoryFigure>('lsp-memory', { documents });
    figures.push({ id: `lsp.memory.${documents}`, label: `language server memory after ${documents} documents opened, edited and closed (heap + array buffers after a collection)`,
        median: +memory.endMB.toFixed(1), unit: 'MB', runs: 1, load: loadAt,
        details: { startMB: +memory.startMB.toFixed(1), ratioToStart: +(memory.endMB / memory.startMB).toFixed(3), modelsKept: memory.modelsKept, documentsKept: memory.documentsKept } });
}

/** `efp eval` in a new process, its wall time and peak memory (GNU time's maximum resident set when there is one). */
function cliFigures(quick: boolean, cli: string, figures: Figure[]): void {
    const loadAt = load();
    const gnuTime = existsSync('/usr/bin/time');
    const wall: number[] = [], rss: number[] = [];
    const runs = quick ? 5 : 10;
    for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const command = gnuTime ? ['/usr/bin/time', '-f', 'maxrss=%M', process.execPath] : [process.execPath];
        const result = spawnSync(command[0], [...command.slice(1), cli, 'eval', QUICKSTART], { encoding: 'utf8' });
        const ms = performance.now() - t0;
        if (result.status !== 0) throw new Error(`efp eval failed: ${result.stderr}`);
        if (i === 0) continue; // the first run reads the files from disk
        wall.push(ms);
        const match = /maxrss=(\d+)/.exec(result.stderr);
        if (match) rss.push(+match[1] / 1024);
    }
    figures.push({ id: 'cli.coldStart', label: `CLI cold start: node ${cli} eval ${QUICKSTART}`, median: median(wall), unit: 'ms', runs: wall.length, max: Math.max(...wall), load: loadAt });
    if (rss.length) figures.push({ id: 'cli.peakRss', label: 'CLI peak memory (max RSS, /usr/bin/time)', median: median(rss), unit: 'MB', runs: rss.length, max: Math.max(...rss), load: loadAt });
}

/**
 * Huge texts (bench/huge-text-figures.ts): a 50,000-line model built, a series of 250k to 1M values from
 * text to evaluated model (linear in values), `efp check` of a file of 125,000 comment lines.
 */
function textFigures(quick: boolean, cli: string, figures: Figure[]): void {
    const runs = quick ? 1 : 3;
    let loadAt = load();
    const lines = Array.from({ length: runs }, () => inChild<LinesFigure>('lines', { values: 50_000 }));
    figures.push({ id: 'text.lines.50000', label: `parse, link and validate a ${lines[0].lines}-line model (quickstart + 50,000 hourly values, one a line)`, median: median(lines.map(l => l.buildMs)),
        unit: 'ms', runs, load: loadAt, details: { hoverMs: +median(lines.map(l => l.hoverMs)).toFixed(1), completionMs: +median(lines.map(l => l.completionMs)).toFixed(1),
            errors: lines[0].errors, peakRssMB: Math.max(...lines.map(l => l.peakRssMB)) } });
    for (const values of quick ? [250_000] : [250_000, 500_000, 1_000_000]) {
        loadAt = load();
        const taken = Array.from({ length: runs }, () => inChild<SeriesFigure>('series', { values }));
        const total = median(taken.map(t => t.totalMs));
        figures.push({ id: `text.series.${values}`, label: `a ${values.toLocaleString('en-US')}-value series evaluated end to end (text -> parse -> describe -> evaluate)`, median: total, unit: 'ms', runs, load: loadAt,
            details: { textMB: taken[0].textMB, parseMs: +median(taken.map(t => t.parseMs)).toFixed(0), describeMs: +median(taken.map(t => t.describeMs)).toFixed(0),
                evaluateMs: +median(taken.map(t => t.evaluateMs)).toFixed(0), nsPerValue: Math.round(total * 1e6 / values), peakRssMB: Math.max(...taken.map(t => t.peakRssMB)),
                errors: taken[0].errors.join('; ') } });
    }
    loadAt = load();
    const comments = quick ? 25_000 : 125_000;
    const checks = Array.from({ length: runs }, () => commentedCheckRun(cli, comments));
    const rss = checks.map(c => c.maxRssMB).filter((m): m is number => m !== undefined);
    figures.push({ id: `text.commented.${comments}`, label: `efp check of the quickstart after ${comments.toLocaleString('en-US')} comment lines (a new process)`, median: median(checks.map(c => c.wallMs)),
        unit: 'ms', runs, load: loadAt, details: { maxRssMB: rss.length ? Math.max(...rss) : 'unknown', exitCode: checks[0].exitCode ?? 'killed', output: checks[0].lastLine.slice(-80) } });
}

// ---- report ----

function format(n: number | undefined, unit = 'ms'): string {
    if (n === undefined) return '';
    const digits = n >= 100 ? 0 : n >= 10 ? 1 : n >= 1 ? 2 : 3;
    return `${n.toFixed(digits)} ${unit}`;
}

function detailText(f: Figure): string {
    const d = f.details ?? {};
    if (f.id.startsWith('engine.')) return `${d.nsPerObjectHour} ns/object-hour; ${d.objects} objects, ${d.series} series, peak ${d.peakRssMB} MB`;
    if (f.id.startsWith('incremental.')) return `full ${format(d.fullEvaluationMs as number)}: ${d.speedup}× faster; ${d.recomputedNodes}/${d.nodes} nodes; equals full: ${d.equalsFull}`;
    if (f.id === 'quickstart.warm') return `floor ${format(d.floorMs as number)} (${d.series} series, ${d.megabytesTouched} MB read + written at ${d.copyBandwidthGBs} GB/s): ${d.ratioToFloor}× the floor; ${d.ratioToDramFloor}× the DRAM floor (${format(d.dramFloorMs as number)})`;
    if (f.id.startsWith('machine.copy')) return `${d.GBs} GB/s read + written`;
    if (f.id.startsWith('lsp.burst')) return `max ${format(f.max)}; ${d.diagnosticsPerBurst} diagnostics published per burst`;
    if (f.id.startsWith('lsp.memory')) return `start ${d.startMB} MB, ${d.ratioToStart}× the start; ${d.modelsKept} models and ${d.documentsKept} documents kept`;
    if (f.id.startsWith('lsp.keystroke')) return `p95 ${format(f.p95)}, max ${format(f.max)}; initial build ${d.initialBuildMs} ms, peak ${d.peakRssMB} MB`;
    if (f.id.startsWith('lsp.')) return `p95 ${format(f.p95)}, max ${format(f.max)}`;
    if (f.id.startsWith('text.lines.')) return `hover ${format(d.hoverMs as number)}, completion ${format(d.completionMs as number)}; ${d.errors} errors; peak ${d.peakRssMB} MB`;
    if (f.id.startsWith('text.series.')) return `${d.nsPerValue} ns/value: parse ${d.parseMs} ms, describe ${d.describeMs} ms, evaluate ${d.evaluateMs} ms; ${d.textMB} MB of text, peak ${d.peakRssMB} MB${d.errors ? `; errors: ${d.errors}` : ''}`;
    if (f.id.startsWith('text.commented.')) return `max RSS ${d.maxRssMB} MB; exit ${d.exitCode}: ${d.output}`;
    if (f.max !== undefined) return `max ${format(f.max, f.unit)}`;
    return '';
}

function printTable(figures: readonly Figure[]): void {
    const rows = figures.map(f => [f.label, format(f.median, f.unit), String(f.runs), String(f.load), detailText(f)]);
    const header = ['figure', 'median', 'runs', 'load', 'notes'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 || i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w, i) => (i === 1 || i === 2 || i === 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
    for (const r of rows) console.log(line(r));
}

/** The issue's targets, checked on the figures taken (those not taken are skipped). */
function targets(figures: readonly Figure[]): string[] {
    const lines: string[] = [];
    const warm = figures.filter(f => f.id.startsWith('engine.warm.') && f.details?.axis === 'patterns');
    if (warm.length > 1) {
        const costs = warm.map(f => f.details!.nsPerObjectHour as number);
        const spread = Math.max(...costs) / Math.min(...costs);
        lines.push(`linear in objects × hours: warm ns/object-hour from ${Math.min(...costs)} to ${Math.max(...costs)} across ${warm.length} sizes (${spread.toFixed(1)}× spread)`);
    }
    const quick = figures.find(f => f.id === 'quickstart.warm');
    if (quick) lines.push(`quickstart warm within a small multiple of the bandwidth floor: ${quick.details!.ratioToFloor}× (floor ${quick.details!.floorMs} ms)`);
    const incremental = figures.filter(f => f.id.startsWith('incremental.'));
    for (const f of incremental) {
        const speedup = f.details!.speedup as number;
        lines.push(`${speedup >= 10 ? 'PASS' : 'FAIL'} incremental ≥ 10× faster than full (${f.label}): ${speedup}×`);
    }
    const series = figures.filter(f => f.id.startsWith('text.series.'));
    if (series.length > 1) {
        const costs = series.map(f => f.details!.nsPerValue as number);
        lines.push(`linear in values: a series from text to evaluated model costs ${Math.min(...costs)} to ${Math.max(...costs)} ns/value across ${series.length} sizes (${(Math.max(...costs) / Math.min(...costs)).toFixed(1)}× spread)`);
    }
    const keystroke = figures.find(f => f.id === 'lsp.keystroke.5000');
    if (keystroke) lines.push(`${keystroke.max! <= 100 ? 'PASS' : 'FAIL'} no keystroke-to-diagnostic above 100 ms on the 5k-line workspace: max ${format(keystroke.max)}`);
    const burst = figures.find(f => f.id === 'lsp.burst.5000');
    if (burst) lines.push(`${burst.max! <= 300 ? 'PASS' : 'FAIL'} an edit burst's final diagnostics within 300 ms of its last keystroke on the 5k-line workspace: max ${format(burst.max)}`);
    const memory = figures.find(f => f.id.startsWith('lsp.memory.'));
    if (memory) {
        const ratio = memory.details!.ratioToStart as number;
        lines.push(`${ratio <= 1.1 ? 'PASS' : 'FAIL'} server memory back within 10 % of the start after documents opened and closed: ${memory.median} MB, ${ratio}× the start (${memory.details!.startMB} MB)`);
    }
    return lines;
}

async function main(): Promise<void> {
    const childAt = process.argv.indexOf('--child');
    if (childAt >= 0) {
        const figure = await child(process.argv[childAt + 1], JSON.parse(process.argv[childAt + 2]));
        console.log(JSON.stringify(figure));
        return;
    }
    const options = parseOptions(process.argv.slice(2));
    const wants = (group: string) => !options.only || options.only.has(group);
    const info = machine();
    console.log(`efp benchmarks${options.quick ? ' (--quick)' : ''}: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, node ${info.node}, load ${load()} at start`);
    console.log('each figure: the median of its runs; "load" is the 1-minute load average when it was taken (figures taken under load are slower)\n');
    const started = new Date().toISOString();
    const figures: Figure[] = [];
    const failures: string[] = [];
    const section = (name: string, f: () => void) => {
        if (!wants(name)) return;
        const t0 = performance.now();
        f();
        console.error(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    };
    section('quickstart', () => quickstartFigures(options.quick, figures));
    section('engine', () => engineFigures(options.quick, figures));
    section('incremental', () => failures.push(...incrementalFiguresOf(options.quick, figures)));
    section('lsp', () => lspFigures(options.quick, figures));
    section('lifecycle', () => lifecycleFigures(options.quick, options.cli, figures));
    section('cli', () => cliFigures(options.quick, options.cli, figures));
    section('text', () => textFigures(options.quick, options.cli, figures));
    printTable(figures);
    console.log('\ntargets:');
    for (const t of targets(figures)) console.log(`  ${t}`);
    writeFileSync(options.out, `${JSON.stringify({ machine: info, started, finished: new Date().toISOString(), command: process.argv.slice(1).join(' '), quick: options.quick, figures, failures }, null, 2)}\n`);
    console.log(`\nwrote ${options.out}`);
    if (failures.length) {
        // a recomputation that differs from a full evaluation is a bug, not a slow figure
        console.error(`\nINCREMENTAL RESULT DIFFERS FROM A FULL EVALUATION:\n  ${failures.join('\n  ')}`);
        process.exitCode = 1;
    }
}

main().catch(e => {
    console.error(e);
    process.exitCode = 1;
});
