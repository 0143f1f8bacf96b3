import type { FromGraphWebview, GraphWebviewState } from './messages.js';

/** The part of VS Code's webview API the graph page uses. */
interface VsCodeApi {
    postMessage(message: FromGraphWebview): void;
    getState(): GraphWebviewState | undefined;
    setState(state: GraphWebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

/** VS Code allows one `acquireVsCodeApi()` call per page: every module shares this one. */
export function vscodeApi(): VsCodeApi {
    return (api ??= acquireVsCodeApi());
}
