import {
    AstUtils, isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { EfpServices } from './efp-module.js';
import { logInternalFault, type FaultLog } from './handler-guard.js';

/** The code of a diagnostic that says efp failed: the result cannot be trusted (`efp check` exits 3). */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Where a fault of efp's is told with its stack: the editor's log (the handler guard's line), or in the
 * CLI stderr with EFP_DEBUG=1 only (the diagnostic says what failed; the stack is for whoever debugs).
 */
function faultLog(shared: LangiumSharedServices): FaultLog | undefined {
    const connection = shared.lsp.Connection;
    if (connection) return connection.console;
    return process.env.EFP_DEBUG ? console : undefined;
}

/**
 * A fault of efp's while checking a model (a check that throws): logged where faults are, and one error
 * on the model in efp's words, with its code, so that no one takes the checks' silence for a clean model.
 */
export function reportCheckFault(shared: LangiumSharedServices, error: unknown, node: AstNode, accept: ValidationAcceptor): void {
    const log = faultLog(shared);
    const uri = AstUtils.getDocument(node).uri.toString();
    if (log) logInternalFault(log, 'checking the model', uri, error);
    const hint = shared.lsp.Connection
        ? 'The efp log (Output, efp) has the details; please report it.'
        : 'Run efp with EFP_DEBUG=1 for the details; please report it.';
    const what = error instanceof Error ? error.message : String(error);
    accept('error', `efp failed while checking this model (${what}): this is a bug in efp, not in the model. ${hint}`, {
        node, code: INTERNAL_ERROR, data: { code: INTERNAL_ERROR, hint }
    });
}

/**
 * Langium's registry of checks, with a check that throws reported as efp's fault (reportCheckFault), once
 * a validation of a document, instead of Langium's "An error occurred during validation" on the console
 * with its stack (stderr in `efp check`) and a diagnostic in those words on every node it threw on.
 */
export class EfpValidationRegistry extends ValidationRegistry {
    private readonly shared: LangiumSharedServices;
    /** The acceptors of the validations that have had a fault: one diagnostic each. */
    private readonly faulted = new WeakSet<ValidationAcceptor>();

    constructor(services: EfpServices) {
        super(services);
        this.shared = services.shared;
    }

    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            if (this.faulted.has(accept)) return;
            this.faulted.add(accept);
            reportCheckFault(this.shared, error, node, accept);
        }
    }
}
