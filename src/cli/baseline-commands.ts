import { relative } from 'node:path';
import { EFP_VERSION } from '../version.js';
import type { FileDiagnostic } from '../language/document-analysis.js';
import {
    type Baseline, baselineOf, DEFAULT_REGRESSION_THRESHOLD, type Model, parseBaseline, regressionDiagnostics, regressionsSince
} from '../engine/index.js';
import { UsageError } from './usage-error.js';
import { EXIT_MODEL_ERRORS, EXIT_OK, readTextFile, writeOutputFile, type Output } from './cli-output.js';
import { evaluatedModel } from './evaluated-model.js';
import { parsePercentOption } from './percent-option.js';
import { terminalText } from './terminal-text.js';

export const DEFAULT_BASELINE_FILE = 'efp-baseline.json';

/** `efp baseline save model.efp [-o efp-baseline.json]`: the model's footprint per system and object, to check later changes against. */
export async function baselineSaveCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    const evaluated = await evaluatedModel(file, io, 'no baseline saved');
    if (!evaluated) return EXIT_MODEL_ERRORS;
    const output = options.output ?? DEFAULT_BASELINE_FILE;
    const baseline = baselineOf(evaluated.model, relative(process.cwd(), file) || file, EFP_VERSION);
    if (baseline.systems.length === 0) {
        io.err(`efp: ${terminalText(file)} declares no system, so there is no footprint to save`);
        return EXIT_MODEL_ERRORS;
    }
    await writeOutputFile(output, JSON.stringify(baseline, null, 2), io);
    io.err(`efp: saved the baseline of ${baseline.systems.length} system${baseline.systems.length === 1 ? '' : 's'} `
        + `(${baseline.systems.reduce((n, s) => n + s.objects.length, 0)} objects) to ${terminalText(output)}`);
    return EXIT_OK;
}

/** `20`, `20%`, `20 %`: a percentage, as a fraction. */
export function parseThreshold(text: string | undefined): number {
    if (text === undefined) return DEFAULT_REGRESSION_THRESHOLD;
    return parsePercentOption(text, '--threshold') / 100;
}

export async function readBaseline(path: string): Promise<Baseline> {
    const text = await readTextFile(path, 'the baseline ');
    try {
        return parseBaseline(JSON.parse(text));
    } catch (e) {
        throw new UsageError(terminalText(`${path}: ${(e as Error).message}`));
    }
}

/** The regressions of an evaluated model since the baseline, as located errors. */
export function baselineFindings(model: Model, documentUri: string, baseline: Baseline, threshold: number): FileDiagnostic[] {
    return regressionDiagnostics(regressionsSince(baseline, model, threshold), threshold).map(d => ({
        uri: d.origin?.uri ?? documentUri,
        range: d.origin?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: d.severity, message: d.message, code: d.code, hint: d.hint
    }));
}
