import { DefaultDocumentValidator, isOperationCancelled, type AstNode, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../engine/index.js';
import { addLeftOut, capDiagnostics, leftOutOf, NOTHING_LEFT_OUT, TOO_MANY_PROBLEMS, type Cappable, type LeftOut } from './diagnostic-cap.js';
import { FROM_ENGINE } from './efp-validator.js';
import type { SuggestingLinkingError } from './efp-linker.js';
import { isPastTheBudget, TOO_MANY_TOKENS } from './token-budget.js';
import { reportCheckFault } from './validation-faults.js';
import { withPythonSpellings } from './python-habits/python-spelling-diagnostics.js';
import type { EfpServices } from './efp-module.js';

/** What the notice of a capped file carries, for a later cap to count what it left out. */
export interface TooManyProblemsData {
    readonly code: typeof TOO_MANY_PROBLEMS;
    readonly leftOut: LeftOut;
    /** Those of them the validator took from the engine (`efp check` reports the engine's itself). */
    readonly leftOutFromEngine: LeftOut;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};
const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint
};

export function tooManyProblems(d: Diagnostic): TooManyProblemsData | undefined {
    const data = d.data as Partial<TooManyProblemsData> | undefined;
    return data?.code === TOO_MANY_PROBLEMS && data.leftOut ? data as TooManyProblemsData : undefined;
}

function isFromEngine(d: Diagnostic): boolean {
    return typeof d.data === 'object' && d.data !== null && FROM_ENGINE in d.data;
}

const CAPPABLE: Cappable<Diagnostic> = {
    range: d => d.range,
    severity: d => SEVERITY[d.severity ?? DiagnosticSeverity.Error],
    leftOutBy: d => tooManyProblems(d)?.leftOut,
    notice: ({ message, hint, severity, range, leftOut }, dropped, earlier) => {
        let leftOutFromEngine = NOTHING_LEFT_OUT;
        for (const d of dropped) if (isFromEngine(d)) leftOutFromEngine = addLeftOut(leftOutFromEngine, leftOutOf(SEVERITY[d.severity ?? 1]));
        for (const d of earlier) leftOutFromEngine = addLeftOut(leftOutFromEngine, tooManyProblems(d)!.leftOutFromEngine);
        const data: TooManyProblemsData = { code: TOO_MANY_PROBLEMS, leftOut, leftOutFromEngine };
        return { severity: LSP_SEVERITY[severity], range, message: `${message}. ${hint}`, code: TOO_MANY_PROBLEMS, data, source: 'efp' };
    },
    pinned: d => d.code === TOO_MANY_TOKENS
};

/**
 * Langium's document validator, with the diagnostics of a file capped (src/language/diagnostic-cap.ts):
 * what the editor shows and `efp check` prints. The errors e-footprint's Python pasted into the file causes
 * are said as such, with the .efp way to write it (python-habits/). Langium also spreads what the checks found into one call
 * (`diagnostics.push(...found)`), which overflows the stack past about 100,000: capped before that.
 */
export class EfpDocumentValidator extends DefaultDocumentValidator {
    private readonly shared: LangiumSharedServices;

    constructor(services: EfpServices) {
        super(services);
        this.shared = services.shared;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        return capDiagnostics(withPythonSpellings(document, await super.validateDocument(document, options, cancelToken)), CAPPABLE);
    }

    /** As Langium's, with the error of a text past its budget of tokens under a code of its own. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (let i = from; i < diagnostics.length; i++) {
            const d = diagnostics[i];
            if (typeof d.message === 'string' && isPastTheBudget(d.message)) diagnostics[i] = { ...d, code: TOO_MANY_TOKENS, data: { code: TOO_MANY_TOKENS } };
        }
    }

    /**
     * As Langium's, with the closest known name the linker found (efp-linker.ts) added to the data Langium
     * gives a linking error (its code, the reference's text): the quick fix reads it there, not in the message.
     */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const errors: SuggestingLinkingError[] = [];
        for (const reference of document.references) if (reference.error) errors.push(reference.error);
        // Langium adds one diagnostic per reference in error, in order: were that to change, no fix rather than a wrong one
        if (errors.length !== diagnostics.length - from) return;
        errors.forEach((error, i) => {
            const d = diagnostics[from + i];
            if (error.data && typeof d.data === 'object' && d.data !== null) diagnostics[from + i] = { ...d, data: { ...d.data, ...error.data } };
        });
    }

    /** As Langium's, capped; a fault outside the checks (which the registry reports) is efp's fault too, not a line on the console. */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        let diagnostics: Diagnostic[];
        try {
            diagnostics = await super.validateAst(rootNode, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            const fault: Diagnostic[] = [];
            reportCheckFault(this.shared, error, rootNode, (severity, message, info) => fault.push(this.toDiagnostic(severity, message, info)));
            diagnostics = fault;
        }
        return capDiagnostics(diagnostics, CAPPABLE);
    }
}
