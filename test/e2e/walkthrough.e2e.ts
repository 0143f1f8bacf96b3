// End-to-end: the first ten minutes in a real VS Code (code-server). The walkthrough "Get started with efp"
// opens on the sample model, its pages' code fits their column; its buttons open the sample shipped in the
// .vsix, unsaved or saved in a folder (never over a file); its graph button opens the calculus graph readable
// on the system's total (Fit shows every node), and a graph opened on one value shows that value readable. Screenshots land in
// test-results/e2e/walkthrough/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Locator } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { closeAfterTests, launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/walkthrough');
const VSIX = path.join(ROOT, 'efp.vsix');
/** The sample the walkthrough opens: shipped in the .vsix (test/e2e/vsix-contents.e2e.ts). */
const SAMPLE = path.join(ROOT, 'examples/quickstart.efp');
const SAMPLE_LINE = 'server web "server"';
const WALKTHROUGH = 'Get started with efp';
/** The text of a graph box is readable from this scale on (src/webview/graph/initial-view.ts: READABLE_FIT_SCALE). */
const READABLE_SCALE = 0.6;

/** What `efp eval` prints as the model's footprint per year: the status bar must show the same figure. */
function cliPerYear(file: string): string {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', file], { encoding: 'utf8' });
    return /CO2e over the period, ([\d,.]+ \w+) CO2e\/year on average/.exec(text)![1];
}

/** `3,655.5 t`, `419.8 kg`: the mass in kg. */
function kilograms(text: string): number {
    const [number, unit] = text.trim().split(/\s+/);
    return Number(number.replace(/,/g, '')) * ({ g: 0.001, kg: 1, t: 1000, kt: 1e6 } as Record<string, number>)[unit];
}

interface Box { x: number; y: number; width: number; height: number }

/** The few DOM calls made in the page (the project compiles without the DOM's types, as workbench.ts). */
interface PageElement {
    getBoundingClientRect(): Box;
    getAttribute(name: string): string | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
}

/** Page boxes of the canvas and of every node a graph webview drew. */
async function graphBoxes(frame: Frame): Promise<{ canvas: Box; nodes: Map<string, Box>; scale: number }> {
    const measured = await frame.locator('svg.canvas').evaluate(element => {
        const canvas = element as unknown as PageElement;
        const box = (e: PageElement) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
        const nodes: [string, Box][] = [...canvas.querySelectorAll('g.node')].map(n => [n.getAttribute('data-id') ?? '', box(n)]);
        return { canvas: box(canvas), nodes, transform: canvas.querySelector('g.layer')?.getAttribute('transform') ?? '' };
    });
    // the layer's `translate(x,y) scale(s)` (src/webview/graph/pan-zoom.ts)
    const scale = Number(/scale\(([\d.e-]+)\)/.exec(measured.transform)?.[1] ?? NaN);
    return { canvas: measured.canvas, nodes: new Map(measured.nodes), scale };
}

