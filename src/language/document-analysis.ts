import { URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { type EngineDiagnostic, type Model, modelFindings, type Severity } from '../engine/index.js';
import { importClosure } from './efp-scope.js';
import { FROM_ENGINE, NO_MODEL_OF_ITS_OWN } from './efp-validator.js';
import type { EfpServices } from './efp-module.js';
import { capDiagnostics, TOO_MANY_PROBLEMS, type Cappable, type LeftOut } from './diagnostic-cap.js';
import { tooManyProblems } from './efp-document-validator.js';
import { TOO_MANY_TOKENS } from './token-budget.js';

/** A diagnostic with the document it belongs to, whatever found it (parser, linker, validator, engine). */
export interface FileDiagnostic {
    readonly uri: string;
    readonly range: Diagnostic['range'];
    readonly severity: Severity;
    readonly message: string;
    readonly code?: string;
    readonly hint?: string;
    /** On the last diagnostic of a file that has too many: those left out. */
    readonly leftOut?: LeftOut;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

/** A diagnostic's code: the one its data carries (Langium's own put theirs there), else its LSP code. */
function codeOf(d: Diagnostic): string | undefined {
    return typeof d.data === 'object' && d.data && 'code' in d.data ? String((d.data as { code: unknown }).code) : d.code?.toString();
}

function fromLangium(uri: string, d: Diagnostic): FileDiagnostic | undefined {
    const code = codeOf(d);
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const capped = tooManyProblems(d);
    if (capped) {
        // the engine's findings are reported from the model below: only the others the editor's list left out count here
        const { leftOut: all, leftOutFromEngine: engine } = capped;
        const leftOut = { errors: all.errors - engine.errors, warnings: all.warnings - engine.warnings, others: all.others - engine.others };
        if (leftOut.errors + leftOut.warnings + leftOut.others === 0) return undefined;
        // what the notice says is said again when this file's diagnostics are capped below, with the engine's
        return { uri, range: d.range, severity: leftOut.errors ? 'error' : leftOut.warnings ? 'warning' : 'info', message, code, leftOut };
    }
    // a check that gives a hint says it after the message, which the CLI prints on a line of its own
    const hint = typeof d.data === 'object' && d.data && 'hint' in d.data ? String((d.data as { hint: unknown }).hint) : undefined;
    if (hint && message.endsWith(`. ${hint}`)) {
        return { uri, range: d.range, severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error], message: message.slice(0, -hint.length - 2), code, hint };
    }
    return { uri, range: d.range, severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error], message, code };
}

/** Capping one file's diagnostics: the notice is of that file. */
function cappableIn(uri: string): Cappable<FileDiagnostic> {
    return {
        range: d => d.range,
        severity: d => d.severity,
        leftOutBy: d => d.leftOut,
        notice: ({ message, hint, severity, range, leftOut }) => ({ uri, range, severity, message, hint, code: TOO_MANY_PROBLEMS, leftOut }),
        pinned: d => d.code === TOO_MANY_TOKENS
    };
}

/** Each file's diagnostics capped (src/language/diagnostic-cap.ts), the files in the order they come. */
function cappedPerFile(diagnostics: readonly FileDiagnostic[]): FileDiagnostic[] {
    const byFile = new Map<string, FileDiagnostic[]>();
    for (const d of diagnostics) {
        const list = byFile.get(d.uri);
        if (list) list.push(d);
        else byFile.set(d.uri, [d]);
    }
    const capped: FileDiagnostic[] = [];
    for (const [uri, list] of byFile) for (const d of capDiagnostics(list, cappableIn(uri))) capped.push(d);
    return capped;
}

function fromEngine(fallbackUri: string, d: EngineDiagnostic): FileDiagnostic {
    return {
        uri: d.origin?.uri ?? fallbackUri,
        range: d.origin?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: d.severity, message: d.message, code: d.code, hint: d.hint
    };
}

/**
 * Whether a diagnostic keeps the model from being used. An exceeded budget does not: it is an error of
 * the figures, which can still be printed, exported, saved and compared.
 */
export function blocksUse(d: FileDiagnostic): boolean {
    return d.severity === 'error' && d.code !== 'budget-exceeded';
}

export interface DocumentAnalysis {
    /** The evaluated model, when the text has no error before the engine's (it parses, links and passes the text's checks). */
    readonly model?: Model;
    readonly diagnostics: readonly FileDiagnostic[];
}

/**
 * Everything wrong with a document and the files it imports, in one pass: syntax, name and text errors
 * first, then, when the text parses, what the engine finds building and evaluating the model (dimensions,
 * missing inputs, cycles, values out of range), as the editor shows it. An unknown name hides nothing
 * else: the engine checks the rest of the text without what names it (model-description.ts). The model
 * is given only when nothing before the engine found an error: it is the model's then.
 */
export function analyzeDocument(document: LangiumDocument, services: EfpServices): DocumentAnalysis {
    const documents = services.shared.workspace.LangiumDocuments;
    const uris = importClosure(document, documents);
    const root = document.uri.toString();
    const diagnostics: FileDiagnostic[] = [];
    for (const uri of uris) {
        const doc = documents.getDocument(URI.parse(uri));
        for (const d of doc?.diagnostics ?? []) {
            // the engine's findings are taken from the model evaluated below, with their hints apart
            if (typeof d.data === 'object' && d.data && FROM_ENGINE in d.data) continue;
            // an imported file is a part of this model (one importing it back too): whether it has a system is this file's to say
            if (uri !== root && NO_MODEL_OF_ITS_OWN.has(codeOf(d) ?? '')) continue;
            const diagnostic = fromLangium(uri, d);
            if (diagnostic) diagnostics.push(diagnostic);
        }
    }
    const textErrors = diagnostics.some(d => d.severity === 'error');
    const model = services.evaluation.DocumentModels.modelFor(document);
    if (!model) return { diagnostics: cappedPerFile(diagnostics) };
    for (const d of modelFindings(model)) diagnostics.push(fromEngine(document.uri.toString(), d));
    return { ...(textErrors ? {} : { model }), diagnostics: cappedPerFile(diagnostics) };
}
