import type { DashboardState, WebviewToPanel } from './messages.js';

/** The part of VS Code's webview API the dashboard uses. */
export interface VsCodeApi {
    postMessage(message: WebviewToPanel): void;
    getState(): DashboardState | undefined;
    setState(state: DashboardState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

/** VS Code allows one `acquireVsCodeApi()` call per page: every module shares this one. */
export function vscodeApi(): VsCodeApi {
    return (api ??= acquireVsCodeApi());
}
