// End-to-end: the emission diff panel in a real VS Code (code-server), on a model in a git repository
// inside the workspace. The CLI (`efp diff`) is the reference for every figure the panel shows.
// Screenshots land in test-results/e2e/diff/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';
import { diffScales, signedMass } from '../../src/cli/diff-format.js';
import type { ModelDiff } from '../../src/engine/diff/model-diff.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/diff');
const VSIX = path.join(ROOT, 'efp.vsix');
const EFP = path.join(ROOT, 'bin/efp.cjs');
const EXAMPLE = path.join(ROOT, 'examples/quickstart.efp');

/** The model: the quickstart, with a scenario that doubles the server's power from the start. */
const MODEL = 'streaming.efp';
const SCENARIO = '\nscenario double_power "Double power" { web.power: 600 W }\n';
const OBJECT_LINE = 'server web "server"';
const SYSTEM_LINE = 'system streaming_platform';

function model(power = '300 W'): string {
    return fs.readFileSync(EXAMPLE, 'utf8').replace('power: 300 W', `power: ${power}`) + SCENARIO;
}

/** The 1-based line of the model that starts with `text` (after indentation). */
function lineOf(text: string): number {
    const index = model().split('\n').findIndex((line) => line.trim().startsWith(text));
    if (index < 0) throw new Error(`the model has no line starting with "${text}"`);
    return index + 1;
}

