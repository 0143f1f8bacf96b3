/** The part of VS Code's webview API a panel's page uses: messages to the panel, and state kept across reloads. */
export interface VsCodeApi<Message, State> {
    postMessage(message: Message): void;
    getState(): State | undefined;
    setState(state: State): void;
}

declare function acquireVsCodeApi(): VsCodeApi<unknown, unknown>;

let api: VsCodeApi<unknown, unknown> | undefined;

/**
 * VS Code allows one `acquireVsCodeApi()` call per page: every module shares this one. Each page names
 * its own message and state types.
 */
export function vscodeApi<Message, State>(): VsCodeApi<Message, State> {
    return (api ??= acquireVsCodeApi()) as VsCodeApi<Message, State>;
}
