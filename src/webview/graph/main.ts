// The calculus graph and object graph panels' page (bundled to out/webview/graph.js and graph.css).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './graph.css';
import { GraphPage } from './graph-page.js';

const app = document.getElementById('app');
if (app) new GraphPage(app).start();
