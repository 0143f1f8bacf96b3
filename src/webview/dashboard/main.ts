// The footprint dashboard's webview: entry point of out/webview/dashboard.js (and .css).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import './dashboard.css';
import { Dashboard } from './dashboard.js';
import type { DashboardState, PanelToWebview, WebviewToPanel } from './messages.js';
import { vscodeApi } from '../vscode-api.js';

const vscode = vscodeApi<WebviewToPanel, DashboardState>();
const dashboard = new Dashboard(document.getElementById('app')!, vscode);
window.addEventListener('message', (event: MessageEvent<PanelToWebview>) => dashboard.receive(event.data));
// only now can the panel's messages be heard: it waits for this before sending any
vscode.postMessage({ type: 'ready' });
