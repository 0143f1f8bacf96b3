// End-to-end: "efp: New Model from Template" in a real VS Code (code-server), from the command palette to
// the written model evaluated by the language server, as `efp init` writes it. Screenshots land in
// test-results/e2e/templates/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { closeAfterTests, launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/templates');
const VSIX = path.join(ROOT, 'efp.vsix');

/** What `efp eval` prints as the model's footprint per year: the status bar must show the same figure. */
function cliPerYear(file: string): string {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', file], { encoding: 'utf8' });
    return /CO2e over the period, ([\d,.]+ \w+) CO2e\/year on average/.exec(text)![1];
}

describe('efp: New Model from Template', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: {},
            logFile: path.join(RESULTS, 'code-server.log'),
            prepare: workspace => {
                fs.writeFileSync(path.join(workspace, 'notes.md'), '# A new service\n');
                fs.mkdirSync(path.join(workspace, 'shop'));
            }
        });
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile('notes.md', '# A new service');
    });

    closeAfterTests(() => ({ browser, server, vscode }));

    test('a template, no CI file, a folder: the model is written, opened and evaluated as efp eval evaluates it', async () => {
        await vscode.runCommand('efp: New Model from Template');
        const rows = vscode.page.locator('.quick-input-list .monaco-list-row');
        await rows.filter({ hasText: 'Video streaming' }).first().waitFor({ timeout: UI_TIMEOUT });
        await vscode.screenshot('01-template-pick');
        const input = vscode.page.locator('.quick-input-widget input');
        await input.fill('video');
        await rows.first().filter({ hasText: 'Video streaming' }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.page.keyboard.press('Enter');
        await rows.filter({ hasText: 'No CI file' }).first().waitFor({ timeout: UI_TIMEOUT });
        await input.fill('No CI');
        await rows.first().filter({ hasText: 'No CI file' }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.page.keyboard.press('Enter');
        // the folder: VS Code's own dialog, in the browser a path in the quick input
        const shop = path.join(server!.workspace, 'shop');
        await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toContain(server!.workspace);
        await input.fill(`${shop}/`);
        await vscode.screenshot('02-folder-pick');
        const modelFile = path.join(shop, 'model.efp');
        for (let attempt = 0; attempt < 3 && !fs.existsSync(modelFile); attempt++) {
            await vscode.page.keyboard.press('Enter');
            await vscode.page.waitForTimeout(1_500);
        }
        await expect.poll(() => fs.existsSync(modelFile), { timeout: UI_TIMEOUT }).toBe(true);
        expect(fs.existsSync(path.join(shop, 'README.md'))).toBe(true);
        expect(fs.existsSync(path.join(shop, '.github'))).toBe(false);
        expect(fs.readFileSync(modelFile, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'templates/video-streaming/model.efp'), 'utf8'));
        await vscode.page.locator('.tab.active', { hasText: 'model.efp' }).waitFor({ timeout: UI_TIMEOUT });
        // the language server evaluates it: the status bar shows the figure the CLI prints, in the same words
        // (`608.0 t CO2e/year`: one number, one unit), and no problem
        const statusBar = vscode.statusBarText(/CO2e\/year/);
        await statusBar.waitFor({ timeout: UI_TIMEOUT });
        expect(await statusBar.innerText()).toContain(`${cliPerYear(modelFile)} CO2e/year`);
        expect(await vscode.problemCounts()).toEqual({ errors: 0, warnings: 0 });
        await vscode.parkPointer();
        await vscode.screenshot('03-model-written');
    });
});
