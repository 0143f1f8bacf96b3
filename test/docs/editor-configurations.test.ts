import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/**
 * docs/editor.md shows the configurations of docs/editors/ as they are (test/e2e/neovim.e2e.ts runs the
 * Neovim one in Neovim), and each runs the command the global install gives, `efp lsp --stdio`, on
 * `.efp` files: not `npx efp`, which names another package.
 */
const doc = readFileSync('docs/editor.md', 'utf8');
const file = (path: string) => readFileSync(`docs/editors/${path}`, 'utf8');
/** The text of each fenced block of the page. */
const blocks = [...doc.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map(m => m[1]);

describe('the editor configurations in docs/editor.md', () => {
    it.each(['neovim.lua', 'helix-languages.toml', 'efp.el', 'sublime/LSP.sublime-settings', 'sublime/efp.sublime-syntax'])(
        'shows docs/editors/%s as it is', path => {
            expect(blocks).toContain(file(path));
        });

    it('has each editor run `efp lsp --stdio` on .efp files', () => {
        const neovim = file('neovim.lua');
        expect(neovim).toContain("cmd = { 'efp', 'lsp', '--stdio' }");
        expect(neovim).toContain("pattern = '*.efp', command = 'setfiletype efp'");

        const helix = file('helix-languages.toml');
        expect(helix).toContain('[language-server.efp]\ncommand = "efp"\nargs = ["lsp", "--stdio"]');
        expect(helix).toContain('file-types = ["efp"]');
        expect(helix).toContain('language-servers = ["efp"]');

        const emacs = file('efp.el');
        expect(emacs).toContain('(add-to-list \'auto-mode-alist \'("\\\\.efp\\\\\'" . efp-mode))');
        expect(emacs).toContain('(add-to-list \'eglot-server-programs \'(efp-mode "efp" "lsp" "--stdio"))');

        const sublime = JSON.parse(file('sublime/LSP.sublime-settings')) as { clients: Record<string, { command: string[]; selector: string }> };
        expect(sublime.clients.efp).toMatchObject({ command: ['efp', 'lsp', '--stdio'], selector: 'source.efp' });
        const syntax = yaml.load(file('sublime/efp.sublime-syntax')) as { scope: string; file_extensions: string[] };
        expect(syntax).toMatchObject({ scope: 'source.efp', file_extensions: ['efp'] });
        expect(file('sublime/efp-comments.tmPreferences')).toContain('<string>source.efp</string>');

        for (const text of [doc, ...blocks]) expect(text).not.toMatch(/npx efp (lsp|check|eval)/);
    });
});
