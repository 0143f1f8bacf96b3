// Checks that a release tag (v1.2.3) is the version every part of efp names, and prints that version's
// CHANGELOG section: the release's notes. Run by .github/workflows/release.yml before anything is built.
//
//   node scripts/release/release-notes.mjs v0.1.0 > notes.md
import { readFileSync } from 'node:fs';

function fail(message) {
    process.stderr.write(`release: ${message}\n`);
    process.exit(1);
}

const tag = process.argv[2] ?? '';
const version = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag)?.[1];
if (!version) fail(`the tag ${JSON.stringify(tag)} is not a version: tag releases v1.2.3`);

const json = path => JSON.parse(readFileSync(path, 'utf8'));
const named = {
    'package.json (the extension)': json('package.json').version,
    'packages/efp/package.json (the npm package)': json('packages/efp/package.json').version,
    'action.yml (the action\'s default version)': /^ {2}version:\n.*\n {4}default: (\S+)$/m.exec(readFileSync('action.yml', 'utf8'))?.[1],
    'docs/ci/gitlab-ci.yml (EFP_VERSION)': /EFP_VERSION: "([^"]+)"/.exec(readFileSync('docs/ci/gitlab-ci.yml', 'utf8'))?.[1]
};
const wrong = Object.entries(named).filter(([, v]) => v !== version);
if (wrong.length > 0) fail(`${tag} is not the version of ${wrong.map(([where, v]) => `${where}: ${v}`).join('; ')}`);

// Keep a Changelog: `## [1.2.3] - 2026-12-07`, up to the next `## ` heading or the link definitions
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - (\\d{4}-\\d{2}-\\d{2})$`, 'm').exec(changelog);
if (!heading) fail(`CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD": move [Unreleased] there before tagging`);
const start = heading.index + heading[0].length;
const rest = changelog.slice(start);
const end = rest.search(/^## |^\[[^\]]+\]: /m);
const notes = (end < 0 ? rest : rest.slice(0, end)).trim();
if (notes === '') fail(`CHANGELOG.md's section for ${version} is empty`);
process.stdout.write(`${notes}\n`);
