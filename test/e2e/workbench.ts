// Drives the VS Code workbench that code-server serves, through headless Debian Chromium.
// Only DOM selectors that VS Code 1.100 itself renders are used; every wait has a bound so a broken
// UI fails the test instead of hanging it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import type { CodeServer } from './code-server.js';

/** Debian's Chromium: the tests never use a browser that a tool downloaded by itself. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
    '--no-sandbox', // runs as root in CI containers
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // No traffic of its own: the machine only reaches the npm registry and apt
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** Upper bound for any single UI wait; code-server on 2 cores needs a few seconds per step. */
export const UI_TIMEOUT = 60_000;

/**
 * The hooks every end-to-end file closes with: a screenshot of a failed test (its name in the file's
 * name), and after the last test the browser closed and code-server stopped. `session` reads the file's
 * variables when the hooks run: they are set in its beforeAll.
 */
export function closeAfterTests(session: () => { browser?: Browser; server?: CodeServer; vscode?: Workbench }): void {
    afterAll(async () => {
        const { browser, server } = session();
        await browser?.close().catch(() => undefined);
        await server?.stop();
    });
    afterEach(async ({ task }) => {
        const { vscode } = session();
        if (task.result?.state === 'fail' && vscode) await vscode.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    });
}

export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run scripts/install-code-server.sh`);
    // Chromium keeps crash-report and dconf folders under $HOME even with a temporary profile
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'efp-e2e-chromium-'));
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, env, headless: true, timeout: UI_TIMEOUT });
    browser.once('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
    return browser;
}

/** The few DOM types that code evaluated in the page uses. */
interface BrowserText {
    readonly data: string;
}
interface BrowserDocument {
    createTreeWalker(root: unknown, whatToShow: number): { nextNode(): BrowserText | null };
    createRange(): {
        setStart(node: BrowserText, offset: number): void;
        setEnd(node: BrowserText, offset: number): void;
        getBoundingClientRect(): { x: number; y: number; width: number; height: number };
    };
}

export class Workbench {
    private constructor(
        readonly page: Page,
        private readonly screenshotDir: string
    ) {}

    /** Opens the workbench at `url` and waits until the explorer shows the workspace's files. */
    static async open(browser: Browser, url: string, screenshotDir: string): Promise<Workbench> {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        page.setDefaultTimeout(UI_TIMEOUT);
        page.setDefaultNavigationTimeout(UI_TIMEOUT);
        await page.goto(url);
        await page.locator('.monaco-workbench').waitFor();
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
        fs.mkdirSync(screenshotDir, { recursive: true });
        return new Workbench(page, screenshotDir);
    }

    /** Opens a workspace file through Quick Open, as a user would, and waits for its text. */
    async openFile(name: string, someLineOfIt: string): Promise<void> {
        await this.quickOpen(name);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await this.page.keyboard.press('Enter');
        // the file may be open in two editor groups (a graph's node opens its line beside the panel), and
        // Quick Open may reveal it in a group that a panel keeps from being the active one: either tab
        // and either editor holds the text; a test that types clicks the editor first
        await this.page.locator('.tab.active', { hasText: name }).first().waitFor();
        await this.editorLine(someLineOfIt).first().waitFor();
    }

    /** Runs a command from the Command Palette by its title. */
    async runCommand(title: string): Promise<void> {
        const input = await this.openQuickInput('F1');
        await input.fill(`>${title}`);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await this.page.keyboard.press('Enter');
    }

    /** Moves the cursor to the end of a 1-based line with Go to Line. */
    async goToEndOfLine(line: number): Promise<void> {
        await this.quickOpen(`:${line}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await this.page.keyboard.press('End');
        await this.statusBarItem('status.editor.selection').filter({ hasText: `Ln ${line},` }).waitFor();
    }

    /** A rendered line of the active editor (VS Code renders spaces as &nbsp;, which hasText normalises). */
    editorLine(text: string): Locator {
        return this.page.locator('.editor-instance .view-lines .view-line', { hasText: text });
    }

    /** The tokens Monaco rendered for a line: one span per run of equally coloured text. */
    async lineTokens(text: string): Promise<{ text: string; className: string }[]> {
        const spans = await this.editorLine(text).first().locator('span > span').all();
        return Promise.all(
            spans.map(async (span) => ({
                text: ((await span.textContent()) ?? '').replace(/\u00a0/g, ' '),
                className: (await span.getAttribute('class')) ?? ''
            }))
        );
    }

    /**
     * Rests the mouse pointer on `word` in the rendered line that contains `lineText`, as a user pointing
     * at it does, and returns the editor's hover widget (it becomes visible once the hover has content).
     */
    async hoverWord(lineText: string, word: string): Promise<Locator> {
        for (let attempt = 1; ; attempt++) {
            const { x, y } = await this.wordCentre(lineText, word);
            // A few intermediate moves, like a real pointer: Monaco starts its hover delay on mousemove
            await this.page.mouse.move(x, y, { steps: 5 });
            try {
                await this.editorHover().waitFor({ timeout: 5_000 });
                return this.editorHover();
            } catch (e) {
                // the line was drawn again under the pointer (an inlay hint arrived): point at it anew
                if (attempt === 3) throw e;
                await this.page.mouse.move(190, 400, { steps: 3 });
            }
        }
    }

    /** Waits (at most 2 s) until an element's CSS animations, such as the hover's fade-in, have finished. */
    async animationsDone(element: Locator): Promise<void> {
        await element.evaluate((node) => {
            const animated = node as unknown as { getAnimations(options: { subtree: boolean }): { finished: Promise<unknown> }[] };
            const finished = Promise.all(animated.getAnimations({ subtree: true }).map((animation) => animation.finished));
            return Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        }, undefined, { timeout: UI_TIMEOUT });
    }

    /** The editor's hover widget while it is shown (the one for the mouse pointer or the keyboard). */
    editorHover(): Locator {
        return this.page.locator('.editor-instance .monaco-hover:not(.hidden)');
    }

    /** Moves the pointer onto the Explorer's empty part and waits until no editor hover is shown. */
    async parkPointer(): Promise<void> {
        await this.page.mouse.move(190, 400, { steps: 5 });
        await this.editorHover().waitFor({ state: 'hidden' });
    }

    /** Page coordinates of the middle of `text` (may span several tokens) in the rendered line that contains `lineText`. */
    async wordCentre(lineText: string, text: string): Promise<{ x: number; y: number }> {
        // a line is drawn again when its decorations change (an inlay hint arrives): measure until it holds still
        for (let attempt = 1; ; attempt++) {
            try {
                return await this.measureWord(lineText, text);
            } catch (e) {
                if (attempt === 10) throw e;
                await this.page.waitForTimeout(500);
            }
        }
    }

    private async measureWord(lineText: string, text: string): Promise<{ x: number; y: number }> {
        const line = this.editorLine(lineText).first();
        await line.waitFor();
        // Measured by the browser itself: fonts, token spans and inlay hints on the line don't matter
        const box = await line.evaluate((element, wanted) => {
            // Runs in the page (the project compiles without the DOM's types: BrowserDocument says what is used)
            const document = (globalThis as unknown as { document: BrowserDocument }).document;
            const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT
            const nodes: BrowserText[] = [];
            const walker = document.createTreeWalker(element, SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
            const whole = nodes.map((node) => node.data.replace(/\u00a0/g, ' ')).join('');
            const start = whole.indexOf(wanted);
            if (start < 0) return undefined;
            const range = document.createRange();
            let offset = 0;
            for (const node of nodes) {
                const end = offset + node.data.length;
                if (offset <= start && start < end) range.setStart(node, start - offset);
                if (offset < start + wanted.length && start + wanted.length <= end) range.setEnd(node, start + wanted.length - offset);
                offset = end;
            }
            const rect = range.getBoundingClientRect();
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }, text);
        if (!box || box.width === 0) throw new Error(`"${text}" is not rendered in the editor line with "${lineText}"`);
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }

    /**
     * Closes the editor's completion list, which typing a word opens once the language server answers:
     * waits up to `appearMs` for it to show up (it may be on its way), then dismisses it with Escape.
     */
    async closeSuggestions(appearMs = 5_000): Promise<void> {
        const suggestions = this.page.locator('.editor-instance .suggest-widget').filter({ visible: true });
        try {
            await suggestions.first().waitFor({ timeout: appearMs });
        } catch {
            return; // nothing to complete here
        }
        await this.page.keyboard.press('Escape');
        await suggestions.first().waitFor({ state: 'hidden' });
    }

    /**
     * After a failed test: closes whatever popup it left open, parks the pointer and reverts the active
     * editor to the file on disk, so that the next test starts from the unchanged example.
     */
    async restore(): Promise<void> {
        await this.page.keyboard.press('Escape');
        await this.page.mouse.move(190, 400);
        await this.runCommand('File: Revert File');
        await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    }

    /** Error squiggles that the editor draws for error diagnostics. */
    errorSquiggles(): Locator {
        return this.page.locator('.editor-instance .view-overlays .squiggly-error');
    }

    statusBarItem(id: string): Locator {
        return this.page.locator(`.statusbar [id="${id}"]`);
    }

    /** The error and warning counts of the status bar's Problems item (it reads "⊗ 1 ⚠ 0"). */
    async problemCounts(): Promise<{ errors: number; warnings: number }> {
        const text = (await this.statusBarItem('status.problems').textContent()) ?? '';
        const match = /(\d+)\D+(\d+)/.exec(text);
        if (!match) throw new Error(`unexpected Problems status text: ${JSON.stringify(text)}`);
        return { errors: Number(match[1]), warnings: Number(match[2]) };
    }

    /** Opens the Problems panel (the status bar item toggles it, so only click while it is closed). */
    async showProblemsPanel(): Promise<Locator> {
        const panel = this.page.locator('.part.panel .markers-panel');
        if (!(await panel.isVisible())) await this.statusBarItem('status.problems').click();
        await panel.waitFor();
        return panel;
    }

    /** Expands the Explorer's Outline view, whose entries come from the language server's document symbols. */
    async showOutline(): Promise<Locator> {
        const header = this.page.locator('.pane-header', { hasText: 'Outline' });
        if ((await header.getAttribute('aria-expanded')) !== 'true') {
            await header.click();
            // Park the pointer on the empty part of the Explorer, where no tooltip can appear and
            // cover what the screenshots show
            await this.page.mouse.move(190, 400);
        }
        return this.page.locator('.pane', { has: header }).locator('.monaco-list-row');
    }

    /**
     * The frame of a webview panel's content: VS Code nests it two iframes deep, and keeps hidden
     * panels' frames in the page, so the frame is the one whose document shows `selector`.
     */
    async webviewFrame(selector: string, timeout = UI_TIMEOUT): Promise<Frame> {
        for (let waited = 0; waited < timeout; waited += 250) {
            for (const frame of this.page.frames()) {
                if (frame === this.page.mainFrame()) continue;
                const visible = await frame.locator(selector).first().isVisible().catch(() => false);
                if (visible) return frame;
            }
            await this.page.waitForTimeout(250);
        }
        throw new Error(`no webview shows ${selector} within ${timeout} ms`);
    }

    /** A status bar item by (part of) its text. */
    statusBarText(text: string | RegExp): Locator {
        return this.page.locator('.statusbar .statusbar-item', { hasText: text });
    }

    async screenshot(name: string): Promise<string> {
        const file = path.join(this.screenshotDir, `${name}.png`);
        await this.page.screenshot({ path: file, timeout: UI_TIMEOUT });
        return file;
    }

    private async quickOpen(text: string): Promise<void> {
        const input = await this.openQuickInput('Control+P');
        await input.fill(text);
    }

    /**
     * Opens the quick input with its key. The key is now and then lost (a webview that had the focus, a
     * tab's tooltip under the pointer): then the pointer moves to the editor, Escape closes whatever is
     * open, and the key is pressed again.
     */
    private async openQuickInput(key: string) {
        const input = this.page.locator('.quick-input-widget input');
        for (let attempt = 1; ; attempt++) {
            await this.page.keyboard.press(key);
            try {
                await input.waitFor({ timeout: 5_000 });
                return input;
            } catch (e) {
                if (attempt === 4) throw e;
                await this.page.mouse.move(700, 500);
                await this.page.keyboard.press('Escape');
            }
        }
    }
}
