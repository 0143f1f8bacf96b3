import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { ciFixture } from '../helpers/model-repository.js';
import { runBash, type ScriptResult } from '../helpers/bash-script.js';

/**
 * docs/ci/gitlab-ci.yml's job run as GitLab's runner runs a script (bash, `-eo pipefail`) on a temporary
 * repository, with the built efp command and a stand-in for GitLab's notes API.
 */
const root = resolve('.');
const job = (yaml.load(readFileSync('docs/ci/gitlab-ci.yml', 'utf8')) as Record<string, { script: string[]; variables: Record<string, string>; artifacts: { reports: { codequality: string } } }>)['efp-footprint'];
const ci = ciFixture();

function runJob(env: Record<string, string>): Promise<ScriptResult> {
    return runBash(job.script.join('\n'), ci.repo.path, {
        ...process.env, ...job.variables, EFP: `${process.execPath} ${join(root, 'bin/efp.cjs')}`,
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_MERGE_REQUEST_IID: '3', CI_PROJECT_ID: '12',
        CI_API_V4_URL: `${ci.api.url}/api/v4`, ...env
    });
}

describe('the GitLab CI template', () => {
    it('checks, compares and posts one note on the merge request, updated in place', async () => {
        ci.repo.edit('600 W');
        const first = await runJob({ EFP_GITLAB_TOKEN: 'the-token' });
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toBe('model.efp: no problems found\nefp: GitLab merge request !3: created\n');
        expect(ci.api.comments[0].body.split('\n').slice(0, 2)).toEqual(['<!-- efp-diff -->', '## 🔺 Footprint +170.5 t CO2e (+1.6 %)']);
        ci.repo.edit('700 W');
        const second = await runJob({ EFP_GITLAB_TOKEN: 'the-token' });
        expect(second.stdout).toContain('efp: GitLab merge request !3: updated');
        expect(ci.api.calls.filter(c => !c.startsWith('GET'))).toEqual(['POST /api/v4/projects/12/merge_requests/3/notes', 'PUT /api/v4/projects/12/merge_requests/3/notes/100']);
        // no finding: an empty Code Quality report, which GitLab reads as such
        expect(JSON.parse(readFileSync(join(ci.repo.path, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    });

    it('fails past EFP_FAIL_ABOVE, and without a token still checks and compares', async () => {
        ci.repo.edit('600 W');
        const gated = await runJob({ EFP_FAIL_ABOVE: '1' });
        expect(gated.code).toBe(1);
        expect(gated.stderr).toContain('more than --fail-above 1 %');
        expect(readFileSync(join(ci.repo.path, 'efp-diff.md'), 'utf8')).toMatch(/^<!-- efp-diff -->\n## 🔺 Footprint \+170\.5 t CO2e/);
        ci.repo.edit('300 Wh');
        const broken = await runJob({});
        expect(broken.code).toBe(1);
        expect(broken.stdout).toMatch(/^model\.efp:\d+:\d+: error: 'power' expects a power \(W\)/);
        // the same error in the report GitLab shows in the merge request (artifacts:reports:codequality)
        const report = JSON.parse(readFileSync(join(ci.repo.path, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; severity: string; location: { path: string } }[];
        expect(report.map(i => [i.location.path, i.check_name, i.severity])).toEqual([['model.efp', 'dimension-mismatch', 'major']]);
        expect(job.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
    });
});
