import { URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Model } from '../engine/model/model.js';
import type { EngineDiagnostic, Severity } from '../engine/model/diagnostics.js';
import { importClosure } from './efp-scope.js';
import { modelFindings } from '../engine/model/model-findings.js';
import { FROM_ENGINE } from './efp-validator.js';
import type { EfpServices } from './efp-module.js';

/** A diagnostic with the document it belongs to, whatever found it (parser, linker, validator, engine). */
export interface FileDiagnostic {
    readonly uri: string;
    readonly range: Diagnostic['range'];
    readonly severity: Severity;
    readonly message: string;
    readonly code?: string;
    readonly hint?: string;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

function fromLangium(uri: string, d: Diagnostic): FileDiagnostic {
    const code = typeof d.data === 'object' && d.data && 'code' in d.data ? String((d.data as { code: unknown }).code) : d.code?.toString();
    return { uri, range: d.range, severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error], message: typeof d.message === 'string' ? d.message : d.message.value, code };
}

function fromEngine(fallbackUri: string, d: EngineDiagnostic): FileDiagnostic {
    return {
        uri: d.origin?.uri ?? fallbackUri,
        range: d.origin?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: d.severity, message: d.message, code: d.code, hint: d.hint
    };
}

export interface DocumentAnalysis {
    /** The evaluated model, when the text parses and links. */
    readonly model?: Model;
    readonly diagnostics: readonly FileDiagnostic[];
}

/**
 * Everything wrong with a document and the files it imports: syntax and name errors first; when there
 * are none, the engine builds and evaluates the model and adds what it finds (dimensions, missing
 * inputs, cycles, values out of range).
 */
export function analyzeDocument(document: LangiumDocument, services: EfpServices): DocumentAnalysis {
    const documents = services.shared.workspace.LangiumDocuments;
    const uris = importClosure(document, documents);
    const diagnostics: FileDiagnostic[] = [];
    for (const uri of uris) {
        const doc = documents.getDocument(URI.parse(uri));
        for (const d of doc?.diagnostics ?? []) {
            // the engine's findings are taken from the model evaluated below, with their hints apart
            if (!(typeof d.data === 'object' && d.data && FROM_ENGINE in d.data)) diagnostics.push(fromLangium(uri, d));
        }
    }
    if (diagnostics.some(d => d.severity === 'error')) return { diagnostics };
    const model = services.evaluation.DocumentModels.modelFor(document);
    if (!model) return { diagnostics };
    diagnostics.push(...modelFindings(model).map(d => fromEngine(document.uri.toString(), d)));
    return { model, diagnostics };
}
