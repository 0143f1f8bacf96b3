import type { LangiumDocument } from 'langium';
import { blocksUse, type FileDiagnostic } from '../language/document-analysis.js';
import type { EfpServices } from '../language/efp-module.js';
import type { Model } from '../engine/index.js';
import { loadModel, loadModelText } from '../api/load-model.js';
import { loadedModelOf } from '../api/efp-model.js';
import { formatDiagnostic, summarize } from './diagnostic-format.js';
import type { Output } from './cli-output.js';
import { terminalText } from './terminal-text.js';

export interface EvaluatedModel {
    readonly model: Model;
    readonly diagnostics: readonly FileDiagnostic[];
    readonly services: EfpServices;
    readonly document: LangiumDocument;
}

/**
 * Loads and evaluates a model file (through the engine API) for a command that needs its values; with
 * `text`, the file's text is that (a model read from standard input). When
 * the model has errors they are printed (file:line:col, with hints) with `efp: FILE has N errors;
 * <refusal>`, and the result is undefined: the command then exits 1.
 */
export async function evaluatedModel(file: string, io: Output, refusal: string, text?: string): Promise<EvaluatedModel | undefined> {
    const loaded = text === undefined ? await loadModel(file) : await loadModelText(text, { path: file });
    const { model, diagnostics, services, document } = loadedModelOf(loaded);
    const errors = diagnostics.filter(blocksUse);
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0 || !model) {
        io.err(`efp: ${terminalText(file)} has ${summarize(diagnostics)}; ${refusal}`);
        return undefined;
    }
    return { model, diagnostics, services, document };
}
