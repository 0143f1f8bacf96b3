import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { githubWorkflow, gitlabJob } from '../../src/templates/ci-files.js';

/**
 * The CI files `efp init` writes are the documented ones (docs/ci/), which test/ci/ runs as a runner would,
 * pinned to the efp that writes them: the same steps, inputs, permissions and script, only their header
 * comment differs.
 */
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('the CI files of a new project', () => {
    it('the GitHub workflow is docs/ci/github-actions.yml, running this version\'s action', () => {
        expect(yaml.load(githubWorkflow(version))).toEqual(yaml.load(readFileSync('docs/ci/github-actions.yml', 'utf8')));
        expect(githubWorkflow('9.8.7')).toContain('uses: efp-lang/efp@v9.8.7\n');
    });

    it('the GitLab job is docs/ci/gitlab-ci.yml\'s, running this version\'s package', () => {
        expect(yaml.load(gitlabJob(version))).toEqual(yaml.load(readFileSync('docs/ci/gitlab-ci.yml', 'utf8')));
        expect((yaml.load(gitlabJob('9.8.7')) as Record<string, { variables: Record<string, string> }>)['efp-footprint'].variables.EFP_VERSION).toBe('9.8.7');
    });
});
