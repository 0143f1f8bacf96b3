// Builds the npm package in packages/efp/: the CLI, the language server (`efp lsp`) and the engine API as
// minified bundles with no runtime dependency, the API's types in one .d.ts, the licence, the notices of
// what the bundles hold, the examples `npx efp eval` runs on, and the templates `efp init` writes (read at run
// time from templates/ beside dist/). `npm run pack:cli` packs it.
import * as esbuild from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateDtsBundle } from 'dts-bundle-generator';
import { nodeBundleOptions } from './bundle-options.mjs';
import { thirdPartyNotices } from './third-party-notices.mjs';

const root = 'packages/efp';
const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
if (manifest.version !== version) {
    throw new Error(`packages/efp/package.json says version ${manifest.version}, package.json ${version}: give both the release's version`);
}

rmSync(`${root}/dist`, { recursive: true, force: true });
rmSync(`${root}/examples`, { recursive: true, force: true });
rmSync(`${root}/templates`, { recursive: true, force: true });
const result = await esbuild.build({
    ...nodeBundleOptions,
    entryPoints: { index: 'src/api/index.ts', cli: 'src/cli/bin.ts', 'language-server': 'src/language/server.ts' },
    outdir: `${root}/dist`,
    external: [],
    minify: true,
    // stack traces in bug reports keep the functions' names
    keepNames: true,
    legalComments: 'none',
    metafile: true
});

const [types] = generateDtsBundle([{ filePath: 'src/api/index.ts', output: { noBanner: true, exportReferencedTypes: false } }], { preferredConfigPath: 'tsconfig.json' });
writeFileSync(`${root}/dist/index.d.ts`, types);

copyFileSync('LICENSE', `${root}/LICENSE`);
writeFileSync(`${root}/THIRD-PARTY-NOTICES.md`, thirdPartyNotices([result.metafile], `${manifest.name} ${version}`));
mkdirSync(`${root}/examples`);
for (const file of readdirSync('examples').filter(f => f.endsWith('.efp'))) copyFileSync(`examples/${file}`, `${root}/examples/${file}`);
cpSync('templates', `${root}/templates`, { recursive: true });
console.log(`${manifest.name} ${version} built in ${root}/`);
