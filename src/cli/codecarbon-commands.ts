import { basename, dirname, relative, resolve } from 'node:path';
import { boampsReport, codecarbonModelText, parseEmissionsCsv } from '../engine/index.js';
import { UsageError } from './usage-error.js';
import { emit, EXIT_MODEL_ERRORS, EXIT_OK, readTextFile, type Output } from './cli-output.js';
import { evaluatedModel } from './evaluated-model.js';
import { terminalText } from './terminal-text.js';

/**
 * `efp import codecarbon emissions.csv` and `efp export --boamps model.efp`: CodeCarbon's measurements
 * in, BoAmps reports out. Exit codes as main.ts: 0, 1 (bad content), 2 (usage).
 */

export async function codecarbonImportCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    const text = await readTextFile(file);
    const parsed = parseEmissionsCsv(text);
    if (!parsed.ok) {
        // messages quote the file's cells: shown, never interpreted by the terminal
        for (const p of parsed.problems) io.err(`${terminalText(`${file}${p.line ? `:${p.line}` : ''}: error: ${p.message}`)}${p.hint ? `\n    hint: ${terminalText(p.hint)}` : ''}`);
        return EXIT_MODEL_ERRORS;
    }
    if (parsed.csv.runs.length === 0) {
        io.err(`${terminalText(file)}: error: the file has a header but no runs\n    hint: Run the tracked code once; CodeCarbon appends a line per run.`);
        return EXIT_MODEL_ERRORS;
    }
    // the .efp names the CSV relative to itself, as it reads it
    const from = options.output ? dirname(resolve(options.output)) : process.cwd();
    const path = relative(from, resolve(file)).split('\\').join('/') || basename(file);
    await emit(codecarbonModelText(parsed.csv, path, basename(file)), options.output, io);
    return EXIT_OK;
}

export async function boampsExportCommand(file: string, options: { output?: string; measurement?: string }, io: Output): Promise<number> {
    const evaluated = await evaluatedModel(file, io, 'nothing exported');
    if (!evaluated) return EXIT_MODEL_ERRORS;
    const { model } = evaluated;
    const measurements = [...model.objects.values()].filter(o => o.className === 'Measurement');
    if (measurements.length === 0) {
        io.err(`efp: ${terminalText(file)} declares no measurement, so there is no BoAmps report to write`);
        io.err('    hint: add `measurement training { file: "emissions.csv"  task_stage: "training" … }`');
        return EXIT_MODEL_ERRORS;
    }
    const names = measurements.map(m => m.id).join(', ');
    const measurement = options.measurement ? measurements.find(m => m.id === options.measurement) : measurements.length === 1 ? measurements[0] : undefined;
    if (!measurement) {
        throw new UsageError(options.measurement
            ? terminalText(`${file} has no measurement '${options.measurement}' (it has ${names})`)
            : terminalText(`${file} has several measurements (${names}): choose one with --measurement <name>`));
    }
    const result = boampsReport(model, measurement);
    if (!result.ok) {
        io.err(`${terminalText(`efp: ${file}: ${result.message}`)}${result.hint ? `\n    hint: ${terminalText(result.hint)}` : ''}`);
        return EXIT_MODEL_ERRORS;
    }
    await emit(JSON.stringify(result.report, null, 2), options.output, io);
    return EXIT_OK;
}
