import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * scripts/test-ci-workflow.sh runs the steps of docs/ci/github-actions.yml (efp check, efp diff --git
 * --markdown, --fail-above) on a temporary git repository; here with the sources (through tsx), so that
 * the test needs no build.
 */
describe('the GitHub Actions example', () => {
    it('runs its steps on a temporary repository', () => {
        const efp = `${process.execPath} --import ${resolve('node_modules/tsx/dist/esm/index.mjs')} ${resolve('src/cli/bin.ts')}`;
        const run = spawnSync('bash', ['scripts/test-ci-workflow.sh'], { encoding: 'utf8', env: { ...process.env, EFP: efp } });
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(/test-ci-workflow: ok/);
        expect(run.status).toBe(0);
    }, 120_000);
});
