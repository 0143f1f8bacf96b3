import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The parser in src/language/generated is the one the grammar makes today: langium-cli run on
 * src/language/efp.langium into a temporary folder gives the same three files. A grammar edited without
 * `npm run generate` fails here, not in a user's editor.
 */
const GENERATED = ['ast.ts', 'grammar.ts', 'module.ts'];

describe('the generated parser', () => {
    it('is up to date with efp.langium (else: npm run generate)', async () => {
        const config = JSON.parse(readFileSync('langium-config.json', 'utf8')) as { languages: { grammar: string }[]; out: string };
        const work = mkdtempSync(join(tmpdir(), 'efp-generate-'));
        try {
            // the project's configuration, writing elsewhere
            writeFileSync(join(work, 'langium-config.json'), JSON.stringify({
                ...config, languages: config.languages.map(l => ({ ...l, grammar: resolve(l.grammar) })), out: 'generated'
            }));
            await promisify(execFile)(process.execPath, ['--require', './scripts/node20-polyfills.cjs', 'node_modules/langium-cli/bin/langium.js', 'generate', '-f', join(work, 'langium-config.json')]);
            for (const file of GENERATED) {
                expect(readFileSync(join(config.out, file), 'utf8'), `${config.out}/${file} differs from what efp.langium generates: run npm run generate`)
                    .toBe(readFileSync(join(work, 'generated', file), 'utf8'));
            }
        } finally {
            rmSync(work, { recursive: true, force: true });
        }
    }, 60_000);
});
