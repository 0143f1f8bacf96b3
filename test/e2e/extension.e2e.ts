// End-to-end: the packaged extension (efp.vsix) installed into a real VS Code (code-server), driven
// through headless Chromium. Run with `npm run test:e2e`, which installs code-server and packages
// the .vsix first. Screenshots of every step land in test-results/e2e/.
import { execFileSync } from 'node:child_process';
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

/** The line the model-error test changes: a power given as an energy, which parses but the engine rejects. */
const MODEL_ERROR_LINE = 'power: 300 Wh';
const MODEL_ERROR_VALUE = '300 Wh';
const MODEL_ERROR_MESSAGE = 'expects a power (W)';

/** Lines the hover tests point at: an input given with its source, and an object declaration. */
const INPUT_LINE = 'carbon_footprint_fabrication: 600 kg';
// (inlay hints may follow the object's name on its line, so only its start is matched)
const OBJECT_LINE = 'server web "server"';

/** How long the language server may take to (re)publish diagnostics after an edit. */
const DIAGNOSTICS_TIMEOUT = 30_000;
/** How long a valid file must stay free of diagnostics once the server has answered. */
const SETTLE_MS = 3_000;
const NO_PROBLEMS = 'No problems have been detected in the workspace.';

/** The line of the system, whose CodeLens and hover show the total footprint. */
const SYSTEM_LINE = 'system streaming_platform';
/** The last input of the server, after which the completion test types. */
const SERVER_LAST_LINE = 'storage: ssd';
/** The example's line that names a built-in country. */
const COUNTRY_LINE = 'country: France';

/** What `efp eval` prints for the example: the figures the editor must show too. */
interface CliFigures {
    total: string;
    perYear: string;
    fabrication: string;
    energy: string;
    objects: Map<string, { fabrication: string; energy: string; total: string; share: string }>;
}

/** The 1-based number of the example's line that starts with `text` (after indentation). */
function lineOf(text: string): number {
    const index = fs.readFileSync(EXAMPLE, 'utf8').split('\n').findIndex((line) => line.trim().startsWith(text));
    if (index < 0) throw new Error(`examples/quickstart.efp has no line starting with "${text}"`);
    return index + 1;
}

/** `10,966.4 t`, `419.8 kg`: a mass as efp writes it, in kg. */
function kilograms(text: string): number {
    const [number, unit] = text.split(' ');
    return Number(number.replace(/,/g, '')) * ({ g: 1e-3, kg: 1, t: 1e3, kt: 1e6, Mt: 1e9 } as Record<string, number>)[unit];
}

/** A figure efp writes keeps four significant digits: it is within half of a unit of its fourth digit. */
const FOUR_DIGITS = 5e-4;

function cliFigures(): CliFigures {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', EXAMPLE], { encoding: 'utf8' });
    const total = /Total footprint: ([\d,.]+ \w+) CO2e over the period, ([\d,.]+ \w+) CO2e\/year on average/.exec(text)!;
    const phase = (name: string) => new RegExp(`^  ${name}\\s+([\\d,.]+ \\w+)`, 'm').exec(text)![1];
    const objects = new Map<string, { fabrication: string; energy: string; total: string; share: string }>();
    for (const m of text.matchAll(/^ {4}(.+?)\s{2,}([\d,.]+ \w+)\s+([\d,.]+ \w+)\s+([\d,.]+ \w+)\s+([\d.]+ %)$/gm)) {
        objects.set(m[1], { fabrication: m[2], energy: m[3], total: m[4], share: m[5] });
    }
    return { total: total[1], perYear: total[2], fabrication: phase('Fabrication'), energy: phase('Energy'), objects };
}

