import type { LangiumDocument } from 'langium';
import { analyzeDocument, type FileDiagnostic } from '../language/document-analysis.js';
import type { EfpServices } from '../language/efp-module.js';
import type { Model } from '../engine/model/model.js';
import { loadWorkspace } from '../language/workspace/file-workspace.js';
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
 * Errors that stop a command from using the model. An exceeded budget is an error of the model's
 * figures, not of the model: its footprint can still be printed, exported or saved.
 */
export function blockingErrors(diagnostics: readonly FileDiagnostic[]): FileDiagnostic[] {
    return diagnostics.filter(d => d.severity === 'error' && d.code !== 'budget-exceeded');
}

/**
 * Loads and evaluates a model file for a command that needs its values. When the model has errors they
 * are printed (file:line:col, with hints) with `efp: FILE has N errors; <refusal>`, and the result is
 * undefined: the command then exits 1.
 */
export async function evaluatedModel(file: string, io: Output, refusal: string): Promise<EvaluatedModel | undefined> {
    const { services, document } = await loadWorkspace(file);
    const analysis = analyzeDocument(document, services);
    const errors = blockingErrors(analysis.diagnostics);
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0 || !analysis.model) {
        io.err(`efp: ${terminalText(file)} has ${summarize(analysis.diagnostics)}; ${refusal}`);
        return undefined;
    }
    return { model: analysis.model, diagnostics: analysis.diagnostics, services, document };
}
