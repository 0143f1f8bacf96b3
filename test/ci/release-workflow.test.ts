import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { runBash, type ScriptResult } from '../helpers/bash-script.js';

/**
 * .github/workflows/release.yml run step by step on a copy of the repository, with publishing in dry-run
 * mode (EFP_RELEASE_DRY_RUN=1: each publish command printed, npm's own dry run of the tarball run). The
 * install and test steps are the README's two commands, which `npm test` is already running.
 */
interface Step { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string> }
const workflow = yaml.load(readFileSync('.github/workflows/release.yml', 'utf8')) as { jobs: { release: { env: Record<string, string>; steps: Step[] } } };
const steps = workflow.jobs.release.steps;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const TOKENS = { VSCE_PAT: 'vsce-token', OVSX_PAT: '', NODE_AUTH_TOKEN: 'npm-token', GH_TOKEN: 'gh-token' };

/** The repository's files (tracked and new, not ignored) in a fresh folder, with its node_modules linked. */
function copyOfRepository(): string {
    const copy = mkdtempSync(join(tmpdir(), 'efp-release-'));
    for (const file of execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)) {
        // a worktree may link node_modules in, which git lists as a file: the copy links its own below
        if (!existsSync(file) || file === 'node_modules') continue;
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        copyFileSync(file, join(copy, file));
    }
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'));
    return copy;
}

/** What preparing a release does to the CHANGELOG (docs/releasing.md): [Unreleased] becomes the version. */
function prepareChangelog(copy: string): void {
    const path = join(copy, 'CHANGELOG.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - 2026-12-07`));
}

function runStep(step: Step, cwd: string, tag: string): Promise<ScriptResult> {
    const env: Record<string, string> = { ...process.env as Record<string, string>, TAG: tag, EFP_RELEASE_DRY_RUN: '1' };
    for (const name of Object.keys(step.env ?? {})) env[name] = TOKENS[name as keyof typeof TOKENS] ?? '';
    return runBash(step.run!, cwd, env);
}

describe('the release workflow', () => {
    const results = new Map<string, ScriptResult>();
    let copy: string;

    beforeAll(async () => {
        copy = copyOfRepository();
        prepareChangelog(copy);
        for (const step of steps) {
            if (step.uses || step.id === 'install' || step.id === 'test') continue;
            const result = await runStep(step, copy, `v${version}`);
            results.set(step.id!, result);
            if (result.code !== 0) break;
        }
    }, 300_000);

    it('installs and tests with the README\'s commands, from the tag\'s checkout on Node 22', () => {
        expect(steps.map(s => s.uses ?? s.id)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'notes', 'install', 'test', 'package', 'marketplace', 'open-vsx', 'npm', 'github-release']);
        expect(steps.find(s => s.id === 'install')!.run).toBe('npm ci');
        expect(steps.find(s => s.id === 'test')!.run).toBe('npm test');
        expect(workflow.jobs.release.env.TAG).toBe('${{ github.ref_name }}');
    });

    it('takes the release notes from the CHANGELOG section of the tag\'s version', () => {
        expect(results.get('notes')).toMatchObject({ code: 0, stderr: '' });
        const notes = readFileSync(join(copy, 'release-notes.md'), 'utf8');
        expect(notes).toMatch(/^The first release, 0\.1\.0/);
        expect(notes).toContain('### Added');
        expect(notes).not.toContain('[Unreleased]:');
    });

    it('packages the .vsix and the npm tarball, and publishes each where its token exists (dry run)', () => {
        expect(results.get('package')?.code).toBe(0);
        expect(existsSync(join(copy, 'efp.vsix'))).toBe(true);
        expect(existsSync(join(copy, `efp-lang-efp-${version}.tgz`))).toBe(true);
        expect(results.get('marketplace')).toMatchObject({ code: 0, stdout: 'dry run: npx --no-install vsce publish --packagePath efp.vsix\n' });
        expect(results.get('open-vsx')).toMatchObject({ code: 0, stdout: 'release: open-vsx skipped: no OVSX_PAT\n' });
        const npm = results.get('npm')!;
        expect(npm.code).toBe(0);
        // npm's own dry run of the tarball, then the command the release runs
        expect(npm.stderr).toContain(`npm notice 📦  @efp-lang/efp@${version}`);
        expect(npm.stderr).toContain('(dry-run)');
        expect(npm.stdout).toContain(`dry run: npm publish efp-lang-efp-${version}.tgz --access public --provenance`);
        expect(results.get('github-release')).toMatchObject({
            code: 0, stdout: `dry run: gh release create v${version} --title efp\\ v${version} --notes-file release-notes.md efp.vsix efp-lang-efp-${version}.tgz\n`
        });
    });

    it('refuses a tag that is not the version, and a version the CHANGELOG has no section for', async () => {
        const notes = steps.find(s => s.id === 'notes')!;
        expect(await runStep(notes, copy, 'v9.9.9')).toMatchObject({
            code: 1, stderr: expect.stringMatching(/^release: v9\.9\.9 is not the version of package\.json \(the extension\): 0\.1\.0; /)
        });
        const unprepared = copyOfRepository();
        expect(await runStep(notes, unprepared, `v${version}`)).toMatchObject({
            code: 1, stderr: `release: CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD": move [Unreleased] there before tagging\n`
        });
    });
});
