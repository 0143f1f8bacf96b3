// Bundles the CLI, the language server and the VS Code extension into out/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { nodeBundleOptions } from './scripts/bundle-options.mjs';
import { thirdPartyNotices } from './scripts/third-party-notices.mjs';

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
    ...nodeBundleOptions,
    outdir: 'out',
    sourcemap: true,
    sourcesContent: false,
    minify
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
    // a minified build is the .vsix's (npm run package): it carries the notices of what its bundles hold
    const results = await Promise.all(builds.map(o => esbuild.build({ ...o, metafile: minify })));
    if (minify) writeFileSync('out/THIRD-PARTY-NOTICES.md', thirdPartyNotices(results.map(r => r.metafile), 'the efp extension'));
}