function git(cwd: string, ...args: string[]): void {
    execFileSync('git', ['-c', 'user.name=efp e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

/** What `efp diff --json` says (the first model compared), run in `cwd`. */
function cliDiff(cwd: string, ...args: string[]): ModelDiff {
    const text = execFileSync(process.execPath, [EFP, 'diff', '--json', ...args], { cwd, encoding: 'utf8' });
    return (JSON.parse(text) as { models: ModelDiff[] }).models[0];
}

/** `efp diff --json OLD NEW` of two texts, written to a temporary folder. */
function cliDiffOfTexts(oldText: string, newText: string): ModelDiff {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'efp-e2e-diff-'));
    try {
        fs.writeFileSync(path.join(dir, 'old.efp'), oldText);
        fs.writeFileSync(path.join(dir, 'new.efp'), newText);
        return cliDiff(dir, 'old.efp', 'new.efp');
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Canvas pixels that are not transparent: Chart.js painted the waterfall. */
async function paintedPixels(frame: Frame): Promise<number> {
    return frame.locator('canvas[data-testid="waterfall"]').first().evaluate((element) => {
        // Runs in the page (the project compiles without the DOM's types: say what is used)
        const canvas = element as unknown as {
            width: number;
            height: number;
            getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
        };
        if (canvas.width === 0 || canvas.height === 0) return 0;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
    });
}

/** The panel's total change: its exact kg (data-kg) and its text. */
async function shownTotal(frame: Frame): Promise<{ kg: number; text: string }> {
    const total = frame.locator('[data-testid="diff-total"]');
    return { kg: Number(await total.getAttribute('data-kg')), text: await total.innerText() };
}

/**
 * The diff panel comparing `sides` (its `old → new` line): several diff panels share an editor group,
 * and the one just opened may take a moment to replace the one shown before.
 */
async function diffFrame(vscode: Workbench, sides: string | RegExp): Promise<Frame> {
    const matches = (text: string) => (typeof sides === 'string' ? text === sides : sides.test(text));
    for (let waited = 0; waited < UI_TIMEOUT; waited += 250) {
        for (const frame of vscode.page.frames()) {
            const label = frame.locator('[data-testid="diff-sides"]').first();
            if (!(await label.isVisible().catch(() => false))) continue;
            if (matches(await label.innerText().catch(() => ''))) return frame;
        }
        await vscode.page.waitForTimeout(250);
    }
    throw new Error(`no diff panel compares ${sides} within ${UI_TIMEOUT} ms`);
}

function expectSameKg(actual: number, expected: number): void {
    expect(Math.abs(actual - expected), `${actual} kg vs the CLI's ${expected} kg`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('the emission diff in VS Code', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;
    let repo: string;

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        fs.mkdirSync(RESULTS, { recursive: true });
        // a model outside any git repository, there from the start so that Quick Open's file index has it
        const loose = path.join(RESULTS, 'loose.efp');
        fs.writeFileSync(loose, model());
        server = await startCodeServer({ vsix: VSIX, workspaceFiles: { 'loose.efp': loose }, logFile: path.join(RESULTS, 'code-server.log') });
        // a git repository inside the workspace, the model committed with `power: 300 W`
        repo = path.join(server.workspace, 'diff-demo');
        fs.mkdirSync(repo);
        fs.writeFileSync(path.join(repo, MODEL), model());
        git(repo, 'init', '-q');
        git(repo, 'add', MODEL);
        git(repo, 'commit', '-q', '-m', 'the model');
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile(MODEL, OBJECT_LINE);
    });

    afterAll(async () => {
        await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]).catch(() => undefined);
        await server?.stop();
    });

    afterEach(async ({ task }) => {
        if (task.result?.state === 'fail' && vscode) await vscode.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    });

    const modelTab = () => vscode.page.locator('.tab', { hasText: new RegExp(`^${MODEL.replace('.', '\\.')}`) }).first();

    test('the Scenarios view lists the model\'s scenarios, and one opens its diff against the baseline', async () => {
        const header = vscode.page.locator('.pane-header', { hasText: 'efp Scenarios' });
        await header.waitFor({ timeout: UI_TIMEOUT });
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
        const item = vscode.page.locator('.pane', { has: header }).locator('.monaco-list-row', { hasText: 'Double power' });
        // the total change is shown once the server evaluated the scenario
        await expect.poll(() => item.first().innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toMatch(/from the start · \+[\d,.]+ t CO2e \(\+[\d.]+ %\)/);
        await vscode.page.mouse.move(190, 600);
        await vscode.screenshot('01-scenarios-view');

        await item.first().click();
        const frame = await diffFrame(vscode, 'baseline → scenario “Double power”');
        // without a date, a scenario is the same as editing the model: the CLI's diff of the two texts
        const cli = cliDiffOfTexts(model('300 W'), model('600 W'));
        const shown = await shownTotal(frame);
        expectSameKg(shown.kg, cli.summary.total.change);
        expect(shown.text).toBe(`${signedMass(cli.summary.total.change)} CO2e`);
        await expect(frame.locator('[data-testid="input-web.power"]').innerText()).resolves.toMatch(/^web\.power\s+300 W → 600 W/);
        await expect.poll(() => paintedPixels(frame), { timeout: UI_TIMEOUT }).toBeGreaterThan(1_000);
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('02-scenario-diff');
    });

    test('"Compare with git HEAD" (the CodeLens) after a saved edit shows what `efp diff --git HEAD` prints', async () => {
        await modelTab().click();
        await vscode.goToEndOfLine(lineOf('power: 300 W'));
        for (let i = 0; i < '300 W'.length; i++) await vscode.page.keyboard.press('Backspace');
        await vscode.page.keyboard.type('600 W');
        await vscode.closeSuggestions();
        await vscode.editorLine('power: 600 W').waitFor();
        await vscode.page.keyboard.press('Control+S');
        await vscode.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });

        await vscode.goToEndOfLine(lineOf(SYSTEM_LINE));
        // back to the start of the line: the end scrolled the narrow editor sideways, half hiding the lens
        await vscode.page.keyboard.press('Home');
        const lens = vscode.page.locator('.editor-instance .codelens-decoration a', { hasText: 'Compare with git HEAD' });
        await lens.first().waitFor({ timeout: UI_TIMEOUT });
        await vscode.screenshot('03-codelens');
        await lens.first().click();

        const frame = await diffFrame(vscode, /^HEAD \([0-9a-f]{7}\) → editor$/);
        const cli = cliDiff(repo, '--git', 'HEAD', MODEL);
        await expect.poll(async () => (await shownTotal(frame)).kg, { timeout: UI_TIMEOUT }).not.toBe(0);
        const shown = await shownTotal(frame);
        expectSameKg(shown.kg, cli.summary.total.change);
        expect(shown.text).toBe(`${signedMass(cli.summary.total.change)} CO2e`);
        const row = frame.locator('[data-testid="input-web.power"]');
        await expect(row.innerText()).resolves.toMatch(/^web\.power\s+300 W → 600 W/);
        // the footprint table: the server changed, by the CLI's figure (in the scale of the diff's changes)
        await expect(frame.locator('[data-testid="object-web-total"]').innerText()).resolves
            .toBe(signedMass(cli.systems[0].objects.find((o) => o.id === 'web')!.total.change, diffScales(cli).changes));
        await expect.poll(() => paintedPixels(frame), { timeout: UI_TIMEOUT }).toBeGreaterThan(1_000);
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('04-git-head-diff');

        // the keyboard leads from the input change to its line
        await row.focus();
        await vscode.page.keyboard.press('Enter');
        await vscode.statusBarItem('status.editor.selection').filter({ hasText: `Ln ${lineOf('power: 300 W')},` }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.screenshot('05-reveal-input');
    });

    test('"Compare with Last Save" shows the unsaved edit', async () => {
        // (the line is in view since the previous test revealed it; a click puts the cursor there without
        // Quick Open, which a tab's tooltip left under the pointer can keep from opening)
        await modelTab().click();
        await vscode.page.mouse.move(190, 600);
        await vscode.editorLine('power: 600 W').first().click();
        await vscode.page.keyboard.press('End');
        await vscode.statusBarItem('status.editor.selection').filter({ hasText: `Ln ${lineOf('power: 300 W')},` }).waitFor();
        for (let i = 0; i < '600 W'.length; i++) await vscode.page.keyboard.press('Backspace');
        await vscode.page.keyboard.type('900 W');
        await vscode.closeSuggestions();
        await vscode.editorLine('power: 900 W').waitFor();
        try {
            await vscode.runCommand('efp: Compare with Last Save');
            const frame = await diffFrame(vscode, 'last save → editor');
            const cli = cliDiffOfTexts(model('600 W'), model('900 W'));
            await expect.poll(async () => (await shownTotal(frame)).kg, { timeout: UI_TIMEOUT }).not.toBe(0);
            const shown = await shownTotal(frame);
            expectSameKg(shown.kg, cli.summary.total.change);
            expect(shown.text).toBe(`${signedMass(cli.summary.total.change)} CO2e`);
            await expect(frame.locator('[data-testid="input-web.power"]').innerText()).resolves.toMatch(/^web\.power\s+600 W → 900 W/);
            await expect.poll(() => paintedPixels(frame), { timeout: UI_TIMEOUT }).toBeGreaterThan(1_000);
            await vscode.page.waitForTimeout(500);
            await vscode.screenshot('06-last-save-diff');
        } finally {
            await modelTab().click();
            await vscode.page.mouse.move(190, 600);
            await vscode.runCommand('File: Revert File');
            await vscode.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
        }
    });

    test('outside a git repository, the panel says so instead of failing', async () => {
        await vscode.openFile('loose.efp', OBJECT_LINE);
        await vscode.runCommand('efp: Compare with git HEAD');
        const frame = await vscode.webviewFrame('[data-testid="diff-message"]');
        await expect.poll(() => frame.locator('[data-testid="diff-message"]').innerText(), { timeout: UI_TIMEOUT })
            .toBe('loose.efp is not in a git repository: there is no HEAD to compare with. Compare with the last save instead.');
        await vscode.screenshot('07-not-in-git');
    });
});
