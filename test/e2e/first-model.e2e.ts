// End-to-end: the first ten minutes (issue 18). A newcomer writes a small web shop's model into an empty
// shop.efp in a real VS Code (code-server) with only what the editor offers: Ctrl+Space and the suggest
// widget (a few letters typed to filter it), Tab and Enter through the snippets' placeholders, Ctrl+. for a
// quick fix, and the names they choose for their own objects. No other text is typed. The saved model
// evaluates without a problem, and the status bar says what `efp eval` prints. Screenshots land in
// test-results/e2e/first-model/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { closeAfterTests, launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/first-model');
const VSIX = path.join(ROOT, 'efp.vsix');
const FILE = 'shop.efp';

/** The snippets the language server offers where a declaration starts (generated from the class specs). */
const SNIPPETS = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/efp.json'), 'utf8')) as Record<string, { prefix: string[]; description: string; body: string[] }>;

/** The kinds a first model is made of, in the order completion offers them in an empty file (docs/editor.md). */
const FIRST_KINDS = ['server', 'job', 'usage_journey_step', 'usage_journey', 'usage_pattern', 'system', 'storage', 'device', 'network', 'country'];

function snippetOf(keyword: string): { description: string; body: string[] } {
    const snippet = Object.values(SNIPPETS).find(s => s.prefix[0] === keyword);
    if (!snippet) throw new Error(`snippets/efp.json has no snippet for ${keyword}`);
    return snippet;
}

/**
 * A tab stop of a snippet: its number, the line of the body it is on, the text it holds until changed, and how
 * many places write it (a server's name is mirrored in its storage's).
 */
interface TabStop {
    readonly index: number;
    readonly line: number;
    readonly text: string;
    readonly places: number;
}

/**
 * The tab stops of a kind's snippet in the order Tab visits them (1, 2, …, then 0, the end), each at its first
 * occurrence (`${1}` mirrors it); a choice (`${6|a,b|}`) holds its first value.
 */
function tabStops(keyword: string): TabStop[] {
    const stops = new Map<number, TabStop>();
    snippetOf(keyword).body.forEach((text, line) => {
        for (const m of text.matchAll(/\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)?\}|\$(\d+)/g)) {
            const index = Number(m[1] ?? m[4]);
            const stop = stops.get(index);
            stops.set(index, stop ? { ...stop, places: stop.places + 1 } : { index, line, text: m[2] ?? m[3]?.split(',')[0] ?? '', places: 1 });
        }
    });
    const ordered = [...stops.values()].sort((a, b) => a.index - b.index);
    const end = ordered.findIndex(s => s.index === 0);
    // `$0` comes last
    return end < 0 ? ordered : [...ordered.slice(0, end), ...ordered.slice(end + 1), ordered[end]];
}

/**
 * The text a kind's snippet writes with `values` typed or picked at some tab stops and every other one kept
 * (a choice its first value, a mirror what its tab stop holds), indented as the editor indents it (4 spaces).
 */
function written(keyword: string, values: Record<number, string>): string {
    const held = (index: number, text: string) => values[index] ?? text;
    const stops = new Map(tabStops(keyword).map(stop => [stop.index, held(stop.index, stop.text)]));
    return snippetOf(keyword).body.join('\n')
        .replace(/\$\{(\d+)(?::[^}]*|\|[^|]*\|)?\}|\$(\d+)/g, (_, braced: string | undefined, bare: string | undefined) => stops.get(Number(braced ?? bare)) ?? '')
        .replace(/\t/g, '    ');
}

/** What `efp eval` prints as the footprint per year (`338.9 kg CO2e/year`): the status bar writes the same. */
function cliPerYear(file: string): string {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', file], { encoding: 'utf8' });
    const line = /^Total footprint: .+ CO2e over the period, (.+ CO2e\/year) on average$/m.exec(text);
    if (!line) throw new Error(`efp eval printed no yearly footprint:\n${text}`);
    return line[1];
}

