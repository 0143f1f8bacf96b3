// THIRD-PARTY-NOTICES.md for a bundle: every npm package esbuild put into it (read from the build's
// metafile), with its version, licence and licence text, then the data efp ships (data/README.md).
// A bundle carries other projects' code; their licences (MIT, Apache-2.0, EPL…) ask that it carries their notices.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `node_modules/@scope/name/...` or `node_modules/name/...` → the package's folder (the innermost). */
function packageFolder(input) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) return undefined;
    const nameParts = parts[at + 1]?.startsWith('@') ? 2 : 1;
    return parts.slice(0, at + 1 + nameParts).join('/');
}

function licenceText(folder) {
    const file = readdirSync(folder).find(f => /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i.test(f));
    return file ? readFileSync(join(folder, file), 'utf8').trim() : undefined;
}

/** The notices of the packages in one or more esbuild metafiles. */
export function thirdPartyNotices(metafiles, product) {
    const folders = new Set();
    for (const metafile of metafiles) {
        for (const input of Object.keys(metafile.inputs)) {
            const folder = packageFolder(input);
            if (folder && existsSync(join(folder, 'package.json'))) folders.add(folder);
        }
    }
    const packages = [...folders].map(folder => {
        const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
        return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'see its text', text: licenceText(folder), folder };
    }).filter(p => p.name).sort((a, b) => a.name.localeCompare(b.name));
    const seen = new Set();
    const unique = packages.filter(p => !seen.has(`${p.name}@${p.version}`) && seen.add(`${p.name}@${p.version}`));
    const lines = [
        `# Third-party notices for ${product}`,
        '',
        `Bundled in ${product}: the code of the npm packages below (${unique.length}), and data from the projects listed`,
        'at the end. Each keeps its own licence; the texts follow.',
        '',
        '| package | version | licence |',
        '|---|---|---|',
        ...unique.map(p => `| ${p.name} | ${p.version} | ${p.license} |`),
        ''
    ];
    for (const p of unique) {
        lines.push(`## ${p.name} ${p.version} (${p.license})`, '');
        lines.push(p.text ? p.text.split('\n').map(l => `    ${l}`.trimEnd()).join('\n') : `The package ships no licence file; its package.json says ${p.license}.`, '');
    }
    lines.push('## Data', '', readFileSync('data/README.md', 'utf8').replace(/^# .*\n/, '').trim(), '');
    return lines.join('\n');
}
