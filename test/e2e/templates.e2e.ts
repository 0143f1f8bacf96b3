// End-to-end: "efp: New Model from Template" in a real VS Code (code-server), from the command palette to
// the written model evaluated by the language server, as `efp init` writes it. Screenshots land in
// test-results/e2e/templates/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/templates');
const VSIX = path.join(ROOT, 'efp.vsix');

/** What `efp eval` prints as the model's footprint per year: the status bar must show the same figure. */
function cliPerYear(file: string): string {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', file], { encoding: 'utf8' });
    return /CO2e over the period, ([\d,.]+ \w+) CO2e per year/.exec(text)![1];
}

/** `608.0 t`, `608,014.8 kg`: the mass in kg. */
function kilograms(text: string): number {
    const [number, unit] = text.trim().split(/\s+/);
    return Number(number.replace(/,/g, '')) * ({ g: 0.001, kg: 1, t: 1000 } as Record<string, number>)[unit];
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

    afterAll(async () => {
        await browser?.close().catch(() => undefined);
        await server?.stop();
    });

    afterEach(async ({ task }) => {
        if (task.result?.state === 'fail' && vscode) await vscode.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    });

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
        // the language server evaluates it: the status bar shows the figure the CLI prints, and no problem.
        // (The two write it in different units today, `608,014.8 kg` and `608.0 t`: issue 18's "one number,
        // many units"; compared here as masses, within the CLI's rounding.)
        const statusBar = vscode.statusBarText(/CO2e\/yr/);
        await statusBar.waitFor({ timeout: UI_TIMEOUT });
        const cli = kilograms(cliPerYear(modelFile));
        const shown = kilograms(/([\d,.]+ (?:g|kg|t))/.exec(await statusBar.innerText())![1]);
        expect(Math.abs(shown - cli)).toBeLessThanOrEqual(50);
        expect(await vscode.problemCounts()).toEqual({ errors: 0, warnings: 0 });
        await vscode.parkPointer();
        await vscode.screenshot('03-model-written');
    });
});
