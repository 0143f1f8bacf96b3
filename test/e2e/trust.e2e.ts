// End-to-end: the extension in a workspace VS Code does not trust (Restricted Mode), as a folder cloned
// from a stranger's pull request opens, holding hostile text: what a model may read, what its text may
// become in a hover, and figures that follow a data file changed on disk. Screenshots in test-results/e2e/trust/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { closeAfterTests, launchChromium, UI_TIMEOUT, Workbench } from './workbench.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results/e2e/trust');
const VSIX = path.join(ROOT, 'efp.vsix');
const CSV = path.join(ROOT, 'test/fixtures/codecarbon/example_emissions_v3.3.csv');

/** A system label a stranger wrote: HTML, Markdown emphasis and a link to a command that would quit VS Code. */
const HOSTILE_LABEL = '<img src=x onerror=alert(1)> **bold** [quit](command:workbench.action.quit)';

const LAB = `model "Measured runs" { start_date: 2026-01-01  modeling_duration: 1 year }
measurement training "LoRA fine-tuning" { file: "runs/emissions.csv" }
system lab "${HOSTILE_LABEL}" { measurements: [training] }
`;

/** A model that imports a file through a link from inside the workspace to a folder outside it. */
const LINKED_IMPORT = `import "linked/network.efp"
model "Linked" { start_date: 2026-01-01  modeling_duration: 1 year }
`;

/** What `efp eval` prints as the model's footprint per year (the CLI's figure, which the status bar must show too). */
function cliPerYear(workspace: string): string {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin/efp.cjs'), 'eval', path.join(workspace, 'lab.efp')], { encoding: 'utf8', cwd: workspace });
    return /CO2e over the period, ([\d,.]+ \w+) CO2e\/year on average/.exec(text)![1];
}

describe('efp in an untrusted workspace, with hostile text and data files changed on disk', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let vscode: Workbench;
    let outside: string;

    beforeAll(async () => {
        if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
        fs.rmSync(RESULTS, { recursive: true, force: true });
        server = await startCodeServer({
            vsix: VSIX,
            workspaceFiles: { 'runs/emissions.csv': CSV },
            logFile: path.join(RESULTS, 'code-server.log'),
            trusted: false,
            // the user allows reading outside the workspace; an untrusted workspace still may not
            userSettings: { 'efp.files.allowOutsideWorkspace': true },
            prepare: (workspace, home) => {
                fs.writeFileSync(path.join(workspace, 'lab.efp'), LAB);
                fs.writeFileSync(path.join(workspace, 'linked-import.efp'), LINKED_IMPORT);
                outside = path.join(home, 'outside');
                fs.mkdirSync(outside);
                fs.writeFileSync(path.join(outside, 'network.efp'), 'network wifi from wifi_network {}\n');
                fs.symlinkSync(outside, path.join(workspace, 'linked'));
                // a repository, so that only the workspace's trust keeps efp from running git in it
                execFileSync('git', ['init', '-q'], { cwd: workspace });
            }
        });
        browser = await launchChromium();
        vscode = await Workbench.open(browser, server.url, RESULTS);
        await vscode.openFile('lab.efp', 'measurement training');
    });

    closeAfterTests(() => ({ browser, server, vscode }));

    test('a label with HTML, Markdown and a command link shows as the text it is in the hover', async () => {
        const expected = cliPerYear(server!.workspace);
        // the model evaluated: the status bar has its figure (the same as efp eval's)
        await vscode.statusBarText(`${expected} CO2e`).waitFor({ timeout: UI_TIMEOUT });
        // the line is drawn again when its inlay hint (the yearly figure) arrives: point at it once it has
        await expect.poll(() => vscode.editorLine('system lab').first().innerText(), { timeout: UI_TIMEOUT }).toContain('CO2e/year');
        const hover = await vscode.hoverWord('system lab', 'lab');
        await hover.waitFor();
        await expect.poll(() => hover.innerText(), { timeout: UI_TIMEOUT }).toContain(HOSTILE_LABEL);
        // nothing of the label became markup: no image, no emphasis, no link to the command
        expect(await hover.locator('img').count()).toBe(0);
        expect(await hover.locator('strong, b').filter({ hasText: 'bold' }).count()).toBe(0);
        expect(await hover.locator('a').evaluateAll(links => links.map(a => `${a.getAttribute('href')} ${a.getAttribute('data-href')}`).join(' '))).not.toContain('workbench.action.quit');
        await vscode.animationsDone(hover);
        await vscode.screenshot('01-hostile-label-hover');
        await vscode.parkPointer();
    });

    test('a data file changed on disk changes the figures, without touching the model', async () => {
        const before = cliPerYear(server!.workspace);
        await vscode.statusBarText(`${before} CO2e`).waitFor({ timeout: UI_TIMEOUT });
        // the system's CodeLens and inlay hint show the figure too; the editor asks for them only when the text changes
        const lens = vscode.page.locator('.editor-instance .codelens-decoration', { hasText: 'Footprint:' }).first();
        const hint = () => vscode.editorLine('system lab').first().innerText().then(text => /≈ ([\d.,]+ \w+ CO2e\/year)/.exec(text.replace(/\u00a0/g, ' '))?.[1]);
        const lensBefore = await lens.innerText();
        const hintBefore = await hint();
        expect(hintBefore).toBeDefined();
        // the last run dropped from the CSV, as a user re-running CodeCarbon's export might
        const csv = path.join(server!.workspace, 'runs/emissions.csv');
        const rows = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
        fs.writeFileSync(csv, rows.slice(0, -1).join('\n') + '\n');
        const after = cliPerYear(server!.workspace);
        expect(after).not.toBe(before);
        await vscode.statusBarText(`${after} CO2e`).waitFor({ timeout: UI_TIMEOUT });
        await expect.poll(() => lens.innerText(), { timeout: UI_TIMEOUT }).not.toBe(lensBefore);
        await expect.poll(hint, { timeout: UI_TIMEOUT }).not.toBe(hintBefore);
        // the inlay hint and the CodeLens write the system's figure as the status bar and `efp eval` do
        expect(await hint()).toBe(`${after} CO2e/year`);
        expect(await lens.innerText()).toContain(`Footprint: ${after} CO2e/year`);
        expect(await vscode.page.locator('.tab.active.dirty').count()).toBe(0);
        await vscode.screenshot('02-csv-changed-on-disk');
    });

    test('an import through a link to a folder outside the workspace is refused on its line, though the user allows outside files', async () => {
        await vscode.openFile('linked-import.efp', 'import "linked/network.efp"');
        const panel = await vscode.showProblemsPanel();
        await expect.poll(() => panel.innerText(), { timeout: UI_TIMEOUT }).toMatch(/linked\/network\.efp[^\n]*outside the workspace/);
        await vscode.screenshot('03-linked-import-refused');
    });

    test('Compare with git HEAD does not run git, and says why', async () => {
        // back to the model's tab (opened first)
        await vscode.page.locator('.tab', { hasText: 'lab.efp' }).click();
        await vscode.page.locator('.tab.active', { hasText: 'lab.efp' }).waitFor();
        await vscode.runCommand('efp: Compare with git HEAD');
        const frame = await vscode.webviewFrame('[data-testid="diff-message"]');
        await expect.poll(() => frame.locator('[data-testid="diff-message"]').innerText(), { timeout: UI_TIMEOUT })
            .toMatch(/^efp does not run git in an untrusted workspace/);
        await vscode.screenshot('04-no-git-untrusted');
    });
});
