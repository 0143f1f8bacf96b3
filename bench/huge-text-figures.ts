/**
 * Huge texts, from text to figures (the runner's `text` group): each figure is taken in a child process
 * of the runner, so that its peak memory is its own.
 * - a 50,000-line model (the quickstart with a year and a half of hourly values, one a line) parsed,
 *   linked and validated, then a hover and a completion in it;
 * - a series of 250k, 500k and 1M values written as `efp import` writes them (24 a line), through every
 *   step: parse and link, describe, evaluate (the cost of each should grow linearly with the values);
 * - `efp check` of the quickstart after 125,000 comment lines, in a process of its own (wall time, max RSS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createEfpServices } from '../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../src/language/builtin-library.js';
import { describeModel } from '../src/language/model-description.js';
import { buildModel } from '../src/engine/build-model.js';
import { peakRssMB } from './bench-util.js';

const QUICKSTART = 'examples/quickstart.efp';
const HOURS_PER_YEAR = 8766;

/** The quickstart's journey starts as `values` hourly values, 24 a line, over a modeling period that holds them (up to 100 years). */
export function quickstartWithHourlyValues(values: number, perLine = 24): string {
    const lines: string[] = [];
    for (let i = 0; i < values; i += perLine) {
        const row: string[] = [];
        for (let j = i; j < Math.min(values, i + perLine); j++) row.push(String(1000 + (j % 24) * 10));
        lines.push(`      ${row.join(', ')},`);
    }
    // the engine models at most 100 years: a longer series (1M values is 114 years) runs past the period
    const years = Math.min(100, Math.max(1, Math.ceil(values / HOURS_PER_YEAR)));
    return readFileSync(QUICKSTART, 'utf8')
        .replace('modeling_duration: 3 year', `modeling_duration: ${years} year`)
        .replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, `hourly_usage_journey_starts: hourly_values(values: [\n${lines.join('\n')}\n    ], start_date: 2025-01-01)\n}`);
}

/** Language services over one in-memory file next to the built-in library, built with or without validation. */
async function build(text: string, validation: boolean) {
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    shared.workspace.LangiumDocuments.addDocument(library);
    await shared.workspace.DocumentBuilder.build([library], { validation: false });
    const t0 = performance.now();
    const document = factory.fromString(text, URI.file('/bench/model.efp'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation });
    return { shared, Efp, document, buildMs: performance.now() - t0 };
}

export interface LinesFigure {
    readonly lines: number;
    readonly buildMs: number;
    readonly hoverMs: number;
    readonly completionMs: number;
    readonly errors: number;
    readonly peakRssMB: number;
}

/** The quickstart with `values` hourly values one a line: parsed, linked and validated (the model evaluated), then a hover and a completion. */
export async function linesFigure(values: number): Promise<LinesFigure> {
    const text = quickstartWithHourlyValues(values, 1);
    const { Efp, document, buildMs } = await build(text, true);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
    const textDocument = { uri: document.uri.toString() };
    let t0 = performance.now();
    await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: document.textDocument.positionAt(text.indexOf('power: 300 W') + 2) });
    const hoverMs = performance.now() - t0;
    t0 = performance.now();
    await Efp.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: { line: Math.floor(values * 0.8), character: 6 } });
    const completionMs = performance.now() - t0;
    return { lines: text.split('\n').length, buildMs, hoverMs, completionMs, errors, peakRssMB: peakRssMB() };
}

export interface SeriesFigure {
    readonly values: number;
    readonly textMB: number;
    /** Parse and link (no validation: the validator would evaluate the model too). */
    readonly parseMs: number;
    readonly describeMs: number;
    readonly evaluateMs: number;
    readonly totalMs: number;
    readonly errors: string[];
    readonly peakRssMB: number;
}

/** A series of `values` values from text to evaluated model, each step timed. */
export async function seriesFigure(values: number): Promise<SeriesFigure> {
    const text = quickstartWithHourlyValues(values);
    const { shared, document, buildMs } = await build(text, false);
    let t0 = performance.now();
    const description = describeModel(document, shared.workspace.LangiumDocuments);
    const describeMs = performance.now() - t0;
    t0 = performance.now();
    const model = buildModel(description);
    const evaluateMs = performance.now() - t0;
    const errors = [
        ...document.parseResult.parserErrors.map(e => e.message),
        ...model.diagnostics.filter(d => d.severity === 'error').map(d => d.message)
    ].slice(0, 3);
    model.dispose();
    return { values, textMB: +(text.length / 2 ** 20).toFixed(1), parseMs: buildMs, describeMs, evaluateMs, totalMs: buildMs + describeMs + evaluateMs, errors, peakRssMB: peakRssMB() };
}

export interface CheckRun {
    readonly wallMs: number;
    readonly maxRssMB: number | undefined;
    readonly exitCode: number | null;
    readonly lastLine: string;
}

/** `efp check` of the quickstart after `comments` comment lines, in a new process (GNU time's max RSS when there is one). */
export function commentedCheckRun(cli: string, comments: number): CheckRun {
    const dir = mkdtempSync(join(tmpdir(), 'efp-bench-comments-'));
    try {
        const file = join(dir, 'commented.efp');
        writeFileSync(file, Array.from({ length: comments }, (_, i) => `// comment ${i}\n`).join('') + readFileSync(QUICKSTART, 'utf8'));
        const gnuTime = existsSync('/usr/bin/time');
        const command = gnuTime ? ['/usr/bin/time', '-f', 'maxrss=%M', process.execPath] : [process.execPath];
        const t0 = performance.now();
        const result = spawnSync(command[0], [...command.slice(1), cli, 'check', file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
        const wallMs = performance.now() - t0;
        const match = /maxrss=(\d+)/.exec(result.stderr);
        const lines = result.stdout.trim().split('\n');
        return { wallMs, maxRssMB: match ? +(+match[1] / 1024).toFixed(1) : undefined, exitCode: result.status, lastLine: lines[lines.length - 1] ?? '' };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
