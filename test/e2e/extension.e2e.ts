// End-to-end: the packaged extension (efp.vsix) installed into a real VS Code (code-server), driven
// through headless Chromium. Run with `npm run test:e2e`, which installs code-server and packages
// the .vsix first. Screenshots of every step land in test-results/e2e/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e');
const VSIX = path.join(ROOT, 'efp.vsix');
const EXAMPLE = path.join(ROOT, 'examples/quickstart.efp');

/** The line the syntax-error test breaks: `power: 300 W` becomes `power: 300 W :`. */
const VALID_LINE = 'power: 300 W';
const BROKEN_LINE = 'power: 300 W :';

/** How long the language server may take to (re)publish diagnostics after an edit. */
const DIAGNOSTICS_TIMEOUT = 30_000;
/** How long a valid file must stay free of diagnostics once the server has answered. */
const SETTLE_MS = 3_000;
const NO_PROBLEMS = 'No problems have been detected in the workspace.';

describe('efp extension in VS Code', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: { 'quickstart.efp': EXAMPLE },
            logFile: path.join(RESULTS, 'code-server.log')
        });
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile('quickstart.efp', 'server web "server" {');
    });

    afterAll(async () => {
        // Each step is bounded so that a stuck browser cannot keep code-server alive
        await withTimeout(browser?.close(), 15_000).catch(() => undefined);
        await server?.stop();
    });

    afterEach(async ({ task }) => {
        if (task.result?.state === 'fail' && vscode) {
            await vscode.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
        }
    });

    test('the status bar shows the efp language mode', async () => {
        const mode = vscode.statusBarItem('status.editor.mode');
        // Without the extension's language contribution VS Code would show "Plain Text" here
        await expect.poll(() => mode.textContent(), { timeout: UI_TIMEOUT }).toBe('efp');
        await vscode.screenshot('01-language-mode');
    });

    test('the TextMate grammar highlights keywords', async () => {
        const line = 'server web "server" {';
        // Monaco paints a line as plain text first and colours it once the grammar has tokenized it;
        // without a grammar the line stays a single plain-text token
        await expect.poll(async () => (await vscode.lineTokens(line)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
        const tokens = await vscode.lineTokens(line);
        const keyword = tokens.find((token) => token.text === 'server');
        const identifier = tokens.find((token) => token.text.trim() === 'web');
        expect(keyword, `tokens of line 'server web': ${JSON.stringify(tokens)}`).toBeDefined();
        expect(identifier, `tokens of line 'server web': ${JSON.stringify(tokens)}`).toBeDefined();
        // Monaco gives each distinct token colour its own mtk class; plain text keeps the default one
        expect(keyword!.className).toMatch(/\bmtk\d+\b/);
        expect(keyword!.className).not.toBe(identifier!.className);

        // The scope name proves the colour comes from syntaxes/efp.tmLanguage.json
        await vscode.editorLine(line).locator('span > span', { hasText: /^server$/ }).first().click();
        await vscode.runCommand('Developer: Inspect Editor Tokens and Scopes');
        const inspector = vscode.page.locator('.token-inspect-widget');
        await expect.poll(() => inspector.textContent(), { timeout: UI_TIMEOUT }).toContain('keyword.control.efp');
        await vscode.screenshot('02-highlighting');
        await vscode.page.keyboard.press('Escape');
        await inspector.waitFor({ state: 'hidden' });
    });

    test('the language server is running and reports no problems for the valid file', async () => {
        // Outline entries can only come from the language server's document symbols: wait for them so
        // that "no problems" below cannot just mean "no server"
        const outline = await vscode.showOutline();
        await outline.filter({ hasText: /^ssd$/ }).first().waitFor({ timeout: UI_TIMEOUT });
        // Langium answers symbol requests once the file is parsed but publishes diagnostics only after
        // linking and validation: give it the time it takes to report a typed error (next test, < 2 s)
        await vscode.page.waitForTimeout(SETTLE_MS);

        const problems = await vscode.showProblemsPanel();
        await expect.poll(() => problems.innerText(), { timeout: UI_TIMEOUT }).toContain(NO_PROBLEMS);
        await expect(vscode.problemCounts()).resolves.toEqual({ errors: 0, warnings: 0 });
        await expect(vscode.errorSquiggles().count()).resolves.toBe(0);
        await vscode.screenshot('03-no-problems');
    });

    test('typing a syntax error shows an error diagnostic, and undo clears it', async () => {
        const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
        const lineNumber = lines.findIndex((text) => text.trim() === VALID_LINE) + 1;
        expect(lineNumber, `examples/quickstart.efp has no line "${VALID_LINE}"`).toBeGreaterThan(0);

        await vscode.goToEndOfLine(lineNumber);
        await vscode.page.keyboard.type(' :');
        await vscode.editorLine(BROKEN_LINE).waitFor();

        const problems = await vscode.showProblemsPanel();
        await expect.poll(async () => (await vscode.problemCounts()).errors, { timeout: DIAGNOSTICS_TIMEOUT }).toBeGreaterThan(0);
        await expect.poll(() => vscode.errorSquiggles().count(), { timeout: DIAGNOSTICS_TIMEOUT }).toBeGreaterThan(0);
        // The Problems entry must be an error from the efp language server, located at the stray ':'
        // or at the token the parser expected after it (the next line's property name)
        const entry = problems.locator('.monaco-list-row[aria-label^="Error:"]').first();
        await entry.waitFor({ timeout: DIAGNOSTICS_TIMEOUT });
        const description = (await entry.getAttribute('aria-label')) ?? '';
        expect(description).toMatch(/generated by efp$/);
        expect(description).toMatch(new RegExp(`at line (${lineNumber}|${lineNumber + 1}) and character \\d+`));
        await vscode.screenshot('04-syntax-error');

        await vscode.page.keyboard.press('Control+Z');
        await vscode.editorLine(BROKEN_LINE).waitFor({ state: 'detached' });
        await expect.poll(() => vscode.problemCounts(), { timeout: DIAGNOSTICS_TIMEOUT }).toEqual({ errors: 0, warnings: 0 });
        await expect.poll(() => vscode.errorSquiggles().count(), { timeout: DIAGNOSTICS_TIMEOUT }).toBe(0);
        await expect.poll(() => problems.innerText(), { timeout: DIAGNOSTICS_TIMEOUT }).toContain(NO_PROBLEMS);
        await vscode.screenshot('05-after-undo');
    });
});

function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
    return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
