import { randomBytes } from 'node:crypto';
import type { Uri, Webview } from 'vscode';

/**
 * The page of a webview panel: the panel's bundle (`out/webview/<name>.js` and `.css`) under a strict
 * content security policy. Scripts run only with the page's nonce; nothing loads from the network;
 * styles come only from the extension's files (no inline styles, which Chart.js and uPlot do not need).
 */
export function webviewHtml(webview: Webview, extensionUri: Uri, name: string, title: string, joinPath: (base: Uri, ...parts: string[]) => Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const asset = (file: string) => webview.asWebviewUri(joinPath(extensionUri, 'out', 'webview', file)).toString();
    const csp = [
        "default-src 'none'",
        `img-src ${webview.cspSource} data: blob:`,
        `style-src ${webview.cspSource}`,
        `font-src ${webview.cspSource}`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${name}.css`)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="app" role="main"></div>
<script nonce="${nonce}" src="${asset(`${name}.js`)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
