import { describe, expect, it } from 'vitest';
import type { Uri, Webview } from 'vscode';
import { webviewHtml } from '../../src/extension/panels/webview-html.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';

/** The webviews' page: a strict content security policy, and a title (from a file name) that stays text. */
const uri = (path: string) => ({ path, toString: () => `https://file+.vscode-resource.vscode-cdn.net${path}` }) as unknown as Uri;
const webview = { cspSource: 'https://*.vscode-cdn.net', asWebviewUri: (u: Uri) => u } as unknown as Webview;
const joinPath = (base: Uri, ...parts: string[]) => uri([(base as unknown as { path: string }).path, ...parts].join('/'));

describe('webview page', () => {
    it('runs only its own script, by nonce, and loads nothing from the network', () => {
        const html = webviewHtml(webview, uri('/ext'), 'dashboard', 'Footprint: model.efp', joinPath);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
        const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1];
        expect(nonce.length).toBeGreaterThanOrEqual(22);
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)/);
        expect([...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0])).toEqual([
            `<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/dashboard.js">`
        ]);
        // a fresh nonce for each page
        expect(webviewHtml(webview, uri('/ext'), 'dashboard', 'x', joinPath)).not.toContain(nonce);
    });

    it('a title from a hostile file name is text in the title element', () => {
        for (const { name, text } of HOSTILE_STRINGS) {
            const html = webviewHtml(webview, uri('/ext'), 'graph', `Footprint: ${text}`, joinPath);
            expect([...html.matchAll(/<[a-zA-Z!]/g)].length, name).toBe(11);
            const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
            expect(title, name).toBeDefined();
            expect(title, name).not.toMatch(/[<>"']|&(?!#\d+;)/);
        }
    });
});
