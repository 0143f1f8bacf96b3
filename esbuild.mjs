// Bundles the CLI, the language server and the VS Code extension into out/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
// benchmarks run the same bundled code as the CLI (tsx's loader makes hot loops measurably slower)
const bench = process.argv.includes('--bench');

const options = {
    entryPoints: bench ? { 'bench-quickstart': 'bench/quickstart.bench.ts', 'bench-lsp-workspace': 'bench/lsp-workspace.bench.ts', 'bench-graph-layout': 'bench/graph-layout.bench.ts', 'bench-run': 'bench/run.ts' } : {
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

// The webview scripts run in VS Code's webview (a browser page under a strict CSP): one IIFE bundle per
// panel, with its CSS next to it (out/webview/<panel>.js and .css).
const webviewOptions = {
    entryPoints: { dashboard: 'src/webview/dashboard/main.ts', graph: 'src/webview/graph/main.ts', diff: 'src/webview/diff/main.ts' },
    outdir: 'out/webview',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    sourcemap: true,
    sourcesContent: false,
    minify,
    logLevel: 'warning',
    loader: { '.ttf': 'file', '.woff2': 'file' }
};

const builds = bench ? [options] : [options, webviewOptions];
if (watch) {
    for (const o of builds) await (await esbuild.context(o)).watch();
} else {
    await Promise.all(builds.map(o => esbuild.build(o)));
}
