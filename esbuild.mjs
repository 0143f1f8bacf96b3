// Bundles the CLI, the language server and the VS Code extension into out/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
// benchmarks run the same bundled code as the CLI (tsx's loader makes hot loops measurably slower)
const bench = process.argv.includes('--bench');

const options = {
    entryPoints: bench ? { 'bench-quickstart': 'bench/quickstart.bench.ts', 'bench-lsp-workspace': 'bench/lsp-workspace.bench.ts' } : {
        cli: 'src/cli/bin.ts',
        'language-server': 'src/language/server.ts',
        extension: 'src/extension/main.ts'
    },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    sourcesContent: false,
    minify,
    logLevel: 'warning',
    // Langium's ESM code reads import.meta.url in places the bundle never reaches at run time
    define: { 'import.meta.url': '__efp_import_meta_url' },
    banner: { js: 'const __efp_import_meta_url = require("url").pathToFileURL(__filename).href;' }
};

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
} else {
    await esbuild.build(options);
}