/** A row of the suggest widget: its label and its detail (what the item is). */
interface SuggestRow {
    readonly label: string;
    readonly detail: string;
}

describe('a first model typed with completion and quick fixes only', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;
    /** The editor's line (1-based) where the next declaration starts. */
    let nextLine = 1;

    const suggestWidget = (): Locator => vscode.page.locator('.editor-instance .suggest-widget').filter({ visible: true });
    const selection = (): Locator => vscode.statusBarItem('status.editor.selection');

    /** The rows the suggest widget shows, top to bottom. */
    async function suggestRows(): Promise<SuggestRow[]> {
        const rows = await suggestWidget().locator('.monaco-list-row').all();
        const read = await Promise.all(rows.map(async row => ({
            index: Number(await row.getAttribute('data-index')),
            label: (await row.locator('.label-name').first().textContent()) ?? '',
            detail: (await row.locator('.details-label').first().textContent().catch(() => '')) ?? ''
        })));
        return read.sort((a, b) => a.index - b.index).map(({ label, detail }) => ({ label, detail }));
    }

    /** The focused row's label. */
    async function focusedLabel(): Promise<string> {
        return (await suggestWidget().locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    }

    /**
     * Ctrl+Space, until the list shows `label`. The first time, the language server may still be starting: the
     * editor then says "No suggestions", which Escape closes before asking again.
     */
    async function openSuggestions(label?: string, retry = false): Promise<void> {
        const rows = suggestWidget().locator('.monaco-list-row .label-name');
        const row = label === undefined ? rows : rows.filter({ hasText: new RegExp(`^${label}$`) });
        for (let waited = 0; ; waited += 10_000) {
            await vscode.page.keyboard.press('Control+Space');
            try {
                await row.first().waitFor({ timeout: retry ? 10_000 : UI_TIMEOUT });
                return;
            } catch (e) {
                if (!retry || waited >= UI_TIMEOUT) throw e;
                await vscode.page.keyboard.press('Escape');
            }
        }
    }

    /**
     * Accepts the item `label` of the open suggest widget with Enter, after typing `filter` (a few letters of
     * it, as people narrow a list) and moving the focus onto it with the arrow keys if it is not the first.
     */
    async function accept(label: string, filter = '', screenshot?: string): Promise<void> {
        if (filter) await vscode.page.keyboard.type(filter);
        await suggestWidget().locator('.monaco-list-row .label-name', { hasText: new RegExp(`^${label}$`) }).first().waitFor();
        // the focus on the item, and still on it a moment later: the server's answer to the last letter typed
        // may replace the list (and put the focus back on its first item) after an arrow key moved it
        for (let moves = 0, steady = 0; steady < 2;) {
            if ((await focusedLabel()) === label) {
                steady++;
                await vscode.page.waitForTimeout(300);
                continue;
            }
            steady = 0;
            if (++moves > 20) throw new Error(`the suggest widget never focused ${label}: ${JSON.stringify(await suggestRows())}`);
            await vscode.page.keyboard.press('ArrowDown');
        }
        if (screenshot) await vscode.screenshot(screenshot);
        await vscode.page.keyboard.press('Enter');
        await suggestWidget().first().waitFor({ state: 'hidden' });
    }

    /** Waits until the cursor selects `stop`'s text on its line (or, for `$0`, sits at its line's start). */
    async function atStop(stop: TabStop, firstLine: number): Promise<void> {
        const line = firstLine + stop.line;
        const expected = stop.index === 0 ? new RegExp(`^Ln ${line}, Col 1$`)
            : stop.places > 1 ? new RegExp(`^${stop.places} selections \\(${stop.places * stop.text.length} characters selected\\)$`)
            : new RegExp(`^Ln ${line}, Col \\d+ \\(${stop.text.length} selected\\)$`);
        await expect.poll(async () => ((await selection().textContent()) ?? '').trim(), { timeout: UI_TIMEOUT }).toMatch(expected);
    }

    /**
     * Declares an object from its kind's snippet: Ctrl+Space on an empty line, the kind (filtered by its first
     * letters), then Tab from placeholder to placeholder, `fill` doing what the user does at some of them (a
     * name typed, a reference picked from completion); the others keep the snippet's value. Returns the
     * declaration's first line.
     */
    async function declare(kind: string, filter: string, fill: Record<number, () => Promise<void>>): Promise<number> {
        const firstLine = nextLine;
        await openSuggestions(FIRST_KINDS[0], firstLine === 1);
        await accept(kind, filter);
        const stops = tabStops(kind);
        for (const [i, stop] of stops.entries()) {
            await atStop(stop, firstLine);
            if (stop.index === 0) break;
            await fill[stop.index]?.();
            // the next placeholder (at a choice, Tab takes the value shown and goes on)
            await vscode.page.keyboard.press('Tab');
            if (i === stops.length - 1) throw new Error(`${kind}'s snippet has no $0`);
        }
        nextLine = firstLine + stops.at(-1)!.line;
        return firstLine;
    }

    /** At a placeholder: the name the user chooses for a new object. */
    const name = (text: string) => async () => {
        await vscode.page.keyboard.type(text);
    };

    /**
     * At a placeholder naming another object: delete the snippet's stand-in, Ctrl+Space, check that every
     * item is an object of the kinds the input takes, and take `label` (after typing `filter`).
     */
    const pick = (label: string, kinds: readonly string[], screenshot: string, filter = '', filtered?: string) => async () => {
        await vscode.page.keyboard.press('Backspace');
        await openSuggestions(filter ? undefined : label);
        const rows = await suggestRows();
        if (!filter) expect(rows[0].label, 'the object the model declares comes first').toBe(label);
        for (const row of rows) expect(kinds.some(k => row.detail.startsWith(`${k} ·`) || row.detail === k), `${row.label}: ${row.detail}`).toBe(true);
        await vscode.screenshot(screenshot);
        await accept(label, filter, filtered);
    };

    /**
     * The editor's rendered line that matches `text`, inlay hints included. The editor draws spaces as
     * no-break spaces, which a regular expression's ` ` does not match: it is read as `\s`.
     */
    const editorLine = (text: RegExp): Locator =>
        vscode.page.locator('.editor-instance .view-lines .view-line', { hasText: new RegExp(text.source.replace(/ /g, '\\s'), text.flags) }).first();

    /**
     * Waits until the language server has read the declaration as it now is (its CodeLens shows right above its
     * line: the server answers lenses once the text is linked, and checks it right after), then for no error in
     * Problems but the model's lack of a system until the system is declared (efp eval refuses a model without
     * one, so the editor says so): every name the declaration writes resolves.
     */
    async function expectNoErrors(declaration: RegExp, { systemYet = false } = {}): Promise<void> {
        const line = editorLine(declaration);
        await expect.poll(async () => {
            const box = await line.boundingBox();
            if (!box) return false;
            const lenses = await vscode.page.locator('.editor-instance .codelens-decoration').all();
            const boxes = await Promise.all(lenses.map(lens => lens.boundingBox()));
            return boxes.some(lens => lens !== null && lens.height > 0 && Math.abs(lens.y + lens.height - box.y) <= box.height);
        }, { timeout: UI_TIMEOUT }).toBe(true);
        // before the system, one error: the model's want of one (test/language/one-verdict.test.ts says it)
        await expect.poll(async () => (await vscode.problemCounts()).errors, { timeout: UI_TIMEOUT }).toBe(systemYet ? 0 : 1);
    }

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: {},
            logFile: path.join(RESULTS, 'code-server.log'),
            prepare: workspace => fs.writeFileSync(path.join(workspace, FILE), '')
        });
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile(FILE, '');
        await vscode.statusBarItem('status.editor.mode').filter({ hasText: /^efp$/ }).waitFor();
    });

    closeAfterTests(() => ({ browser, server, vscode }));

    test('an empty file offers the kinds of a first model first, each with its documentation', async () => {
        await openSuggestions('server', true);
        const rows = await suggestRows();
        expect(rows.slice(0, FIRST_KINDS.length).map(r => r.label)).toEqual(FIRST_KINDS);
        expect(rows[0].detail).toBe('Server (e-footprint)');
        expect(await focusedLabel()).toBe('server');
        // Ctrl+Space again shows the focused item's documentation: what a server is, and what the item writes
        await vscode.page.keyboard.press('Control+Space');
        const details = vscode.page.locator('.editor-instance .suggest-details').filter({ visible: true });
        await expect.poll(() => details.innerText(), { timeout: UI_TIMEOUT }).toContain(snippetOf('server').description);
        const documentation = await details.innerText();
        expect(documentation).toContain('server server_name "Server" {');
        // the storage it declares, named after the server as Tab will write it
        expect(documentation).toContain('storage server_name_storage from ssd {}');
        await vscode.screenshot('01-empty-file-completion');
        await vscode.page.keyboard.press('Escape');
        await suggestWidget().first().waitFor({ state: 'hidden' });
    });

    test('a server from its snippet, with a storage of its own', async () => {
        const line = await declare('server', '', { 1: name('web') });
        expect(line).toBe(1);
        await editorLine(/^\s*storage: web_storage$/).waitFor();
        await editorLine(/^storage web_storage\b.* from ssd \{\}$/).waitFor();
        await expectNoErrors(/^storage web_storage\b/);
        await vscode.screenshot('02-server');
    });

    test('a job on the server: only servers are offered after `on`', async () => {
        await declare('job', 'job', { 1: name('product_page'), 3: pick('web', ['server', 'gpu_server', 'cloud_server'], '03-job-on-servers-only') });
        await expectNoErrors(/^job product_page "Job" on web \{$/);
    });

    test('a usage journey step with the job: only jobs are offered in `jobs: [ ]`', async () => {
        await declare('usage_journey_step', 'usage', { 1: name('browse_products'), 4: pick('product_page', ['job', 'gpu_job', 'video_streaming_job', 'web_application_job', 'genai_job'], '04-step-jobs-only') });
        await editorLine(/^\s*jobs: \[product_page\]$/).waitFor();
        await expectNoErrors(/^usage_journey_step browse_products\b/);
    });

    test('a usage journey with the step: only steps are offered in `uj_steps: [ ]`', async () => {
        await declare('usage_journey', 'usage', { 1: name('buy_online'), 3: pick('browse_products', ['usage_journey_step'], '05-journey-steps-only') });
        await editorLine(/^\s*uj_steps: \[browse_products\]$/).waitFor();
        await expectNoErrors(/^usage_journey buy_online\b/);
    });

    test('a usage pattern with the journey, the snippet\'s built-in laptop and wifi, and a built-in country', async () => {
        await declare('usage_pattern', 'usage_p', {
            1: name('french_shoppers'),
            4: pick('buy_online', ['usage_journey'], '06-pattern-journeys-only'),
            7: pick('France', ['country'], '07-pattern-countries', 'Fra', '07b-pattern-countries-filtered')
        });
        await editorLine(/^\s*usage_journey: buy_online$/).waitFor();
        await editorLine(/^\s*devices: \[laptop\]$/).waitFor();
        await editorLine(/^\s*network: wifi_network$/).waitFor();
        await editorLine(/^\s*country: France$/).waitFor();
        await expectNoErrors(/^usage_pattern french_shoppers\b/);
    });

    test('a system with the usage pattern, then the quick fix that writes the model period', async () => {
        const line = await declare('system', 'sys', { 1: name('web_shop'), 3: pick('french_shoppers', ['usage_pattern'], '08-system-patterns-only') });
        await editorLine(/^\s*usage_patterns: \[french_shoppers\]$/).waitFor();
        await expectNoErrors(/^system web_shop\b/, { systemYet: true });
        await vscode.page.keyboard.press('Control+S');
        await vscode.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        // the period efp assumed is said on the system's name; Ctrl+. there offers to write it out
        const { x, y } = await vscode.wordCentre(`system web_shop`, 'web_shop');
        await vscode.page.mouse.click(x, y);
        await vscode.parkPointer();
        await selection().filter({ hasText: `Ln ${line},` }).waitFor();
        const fix = vscode.page.locator('.action-widget .monaco-list-row', { hasText: "Add 'model { start_date: 2025-01-01  modeling_duration: 1 year }'" });
        await expect.poll(async () => {
            await vscode.page.keyboard.press('Control+.');
            const shown = await fix.first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
            if (!shown) await vscode.page.keyboard.press('Escape');
            return shown;
        }, { timeout: UI_TIMEOUT }).toBe(true);
        await vscode.screenshot('09-quick-fix-model-period');
        // the arrow keys onto it (the preferred fix is focused first), Enter applies it
        for (let moves = 0; !(await fix.first().getAttribute('class'))?.split(' ').includes('focused'); moves++) {
            if (moves > 10) throw new Error('the quick fix menu never focused the model period fix');
            await vscode.page.keyboard.press('ArrowDown');
        }
        await vscode.page.keyboard.press('Enter');
        // written at the top of the file, before the first declaration: Ctrl+Home shows it
        await vscode.page.keyboard.press('Control+Home');
        await editorLine(/^model \{$/).waitFor();
        await editorLine(/^\s*start_date: 2025-01-01$/).waitFor();
        await editorLine(/^\s*modeling_duration: 1 year$/).waitFor();
        await vscode.screenshot('10-model-period-written');
    });

    test('the saved model has no problem, and the status bar shows what efp eval prints', async () => {
        await vscode.page.keyboard.press('Control+S');
        await vscode.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
        const saved = path.join(server!.workspace, FILE);
        // every character is the snippets', the quick fix's or a name chosen for a new object
        expect(fs.readFileSync(saved, 'utf8')).toBe([
            'model {\n  start_date: 2025-01-01\n  modeling_duration: 1 year\n}\n\n',
            written('server', { 1: 'web' }),
            written('job', { 1: 'product_page', 3: 'web' }),
            written('usage_journey_step', { 1: 'browse_products', 4: 'product_page' }),
            written('usage_journey', { 1: 'buy_online', 3: 'browse_products' }),
            written('usage_pattern', { 1: 'french_shoppers', 4: 'buy_online', 7: 'France' }),
            written('system', { 1: 'web_shop', 3: 'french_shoppers' })
        ].join(''));
        // the status bar and the system's CodeLens write the yearly footprint as efp eval does, to the character
        const perYear = cliPerYear(saved);
        const item = vscode.statusBarText(/CO2e\/year/).first();
        await expect.poll(async () => (await item.innerText()).replace(/\u00a0/g, ' ').trim(), { timeout: UI_TIMEOUT }).toBe(perYear);
        expect(await item.innerHTML()).not.toContain('codicon-warning');
        await vscode.page.keyboard.press('Control+End');
        const lens = vscode.page.locator('.editor-instance .codelens-decoration', { hasText: 'Footprint:' }).first();
        await expect.poll(async () => (await lens.textContent())?.replace(/\u00a0/g, ' ').split('|')[0].trim(), { timeout: UI_TIMEOUT }).toBe(`Footprint: ${perYear}`);
        expect(await vscode.problemCounts()).toEqual({ errors: 0, warnings: 0 });
        await vscode.parkPointer();
        await vscode.screenshot('11-system-footprint');
        // not even an information left: the period efp assumed is written
        const problems = await vscode.showProblemsPanel();
        await expect.poll(() => problems.innerText(), { timeout: UI_TIMEOUT }).toContain('No problems have been detected in the workspace.');
        expect(await vscode.problemCounts()).toEqual({ errors: 0, warnings: 0 });
        await vscode.screenshot('12-no-problems');
    });
});
