// esbuild options shared by the development bundles (esbuild.mjs → out/) and the npm package
// (scripts/build-cli-package.mjs → packages/efp/dist/): CommonJS for Node 20.10+.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const manifestPath = resolve('package.json');

/**
 * src/version.ts reads efp's version from package.json: the bundles get that field alone, not the
 * whole manifest (its scripts and contribution points have no business in a CLI or a library).
 */
const versionOnly = {
    name: 'efp-version-only',
    setup(build) {
        build.onLoad({ filter: /[\\/]package\.json$/ }, args => args.path !== manifestPath ? undefined : {
            contents: JSON.stringify({ version: JSON.parse(readFileSync(manifestPath, 'utf8')).version }),
            loader: 'json'
        });
    }
};

export const nodeBundleOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outExtension: { '.js': '.cjs' },
    external: ['vscode'],
    logLevel: 'warning',
    plugins: [versionOnly],
    // Langium's ESM code reads import.meta.url in places the bundle never reaches at run time
    define: { 'import.meta.url': '__efp_import_meta_url' },
    banner: { js: 'const __efp_import_meta_url = require("url").pathToFileURL(__filename).href;' }
};
