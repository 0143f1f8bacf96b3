// The emission diff's webview: entry point of out/webview/diff.js (and .css).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './diff.css';
import { DiffView } from './diff-view.js';
import type { DiffState, FromDiffWebview, ToDiffWebview } from './messages.js';
import { vscodeApi } from '../vscode-api.js';

const vscode = vscodeApi<FromDiffWebview, DiffState>();
const view = new DiffView(document.getElementById('app')!, vscode);
window.addEventListener('message', (event: MessageEvent<ToDiffWebview>) => view.receive(event.data));
// only now can the panel's messages be heard: it waits for this before sending any
vscode.postMessage({ type: 'ready' });