describe('efp extension in VS Code', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        // (diff.e2e.ts keeps its screenshots in diff/, whichever file runs first)
        for (const entry of fs.existsSync(RESULTS) ? fs.readdirSync(RESULTS) : []) {
            if (entry !== 'diff') fs.rmSync(path.join(RESULTS, entry), { recursive: true, force: true });
        }
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: { 'quickstart.efp': EXAMPLE },
            logFile: path.join(RESULTS, 'code-server.log')
        });
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile('quickstart.efp', OBJECT_LINE);
    });

    afterAll(async () => {
        // Each step is bounded so that a stuck browser cannot keep code-server alive
        await withTimeout(browser?.close(), 15_000).catch(() => undefined);
        await server?.stop();
    });

    afterEach(async ({ task }) => {
        if (task.result?.state === 'fail' && vscode) {
            await vscode.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
            // Give the next test the file as it is on disk, whatever this one left in the editor
            await vscode.restore().catch(() => undefined);
        }
    });

    test('the status bar shows the efp language mode', async () => {
        const mode = vscode.statusBarItem('status.editor.mode');
        // Without the extension's language contribution VS Code would show "Plain Text" here
        await expect.poll(() => mode.textContent(), { timeout: UI_TIMEOUT }).toBe('efp');
        await vscode.screenshot('01-language-mode');
    });

    test('the TextMate grammar highlights keywords', async () => {
        const line = OBJECT_LINE;
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
        await expect.poll(() => inspector.textContent(), { timeout: UI_TIMEOUT }).toContain('keyword.control.declaration.efp');
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

    test('hovering an input shows its value and its source', async () => {
        const hover = await vscode.hoverWord(INPUT_LINE, 'carbon_footprint_fabrication');
        // The hover comes from the language server's evaluated model: its header names the attribute
        // of the object, then the value in bold and where it comes from
        await expect.poll(() => hover.innerText({ timeout: 2_000 }), { timeout: UI_TIMEOUT }).toContain('web.carbon_footprint_fabrication');
        const text = await hover.innerText();
        expect(text).toContain('Carbon footprint fabrication (server "server")');
        expect(text).toMatch(/given · source: Base ADEME_V19/);
        // Rendered markdown, not raw text: the value is bold and the source a link
        await expect(hover.locator('strong', { hasText: /^600 kg$/ }).count()).resolves.toBe(1);
        await expect(hover.locator('a', { hasText: /^Base ADEME_V19$/ }).count()).resolves.toBe(1);
        expect(text).not.toContain('**');
        await vscode.animationsDone(hover);
        await vscode.screenshot('06-hover-input');
        await vscode.parkPointer();
    });

    test('hovering an object shows its footprint per year and over the modeling period', async () => {
        const hover = await vscode.hoverWord(OBJECT_LINE, 'web');
        await expect.poll(() => hover.innerText({ timeout: 2_000 }), { timeout: UI_TIMEOUT }).toContain('Over the modeling period');
        const text = await hover.innerText();
        expect(text).toContain('server web — "server" (e-footprint Server)');
        // e-footprint: fabrication 54,194.1 kg and energy 170,628.86 kg over 3 years, 74,941 kg a year
        expect(text).toContain('Footprint: 74.94 t CO2e/year');
        expect(text).toContain('fabrication 54.2 t CO2e · energy 170.6 t CO2e');
        await vscode.animationsDone(hover);
        await vscode.screenshot('07-hover-object');
        await vscode.parkPointer();
    });

    test('a unit of the wrong kind shows the model error in Problems, and undo clears it', async () => {
        const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
        const lineNumber = lines.findIndex((text) => text.trim() === VALID_LINE) + 1;
        expect(lineNumber, `examples/quickstart.efp has no line "${VALID_LINE}"`).toBeGreaterThan(0);
        // 1-based column of `300 Wh` once the line is edited
        const column = lines[lineNumber - 1].indexOf(VALID_LINE) + MODEL_ERROR_LINE.indexOf(MODEL_ERROR_VALUE) + 1;

        // `300 W` becomes `300 Wh`: still valid syntax, so the error can only come from the model
        await vscode.goToEndOfLine(lineNumber);
        await vscode.page.keyboard.type('h');
        await vscode.editorLine(MODEL_ERROR_LINE).waitFor();

        const problems = await vscode.showProblemsPanel();
        const entry = problems.locator('.monaco-list-row[aria-label^="Error:"]', { hasText: MODEL_ERROR_MESSAGE });
        await entry.first().waitFor({ timeout: DIAGNOSTICS_TIMEOUT });
        // Typing `h` opened the completion list (units starting with `Wh`): close it, it would cover the editor
        await vscode.closeSuggestions();
        await expect(entry.count()).resolves.toBe(1);
        const description = (await entry.getAttribute('aria-label')) ?? '';
        expect(description).toContain("'power' expects a power (W); `300 Wh` is an energy (kWh).");
        expect(description).toMatch(/generated by efp$/);
        expect(description).toMatch(new RegExp(`at line ${lineNumber} and character ${column}\\b`));
        await expect(entry.innerText()).resolves.toContain('dimension-mismatch');
        await expect.poll(async () => (await vscode.problemCounts()).errors, { timeout: DIAGNOSTICS_TIMEOUT }).toBeGreaterThan(0);

        // The squiggle is drawn under `300 Wh` on that line
        await expect.poll(() => vscode.errorSquiggles().count(), { timeout: DIAGNOSTICS_TIMEOUT }).toBeGreaterThan(0);
        const value = await vscode.wordCentre(MODEL_ERROR_LINE, MODEL_ERROR_VALUE);
        const boxes = await Promise.all((await vscode.errorSquiggles().all()).map((squiggle) => squiggle.boundingBox()));
        const under = boxes.filter((box) => box && box.x <= value.x && value.x <= box.x + box.width && Math.abs(box.y + box.height / 2 - value.y) < box.height);
        expect(under, `squiggles ${JSON.stringify(boxes)}, \`${MODEL_ERROR_VALUE}\` at ${JSON.stringify(value)}`).toHaveLength(1);
        await vscode.screenshot('08-model-error');

        await vscode.page.keyboard.press('Control+Z');
        await vscode.editorLine(MODEL_ERROR_LINE).waitFor({ state: 'detached' });
        await vscode.editorLine(VALID_LINE).waitFor();
        await expect.poll(() => vscode.problemCounts(), { timeout: DIAGNOSTICS_TIMEOUT }).toEqual({ errors: 0, warnings: 0 });
        await expect.poll(() => vscode.errorSquiggles().count(), { timeout: DIAGNOSTICS_TIMEOUT }).toBe(0);
        await expect.poll(() => problems.innerText(), { timeout: DIAGNOSTICS_TIMEOUT }).toContain(NO_PROBLEMS);
        await vscode.screenshot('09-model-error-undone');
    });

    test('completion offers the inputs an object lacks, and inserts the chosen one', async () => {
        const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
        const lineNumber = lines.findIndex((text) => text.trim() === SERVER_LAST_LINE) + 1;
        await vscode.goToEndOfLine(lineNumber);
        await vscode.page.keyboard.press('Enter');
        await vscode.page.keyboard.type('fixed_nb');
        const suggestions = vscode.page.locator('.editor-instance .suggest-widget').filter({ visible: true });
        const item = suggestions.locator('.monaco-list-row', { hasText: 'fixed_nb_of_instances' });
        await item.first().waitFor({ timeout: DIAGNOSTICS_TIMEOUT });
        await vscode.screenshot('10-completion');
        await vscode.page.keyboard.press('Enter');
        await vscode.editorLine('fixed_nb_of_instances:').waitFor();
        await suggestions.first().waitFor({ state: 'hidden' }).catch(() => vscode.page.keyboard.press('Escape'));
        await vscode.restore();
        await vscode.editorLine('fixed_nb_of_instances:').waitFor({ state: 'detached' });
    });

    test('hovering the system shows its computed total, the figures the CLI prints', async () => {
        const cli = cliFigures();
        await vscode.goToEndOfLine(lineOf(SYSTEM_LINE));
        const hover = await vscode.hoverWord(SYSTEM_LINE, 'streaming_platform');
        await expect.poll(() => hover.innerText({ timeout: 2_000 }), { timeout: UI_TIMEOUT }).toContain('Over the modeling period');
        const text = await hover.innerText();
        expect(text).toContain(`Footprint: ${cli.perYear} CO2e/year`);
        expect(text).toContain(`Over the modeling period: ${cli.total} CO2e`);
        // the hover links to the value's calculus graph and to the dashboard
        await expect(hover.locator('a', { hasText: /^Calculus graph$/ }).count()).resolves.toBe(1);
        await expect(hover.locator('a', { hasText: /^Footprint dashboard$/ }).count()).resolves.toBe(1);
        await vscode.animationsDone(hover);
        await vscode.screenshot('11-hover-computed');
        await vscode.parkPointer();
    });

    test('saving evaluates the model: the status bar and the CodeLens show the yearly footprint', async () => {
        const cli = cliFigures();
        await vscode.goToEndOfLine(lineOf(SYSTEM_LINE));
        await vscode.page.keyboard.press('Control+S');
        const item = vscode.statusBarText(/CO2e\/year/);
        // one figure, one unit: the status bar, the CodeLens and `efp eval` write the same string
        await expect.poll(() => item.first().textContent(), { timeout: UI_TIMEOUT }).toContain(`${cli.perYear} CO2e/year`);
        const lens = vscode.page.locator('.editor-instance .codelens-decoration', { hasText: 'Footprint:' });
        await expect.poll(() => lens.first().textContent(), { timeout: UI_TIMEOUT }).toContain(`Footprint: ${cli.perYear} CO2e/year`);
        await vscode.screenshot('12-status-bar-and-codelens');
    });

    test('the footprint dashboard shows the figures the CLI prints', async () => {
        const cli = cliFigures();
        // room for the panel: the Problems view has served its tests
        await vscode.runCommand('View: Hide Panel');
        await vscode.runCommand('efp: Show Footprint Dashboard');
        const frame = await vscode.webviewFrame('[data-testid="total"]');
        await expect.poll(() => frame.locator('[data-testid="total"]').innerText(), { timeout: UI_TIMEOUT }).toBe(cli.total);
        expect(await frame.locator('[data-testid="phase-fabrication"]').innerText()).toBe(cli.fabrication);
        expect(await frame.locator('[data-testid="phase-energy"]').innerText()).toBe(cli.energy);
        const ids: Record<string, string> = { server: 'web', 'SSD storage': 'ssd', 'WIFI network': 'wifi', 'Default laptop': 'laptop' };
        expect([...cli.objects.keys()].sort()).toEqual(Object.keys(ids).sort());
        for (const [name, figures] of cli.objects) {
            const id = ids[name];
            expect(await frame.locator(`[data-testid="object-${id}-fabrication"]`).innerText(), name).toBe(figures.fabrication);
            expect(await frame.locator(`[data-testid="object-${id}-energy"]`).innerText(), name).toBe(figures.energy);
            expect(await frame.locator(`[data-testid="object-${id}-total"]`).innerText(), name).toBe(figures.total);
        }
        // the charts drew: Chart.js and uPlot paint canvases
        await expect.poll(() => frame.locator('canvas').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(1);
        await vscode.page.waitForTimeout(1_000);
        await vscode.screenshot('13-dashboard');

        // everyday equivalents of the total, with factor and source: 12.4 g per smartphone charge (EPA)
        const charges = frame.locator('[data-testid="equivalent-smartphone_charge_epa_2024"]');
        const kgTotal = kilograms(cli.total); // to the CLI's four significant digits
        const shown = Number(((await charges.locator('.equivalent-value').innerText())).replace(/,/g, ''));
        expect(Math.abs(shown - (kgTotal * 1000) / 12.4) / shown).toBeLessThan(FOUR_DIGITS);
        expect(await charges.innerText()).toMatch(/12\.4 g CO2e each — .*EPA/);
        await frame.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('13b-dashboard-timeline');
        await charges.scrollIntoViewIfNeeded();
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('13c-dashboard-equivalents');
    });

    test('the calculus graph of the system traces its total down to the inputs, and a node leads to its line', async () => {
        const cli = cliFigures();
        // back to the model's editor (the dashboard has the focus)
        await vscode.page.locator('.tab', { hasText: 'quickstart.efp' }).first().click();
        await vscode.goToEndOfLine(lineOf(SYSTEM_LINE));
        await vscode.runCommand('efp: Show Calculus Graph of the Value at the Cursor');
        const frame = await vscode.webviewFrame('[data-id="streaming_platform.total_footprint"]');
        const root = frame.locator('[data-id="streaming_platform.total_footprint"]');
        const label = (await root.getAttribute('aria-label')) ?? '';
        const kg = Number(/Σ ([\d,.]+) kg/.exec(label)![1].replace(/,/g, ''));
        // the CLI's figure keeps four significant digits of it
        expect(Math.abs(kg - kilograms(cli.total)) / kg).toBeLessThan(FOUR_DIGITS);
        // down to the inputs: the server's power is one of them
        expect(await frame.locator('g.node').count()).toBeGreaterThan(30);
        const power = frame.locator('[data-id="web.power"]');
        expect(await power.getAttribute('aria-label')).toContain('300 W');
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('14-calculus-graph');

        // keyboard: Enter on a node reveals where the value is written
        const lineNumber = fs.readFileSync(EXAMPLE, 'utf8').split('\n').findIndex((text) => text.trim() === VALID_LINE) + 1;
        await power.focus();
        await vscode.page.keyboard.press('Enter');
        await vscode.statusBarItem('status.editor.selection').filter({ hasText: `Ln ${lineNumber},` }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.screenshot('15-graph-reveal');
    });

    test('the object graph shows how the usage pattern reaches the hardware', async () => {
        await vscode.page.locator('.tab', { hasText: /^quickstart\.efp/ }).first().click();
        await vscode.runCommand('efp: Show Object Graph');
        const frame = await vscode.webviewFrame('[data-id="french_households"]');
        for (const id of ['daily_video', 'watch', 'streaming', 'web', 'ssd', 'wifi', 'streaming_platform']) {
            await expect(frame.locator(`[data-id="${id}"]`).count(), id).resolves.toBe(1);
        }
        // the job runs on the server: an edge labelled with the input that links them
        await expect(frame.locator('text.edge-label', { hasText: /^server$/ }).count()).resolves.toBeGreaterThan(0);
        await vscode.page.waitForTimeout(500);
        await vscode.screenshot('16-object-graph');
    });

    test('a saved file with an error keeps the last results in the dashboard, marked stale, until it is fixed', async () => {
        const cli = cliFigures();
        const dashboardTab = vscode.page.locator('.tab', { hasText: 'Footprint: quickstart.efp' }).first();
        const modelTab = vscode.page.locator('.tab', { hasText: /^quickstart\.efp/ }).first();
        await modelTab.click();
        await vscode.goToEndOfLine(lineOf(VALID_LINE));
        await vscode.page.keyboard.type('h');
        await vscode.editorLine(MODEL_ERROR_LINE).waitFor();
        await vscode.closeSuggestions();
        await vscode.page.keyboard.press('Control+S');
        try {
            await dashboardTab.click();
            const frame = await vscode.webviewFrame('[data-testid="stale-banner"]');
            await expect.poll(() => frame.locator('[data-testid="stale-banner"]').innerText(), { timeout: UI_TIMEOUT }).toMatch(/last results that evaluated.*1 error/);
            expect(await frame.locator('[data-testid="total"]').innerText()).toBe(cli.total);
            // the status bar keeps the figure, with a warning sign
            await expect.poll(() => vscode.statusBarText(/CO2e\/year/).first().innerHTML(), { timeout: UI_TIMEOUT }).toContain('codicon-warning');
            await vscode.screenshot('17-dashboard-stale');
        } finally {
            // the file on disk must be the valid example again for the next tests
            await modelTab.click();
            await vscode.page.keyboard.press('Control+Z');
            await vscode.editorLine(MODEL_ERROR_LINE).waitFor({ state: 'detached' });
            await vscode.page.keyboard.press('Control+S');
            await vscode.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        }
        await dashboardTab.click();
        const fresh = await vscode.webviewFrame('[data-testid="total"]');
        await expect.poll(() => fresh.locator('[data-testid="stale-banner"]').isVisible(), { timeout: UI_TIMEOUT }).toBe(false);
        expect(await fresh.locator('[data-testid="total"]').innerText()).toBe(cli.total);
    });

    test('the panels survive a window reload', async () => {
        const cli = cliFigures();
        await vscode.runCommand('Developer: Reload Window');
        await vscode.page.locator('.monaco-workbench').waitFor();
        await vscode.page.locator('.tab', { hasText: 'Footprint: quickstart.efp' }).first().waitFor();
        await vscode.page.locator('.tab', { hasText: 'Calculus graph' }).first().waitFor();
        await vscode.page.locator('.tab', { hasText: 'Footprint: quickstart.efp' }).first().click();
        const frame = await vscode.webviewFrame('[data-testid="total"]');
        await expect.poll(() => frame.locator('[data-testid="total"]').innerText(), { timeout: UI_TIMEOUT }).toBe(cli.total);
        await vscode.page.locator('.tab', { hasText: 'Calculus graph' }).first().click();
        await vscode.webviewFrame('[data-id="streaming_platform.total_footprint"]');
        await vscode.screenshot('18-after-reload');
    });

    test('go to definition on a built-in name opens the built-in library, read-only', async () => {
        // after the reload, the restored panels' group may keep the model's editor from being the active one
        // (Go to Line then finds no text editor): the model alone, in one group
        await vscode.runCommand('View: Close All Editors');
        await vscode.page.locator('.tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        await vscode.openFile('quickstart.efp', OBJECT_LINE);
        // the panels of earlier tests hold the other editor group: give the model's editor the focus
        await vscode.editorLine(OBJECT_LINE).first().click();
        // the cursor into `France` from the keyboard: Go to Line, then Home (the first non-blank) and past `country: `
        await vscode.goToEndOfLine(lineOf(COUNTRY_LINE));
        await vscode.page.keyboard.press('Home');
        for (let i = 0; i < 'country: F'.length; i++) await vscode.page.keyboard.press('ArrowRight');
        await vscode.statusBarItem('status.editor.selection').filter({ hasText: `Ln ${lineOf(COUNTRY_LINE)}, Col 13` }).waitFor({ timeout: UI_TIMEOUT });
        await vscode.runCommand('Go to Definition');
        // the server's text of the library, under its own scheme, highlighted as .efp
        await vscode.page.locator('.tab.active', { hasText: 'library.efp' }).waitFor({ timeout: UI_TIMEOUT });
        const declaration = vscode.editorLine('country France "France"');
        await declaration.first().waitFor({ timeout: UI_TIMEOUT });
        expect((await vscode.lineTokens('country France "France"')).length).toBeGreaterThan(1);
        await expect.poll(() => vscode.statusBarItem('status.editor.mode').textContent(), { timeout: UI_TIMEOUT }).toBe('efp');
        // typing is refused: the library is no one's file to change
        await vscode.page.keyboard.type('x');
        await vscode.page.getByText('Cannot edit in read-only editor').first().waitFor({ timeout: UI_TIMEOUT });
        await expect(vscode.editorLine('xFrance').count()).resolves.toBe(0);
        await vscode.screenshot('20-builtin-library');
        await vscode.runCommand('View: Close Editor');
        await vscode.page.locator('.tab', { hasText: 'library.efp' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        // back to the top of the model, where the next test looks: the library took the place of the model's
        // preview tab, so the model is opened again (where its cursor was, on France), then Go to Line
        await vscode.openFile('quickstart.efp', COUNTRY_LINE);
        await vscode.editorLine(COUNTRY_LINE).first().click();
        await vscode.goToEndOfLine(lineOf(OBJECT_LINE));
    });

    test('the language server restarts on command, and checks the file again', async () => {
        await vscode.openFile('quickstart.efp', OBJECT_LINE);
        // the panels of earlier tests hold the other editor group: give the model's editor the focus
        await vscode.editorLine(OBJECT_LINE).first().click();
        await vscode.runCommand('efp: Restart Language Server');
        // a new server answers: a syntax error typed after the restart is reported, and undo clears it
        const lineNumber = fs.readFileSync(EXAMPLE, 'utf8').split('\n').findIndex((text) => text.trim() === VALID_LINE) + 1;
        await vscode.goToEndOfLine(lineNumber);
        await vscode.page.keyboard.type(' :');
        await vscode.showProblemsPanel();
        await expect.poll(async () => (await vscode.problemCounts()).errors, { timeout: DIAGNOSTICS_TIMEOUT }).toBeGreaterThan(0);
        await vscode.screenshot('21-after-restart');
        await vscode.page.keyboard.press('Control+Z');
        await expect.poll(() => vscode.problemCounts(), { timeout: DIAGNOSTICS_TIMEOUT }).toEqual({ errors: 0, warnings: 0 });
    });
});

function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
    return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
