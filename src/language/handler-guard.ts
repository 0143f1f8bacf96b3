import { isOperationCancelled } from 'langium';
import {
    combineFeatures, ErrorCodes, LSPErrorCodes, ResponseError, type Features, type MessageConnection, type RemoteConsole
} from 'vscode-languageserver';

/** Where an internal fault is told: the editor's log (the connection's console), or stderr without one. */
export type FaultLog = Pick<RemoteConsole, 'error'>;

/** The document a request or notification is about, for the log line. */
function uriOf(params: unknown): string | undefined {
    const p = params as { textDocument?: { uri?: unknown }; uri?: unknown; item?: { uri?: unknown } } | undefined;
    const uri = p?.textDocument?.uri ?? p?.uri ?? p?.item?.uri;
    return typeof uri === 'string' ? uri : undefined;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Tells one internal fault: one line naming what failed, on which document, and why, with the stack
 * after it for whoever reads the log. Nothing of it reaches the user's text.
 */
export function logInternalFault(log: FaultLog, what: string, uri: string | undefined, error: unknown): void {
    const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
    const line = `efp: ${what} failed${uri ? ` for ${uri}` : ''}: ${messageOf(error)}${stack}`;
    try {
        log.error(line);
    } catch {
        // the connection is gone (the editor closed it): stderr is all there is
        console.error(line);
    }
}

type Handler = (...args: unknown[]) => unknown;

/**
 * The handler as registered, made unable to take the server down: a fault it throws or rejects with is
 * logged and, for a request, answered with an error (cancellations pass through as LSP's); a
 * notification has no answer, the log line is all.
 */
function guarded(method: string, handler: Handler, log: FaultLog, request: boolean): Handler {
    const fail = (error: unknown, params: unknown): ResponseError<void> => {
        if (error instanceof ResponseError) return error as ResponseError<void>;
        if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        logInternalFault(log, method, uriOf(params), error);
        return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${messageOf(error)}`);
    };
    const settle = (error: unknown, params: unknown) => {
        const answer = fail(error, params);
        if (request) throw answer;
    };
    return (...args: unknown[]) => {
        try {
            const result = handler(...args);
            if (result instanceof Promise) return result.catch(error => settle(error, args[0]));
            return result;
        } catch (error) {
            return settle(error, args[0]);
        }
    };
}

function methodName(type: unknown): string {
    return typeof type === 'string' ? type : String((type as { method?: unknown }).method ?? 'request');
}

/**
 * Every request and notification handler of the connection, Langium's and efp's alike, registered
 * through the guard: the JSON-RPC connection below the LSP one is where all of them are installed, and
 * the console is the one piece handed that connection before any handler exists.
 */
function guardRegistrations(connection: MessageConnection, log: () => FaultLog): void {
    const onRequest = connection.onRequest.bind(connection) as (...args: unknown[]) => unknown;
    const onNotification = connection.onNotification.bind(connection) as (...args: unknown[]) => unknown;
    const withGuard = (register: (...args: unknown[]) => unknown, request: boolean) => (...args: unknown[]) => {
        // (type | method, handler) or (handler) for every method (`*`)
        const at = args.findIndex(a => typeof a === 'function');
        if (at < 0) return register(...args);
        const method = at === 0 ? '*' : methodName(args[0]);
        const wrapped = [...args];
        wrapped[at] = guarded(method, args[at] as Handler, { error: message => log().error(message) }, request);
        return register(...wrapped);
    };
    (connection as { onRequest: unknown }).onRequest = withGuard(onRequest, true);
    (connection as { onNotification: unknown }).onNotification = withGuard(onNotification, false);
}

/**
 * Connection features (for `createConnection`) that guard every handler: an internal fault becomes one
 * line in the editor's log and an error answer, never an exit. Combine with the features the server uses.
 */
export function handlerGuard<T extends Features>(features: T): T {
    const guard: Features = {
        __brand: 'features',
        console: Base => class extends Base {
            rawAttach(connection: MessageConnection): void {
                guardRegistrations(connection, () => this);
                (Base.prototype as unknown as { rawAttach: (c: MessageConnection) => void }).rawAttach.call(this, connection);
            }
        }
    };
    return combineFeatures(features, guard) as unknown as T;
}
