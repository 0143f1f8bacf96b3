import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/** What the lock file resolves, as the bundles get it (docs/development.md, "Dependencies and Node versions"). */
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };

function versionsOf(name: string): string[] {
    return Object.entries(lock.packages).filter(([path]) => path.endsWith(`node_modules/${name}`)).map(([, entry]) => entry.version!).sort();
}

describe('the libraries efp bundles', () => {
    it('one vscode-jsonrpc and one LSP protocol for the server, the client and langium', () => {
        expect(versionsOf('vscode-jsonrpc')).toEqual(['10.0.0']);
        expect(versionsOf('vscode-languageserver-protocol')).toEqual(['3.18.5']);
    });

    it('are development dependencies only: the packages users install carry them bundled', () => {
        const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: object; devDependencies: Record<string, string> };
        expect(manifest.dependencies).toBeUndefined();
        for (const name of ['langium', 'chevrotain', 'commander', 'vscode-languageclient', 'vscode-languageserver', 'vscode-jsonrpc']) {
            expect(Object.entries(lock.packages).filter(([path]) => path.endsWith(`node_modules/${name}`)).every(([, entry]) => entry.dev), name).toBe(true);
        }
    });
});