/** Whether `inner` lies within `outer` (a pixel of rounding allowed). */
function within(inner: Box, outer: Box): boolean {
    return inner.x >= outer.x - 1 && inner.y >= outer.y - 1
        && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

describe('the walkthrough and the sample model', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;
    let samples: string;

    /** Brings the walkthrough forward (its tab, else the command that opens it). */
    async function showWalkthrough(): Promise<void> {
        const tab = vscode.page.locator('.tab', { hasText: 'Walkthrough:' }).first();
        if (await tab.count() > 0) await tab.click();
        else {
            await vscode.runCommand('Welcome: Open Walkthrough');
            const input = vscode.page.locator('.quick-input-widget input');
            await input.fill(WALKTHROUGH);
            await vscode.page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first().waitFor({ timeout: UI_TIMEOUT });
            await vscode.page.keyboard.press('Enter');
        }
        await vscode.page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ timeout: UI_TIMEOUT });
    }

    /** A walkthrough step, expanded. */
    async function step(id: string): Promise<Locator> {
        const button = vscode.page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="#${id}"]`);
        if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        await expect.poll(() => button.getAttribute('aria-expanded'), { timeout: UI_TIMEOUT }).toBe('true');
        return button;
    }

    /** A step's button by its title. */
    function stepButton(expanded: Locator, title: string): Locator {
        return expanded.locator('a.monaco-button', { hasText: title });
    }

    /**
     * Picks `folder` in VS Code's own folder dialog (in the browser, a path typed in the quick input): Enter
     * until the dialog closes (the first may only list the folder). Never once more: the focus is back on
     * the walkthrough's button then, which Enter would press.
     */
    async function pickFolder(folder: string): Promise<void> {
        const widget = vscode.page.locator('.quick-input-widget');
        const input = widget.locator('input');
        await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toContain(server!.workspace);
        await input.fill(`${folder}/`);
        for (let attempt = 0; attempt < 3 && await widget.isVisible(); attempt++) {
            await vscode.page.keyboard.press('Enter');
            await widget.waitFor({ state: 'hidden', timeout: 1_500 }).catch(() => undefined);
        }
        await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    }

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: {},
            logFile: path.join(RESULTS, 'code-server.log'),
            prepare: workspace => {
                fs.writeFileSync(path.join(workspace, 'notes.md'), '# A new service\n');
                fs.mkdirSync(path.join(workspace, 'samples'));
            }
        });
        samples = path.join(server.workspace, 'samples');
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
    });

    closeAfterTests(() => ({ browser, server, vscode }));

    test('opens on the sample model, and every page\'s code fits its column, with a button on every step', async () => {
        await showWalkthrough();
        const first = vscode.page.locator('.gettingStartedContainer button.getting-started-step.expanded');
        await expect(first.locator('.step-title').innerText()).resolves.toBe('Open the sample model');
        await vscode.page.mouse.move(190, 400);
        await vscode.screenshot('01-walkthrough');
        for (const [id, heading] of [['open-sample', 'Open the sample model'], ['diagnostics', 'Let the editor check it'], ['dashboard', 'Open the footprint dashboard'],
            ['graph', 'Trace a number'], ['new-from-template', 'Model your own service']] as const) {
            const expanded = await step(id);
            expect(await expanded.locator('a.monaco-button').count(), id).toBeGreaterThan(0);
            // the page, in its webview: a command link at its top, code blocks without a scroll bar
            const frame = await vscode.webviewFrame(`h1:text-is("${heading}")`);
            expect(await frame.locator('a[href^="command:"]').count(), id).toBeGreaterThan(0);
            const blocks = await frame.locator('pre').evaluateAll(pres => pres.map(p => ({ scroll: p.scrollWidth, client: p.clientWidth })));
            expect(blocks.length, id).toBeGreaterThan(0);
            for (const block of blocks) expect(block.scroll, `${id}: a code line wider than its block`).toBeLessThanOrEqual(block.client);
            if (id === 'graph') await vscode.screenshot('02-walkthrough-graph-step');
        }
    });

    test('Open the Sample Model: the sample shipped in the .vsix, unsaved, evaluated as efp eval evaluates it', async () => {
        await showWalkthrough();
        const expanded = await step('open-sample');
        await stepButton(expanded, 'Open the Sample Model').click();
        await vscode.page.locator('.tab.active', { hasText: /Untitled-\d/ }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.editorLine(SAMPLE_LINE).first().waitFor({ timeout: UI_TIMEOUT });
        await expect.poll(() => vscode.statusBarItem('status.editor.mode').textContent(), { timeout: UI_TIMEOUT }).toBe('efp');
        // the language server evaluates it: the status bar shows the CLI's figure (compared as masses, within
        // the rounding of either), and no problem
        const statusBar = vscode.statusBarText(/CO2e\/year/);
        await statusBar.waitFor({ timeout: UI_TIMEOUT });
        const shown = kilograms(/([\d,.]+ (?:g|kg|t|kt))/.exec(await statusBar.innerText())![1]);
        expect(Math.abs(shown - kilograms(cliPerYear(SAMPLE))) / shown).toBeLessThan(0.005);
        expect(await vscode.problemCounts()).toEqual({ errors: 0, warnings: 0 });
        await vscode.parkPointer();
        await vscode.screenshot('03-sample-unsaved');
        // the step is done
        await showWalkthrough();
        await expect.poll(() => vscode.page.locator('.gettingStartedContainer button.getting-started-step[data-step-id$="#open-sample"]').getAttribute('aria-checked'), { timeout: UI_TIMEOUT }).toBe('true');
        // closed unsaved: nothing was written
        await vscode.page.locator('.tab', { hasText: /Untitled-\d/ }).first().click();
        await vscode.runCommand('View: Revert and Close Editor');
        await vscode.page.locator('.tab', { hasText: /Untitled-\d/ }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        expect(fs.readdirSync(samples)).toEqual([]);
    });

    test('efp: Open Sample Model from the palette asks where; unsaved, the server checks it like a file', async () => {
        // from an ordinary editor: the walkthrough's page, loading again when shown, takes the focus and
        // would close the question
        await vscode.openFile('notes.md', '# A new service');
        await vscode.runCommand('efp: Open Sample Model');
        const rows = vscode.page.locator('.quick-input-list .monaco-list-row');
        await rows.filter({ hasText: 'Save it in a folder' }).first().waitFor({ timeout: UI_TIMEOUT });
        await vscode.screenshot('04-sample-where');
        await vscode.page.locator('.quick-input-widget input').fill('unsaved');
        await rows.first().filter({ hasText: 'Open it unsaved' }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.page.keyboard.press('Enter');
        await vscode.page.locator('.tab.active', { hasText: /Untitled-\d/ }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.editorLine(SAMPLE_LINE).first().waitFor({ timeout: UI_TIMEOUT });
        // its outline comes from the language server's document symbols
        const outline = await vscode.showOutline();
        await outline.filter({ hasText: /^ssd$/ }).first().waitFor({ timeout: UI_TIMEOUT });
        await vscode.runCommand('View: Revert and Close Editor');
        await vscode.page.locator('.tab', { hasText: /Untitled-\d/ }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        expect(fs.readdirSync(samples)).toEqual([]);
    });

    test('Save It in a Folder: the sample written where the user picks and opened; never over a file', async () => {
        const file = path.join(samples, 'quickstart.efp');
        await showWalkthrough();
        await stepButton(await step('open-sample'), 'Save It in a Folder').click();
        await pickFolder(samples);
        await expect.poll(() => fs.existsSync(file), { timeout: UI_TIMEOUT }).toBe(true);
        expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(SAMPLE, 'utf8'));
        await vscode.page.locator('.tab.active', { hasText: 'quickstart.efp' }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.editorLine(SAMPLE_LINE).first().waitFor({ timeout: UI_TIMEOUT });

        // a second time into the same folder: refused, the file as it was
        fs.appendFileSync(file, '// my notes\n');
        const before = fs.readFileSync(file, 'utf8');
        await showWalkthrough();
        await stepButton(await step('open-sample'), 'Save It in a Folder').click();
        const refusal = vscode.page.locator('.notifications-toasts', { hasText: 'efp never replaces a file' });
        await pickFolder(samples);
        await refusal.first().waitFor({ timeout: UI_TIMEOUT });
        expect(fs.readFileSync(file, 'utf8')).toBe(before);
        expect(fs.readdirSync(samples)).toEqual(['quickstart.efp']);
        await vscode.parkPointer();
        await vscode.animationsDone(refusal.first());
        await vscode.screenshot('05-sample-saved-then-refused');
        await vscode.runCommand('Notifications: Clear All Notifications');
        await refusal.first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    });

    test('Trace a number: the graph of the system opens readable on its total, Fit shows every node, empty values saying why', async () => {
        // the saved sample, cursor on its first line (a comment): the walkthrough's button shows the system's total
        await vscode.page.locator('.tab', { hasText: 'quickstart.efp' }).first().click();
        await vscode.editorLine(SAMPLE_LINE).first().waitFor({ timeout: UI_TIMEOUT });
        await showWalkthrough();
        await stepButton(await step('graph'), 'Show Calculus Graph').click();
        const frame = await vscode.webviewFrame('h1:text-is("Calculus graph of streaming_platform.total_footprint")');
        await frame.locator('[data-id="streaming_platform.total_footprint"]').waitFor({ timeout: UI_TIMEOUT });
        await vscode.page.waitForTimeout(500);
        // 78 values do not fit the panel readable: it opens on the total, readable, its operands beside it
        const opened = await graphBoxes(frame);
        expect(opened.nodes.size).toBe(78);
        expect(within(opened.nodes.get('streaming_platform.total_footprint')!, opened.canvas)).toBe(true);
        expect(opened.scale).toBeGreaterThanOrEqual(READABLE_SCALE);
        await vscode.parkPointer();
        await vscode.screenshot('06-graph-opened');
        // Fit: all of them in the panel
        await frame.locator('vscode-button', { hasText: 'Fit' }).click();
        await expect.poll(async () => {
            const { canvas, nodes } = await graphBoxes(frame);
            return [...nodes].filter(([, box]) => !within(box, canvas)).map(([id]) => id);
        }, { timeout: UI_TIMEOUT }).toEqual([]);
        await vscode.parkPointer();
        await vscode.screenshot('06b-graph-fitted');
        // e-footprint 22 models no storage energy: the box says so
        await expect(frame.locator('[data-id="ssd.energy_footprint"]').textContent()).resolves.toContain('empty: e-footprint 22 does not model it');
        await vscode.parkPointer();
        await vscode.screenshot('06-graph-fitted');
        // found by name, the value comes into view, readable, saying why it is empty
        const search = frame.locator('vscode-textfield');
        await search.click();
        await vscode.page.keyboard.type('ssd.energy_footprint');
        await vscode.page.keyboard.press('Enter');
        await expect.poll(async () => {
            const { canvas: now, nodes: shown } = await graphBoxes(frame);
            return within(shown.get('ssd.energy_footprint')!, now);
        }, { timeout: UI_TIMEOUT }).toBe(true);
        await vscode.parkPointer();
        await vscode.screenshot('07-graph-empty-value');
    });

    test('a graph opened on one value opens on it, readable', async () => {
        const overview = await vscode.webviewFrame('h1:text-is("Calculus graph of streaming_platform.total_footprint")');
        // Shift+Enter on a node opens its own graph, asked for that value
        await overview.locator('[data-id="web.energy_footprint"]').focus();
        await vscode.page.keyboard.press('Shift+Enter');
        const frame = await vscode.webviewFrame('h1:text-is("Calculus graph of web.energy_footprint")');
        await frame.locator('[data-id="web.energy_footprint"]').waitFor({ timeout: UI_TIMEOUT });
        await vscode.page.waitForTimeout(500);
        const { canvas, nodes, scale } = await graphBoxes(frame);
        expect(within(nodes.get('web.energy_footprint')!, canvas)).toBe(true);
        expect(scale).toBeGreaterThanOrEqual(READABLE_SCALE);
        await vscode.parkPointer();
        await vscode.screenshot('08-graph-on-a-value');
    });
});
