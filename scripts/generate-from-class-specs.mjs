// Writes the files made from the class registry (scripts/class-spec-files/main.ts): the grammar's object
// kinds (before langium-cli reads the grammar), the TextMate grammar, the snippets and docs/reference/.
// The registry is TypeScript: it is bundled, as the CLI is, into a temporary file and run from there.
// `node scripts/generate-from-class-specs.mjs [folder]` writes under folder (default: the repository),
// which is how the test compares them with the committed files.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(process.argv[2] ?? root);
const work = mkdtempSync(join(tmpdir(), 'efp-class-spec-files-'));
try {
    const bundle = join(work, 'class-spec-files.cjs');
    await esbuild.build({ ...nodeBundleOptions, entryPoints: [join(root, 'scripts/class-spec-files/main.ts')], outfile: bundle });
    const { writeClassSpecFiles } = createRequire(import.meta.url)(bundle);
    const written = await writeClassSpecFiles(root, outDir);
    console.log(`wrote ${written.length} files from the class registry`);
} finally {
    rmSync(work, { recursive: true, force: true });
}
