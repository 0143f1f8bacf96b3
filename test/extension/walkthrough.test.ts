import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { EfpCommands } from '../../src/language/protocol.js';
import { SAMPLE_FILE, SAMPLE_PLACES, samplePlace } from '../../src/extension/sample-model.js';

/**
 * The walkthrough "Get started with efp" (package.json) and "efp: Open Sample Model": every step has a
 * button in its description and on its page, the buttons run commands the extension registers (or VS
 * Code's own), and the pages' code fits the walkthrough's narrow media column (a line longer than that
 * is cut off behind a scroll bar there).
 */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: {
        commands: { command: string; title: string; category: string }[];
        menus: { commandPalette: { command: string; when?: string }[] };
        walkthroughs: { id: string; steps: { id: string; title: string; description: string; media: { markdown: string }; completionEvents?: string[] }[] }[];
    };
};
const [walkthrough] = manifest.contributes.walkthroughs;
const main = readFileSync('src/extension/main.ts', 'utf8');
/** The commands main.ts registers, by their id or their name in the protocol's EfpCommands. */
const registered = new Set([
    ...[...main.matchAll(/registerCommand\('([\w.]+)'/g)].map(m => m[1]),
    ...[...main.matchAll(/registerCommand\(EfpCommands\.(\w+)/g)].map(m => (EfpCommands as Record<string, string>)[m[1]])
]);

/** Command links in Markdown: `[title](command:id?args)`, with their decoded arguments. */
function commandLinks(markdown: string): { title: string; command: string; args?: unknown }[] {
    return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)]
        .map(m => ({ title: m[1], command: m[2], args: m[3] === undefined ? undefined : JSON.parse(decodeURIComponent(m[3])) as unknown }));
}

/** VS Code's own commands the walkthrough runs. */
const VSCODE_COMMANDS = ['workbench.actions.view.problems', 'workbench.action.files.newUntitledFile'];

/**
 * Characters of code a line may have: the walkthrough's media column showed 40 without a scroll bar in a
 * 1,400-pixel window (test/e2e/walkthrough.e2e.ts measures every code block there).
 */
const CODE_LINE_LIMIT = 44;

describe('the walkthrough', () => {
    it('starts with the sample model, then the checks, the dashboard, the graph, and a template of one\'s own', () => {
        expect(walkthrough.steps.map(s => s.id)).toEqual(['open-sample', 'diagnostics', 'dashboard', 'graph', 'new-from-template']);
    });

    it('opens the sample unsaved or saves it in a folder, from two buttons', () => {
        const [step] = walkthrough.steps;
        expect(commandLinks(step.description)).toEqual([
            { title: 'Open the Sample Model', command: 'efp.openSampleModel', args: ['untitled'] },
            { title: 'Save It in a Folder', command: 'efp.openSampleModel', args: ['folder'] }
        ]);
        expect(step.completionEvents).toContain('onCommand:efp.openSampleModel');
    });

    for (const step of walkthrough.steps) {
        it(`step ${step.id}: a button in its description and on its page, each running a command that exists, done when it runs`, () => {
            const page = readFileSync(step.media.markdown, 'utf8');
            for (const links of [commandLinks(step.description), commandLinks(page)]) {
                expect(links.length).toBeGreaterThan(0);
                for (const { command } of links) {
                    const known = VSCODE_COMMANDS.includes(command) || manifest.contributes.commands.some(c => c.command === command);
                    expect(known, command).toBe(true);
                    if (command.startsWith('efp.')) expect(registered.has(command), command).toBe(true);
                }
            }
            const first = commandLinks(step.description)[0].command;
            expect(step.completionEvents).toContain(`onCommand:${first}`);
        });

        it(`step ${step.id}: its page's code lines fit the media column (at most ${CODE_LINE_LIMIT} characters)`, () => {
            const page = readFileSync(step.media.markdown, 'utf8');
            const blocks = [...page.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map(m => m[1]);
            for (const line of blocks.flatMap(b => b.split('\n'))) expect(line.length, line).toBeLessThanOrEqual(CODE_LINE_LIMIT);
        });
    }

    it('points at files the .vsix ships: its pages, and the sample model', () => {
        const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
        expect(ignore).toContain('!media/walkthrough/**');
        expect(ignore).toContain(`!examples/${SAMPLE_FILE}`);
        for (const step of walkthrough.steps) expect(existsSync(step.media.markdown)).toBe(true);
        expect(existsSync(`examples/${SAMPLE_FILE}`)).toBe(true);
        expect(readFileSync('src/extension/sample-model-command.ts', 'utf8')).toContain("'examples', SAMPLE_FILE");
    });
});

describe('efp: Open Sample Model', () => {
    it('is an efp command in the palette, whatever is open', () => {
        expect(manifest.contributes.commands).toContainEqual({ command: 'efp.openSampleModel', title: 'Open Sample Model', category: 'efp', icon: '$(book)' });
        expect(manifest.contributes.menus.commandPalette).toContainEqual({ command: 'efp.openSampleModel' });
    });

    it('asks where, unless a walkthrough button says: unsaved or in a folder', () => {
        expect(SAMPLE_PLACES.map(p => p.place)).toEqual(['untitled', 'folder']);
        expect(samplePlace('untitled')).toBe('untitled');
        expect(samplePlace('folder')).toBe('folder');
    });

    it('takes no other argument as a place: a command link\'s arguments are anyone\'s text', () => {
        for (const hostile of [undefined, null, '', 'Folder', 'untitled ', '../folder', 'toString', '__proto__', 0, ['folder'], { place: 'folder' }]) {
            expect(samplePlace(hostile), JSON.stringify(hostile)).toBeUndefined();
        }
    });
});
