import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { runCompositeAction, type RunContext } from '../helpers/composite-action.js';
import { startReviewApi, type ReviewApi, type StoredComment } from '../helpers/review-api.js';
import { ciFixture } from '../helpers/model-repository.js';

/**
 * efp's GitHub Action (action.yml) run step by step on a temporary repository with a base branch on its
 * `origin`, with the built efp command (out/, which `npm test` builds first) and a stand-in for GitHub's
 * API: the check's annotations and job summary, the SARIF file, the footprint change, and the one comment
 * it keeps up to date.
 */
const root = resolve('.');
const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const ci = ciFixture();

/** A pull_request job: number 7 unless said, with efp's build as the command. */
function pullRequest(inputs: Record<string, string> = {}, number = 7, server = ci.api): RunContext {
    const event = join(ci.repo.path, '..', `event-${number}.json`);
    writeFileSync(event, JSON.stringify({ pull_request: { number } }));
    return {
        cwd: ci.repo.path, inputs,
        github: { base_ref: 'main', token: 'the-token' },
        env: {
            EFP: `${process.execPath} ${join(root, 'bin/efp.cjs')}`,
            GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'efp-lang/a-model', GITHUB_EVENT_PATH: event
        }
    };
}

const writes = (server: ReviewApi) => server.calls.filter(c => !c.startsWith('GET'));

describe('the GitHub Action', () => {
    it('checks, summarizes, writes SARIF and comments once on a pull request that changes the footprint', async () => {
        ci.repo.edit('600 W');
        const run = await runCompositeAction('action.yml', pullRequest({ 'fail-above': '10' }));
        expect(run.steps.map(s => [s.name, s.status, s.stderr])).toEqual([
            ['efp — the command', 'success', ''], ['efp — check the models', 'success', ''],
            ['efp — footprint change against the base branch', 'success', ''], ['efp — comment on the pull request', 'success', '']
        ]);
        expect(run.steps[1].stdout).toBe('model.efp: no problems found\n');
        expect(run.summary).toContain('| `model.efp` | 0 | 0 |');
        // the quickstart's 10,966.4 t (e-footprint's) and the 170.5 t efp diff finds for a 600 W server: 11,136.9 t
        expect(run.summary).toContain('**11,136.9 t CO2e** over 3 years');
        const sarif = JSON.parse(readFileSync(join(ci.repo.path, 'efp.sarif'), 'utf8')) as object;
        const ajv = new AjvDraft04.default({ strict: false });
        ajvFormats.default(ajv as never);
        expect(ajv.validate(JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object, sarif)).toBe(true);
        expect(writes(ci.api)).toEqual(['POST /repos/efp-lang/a-model/issues/7/comments']);
        expect(ci.api.comments[0].body.split('\n').slice(0, 2)).toEqual(['<!-- efp-diff -->', '## 🔺 Footprint +170.5 t CO2e (+1.6 %)']);
        expect(run.steps[3].stdout).toBe('efp: GitHub pull request efp-lang/a-model#7: created\n');
    });

    it('updates that comment on the next push, and leaves it alone when nothing it says changed', async () => {
        ci.repo.edit('700 W');
        await runCompositeAction('action.yml', pullRequest());
        expect(writes(ci.api).slice(1)).toEqual(['PATCH /repos/efp-lang/a-model/issues/comments/100']);
        expect(ci.api.comments).toHaveLength(1);
        const again = await runCompositeAction('action.yml', pullRequest());
        expect(writes(ci.api)).toHaveLength(2);
        expect(again.steps[3].stdout).toBe('efp: GitHub pull request efp-lang/a-model#7: unchanged\n');
    });

    it('says so when the footprint no longer changes, and never comments on a pull request that did not change it', async () => {
        ci.repo.edit('300 W');
        await runCompositeAction('action.yml', pullRequest());
        expect(ci.api.comments[0].body).toContain('_The latest changes no longer change the footprint or its inputs._');
        const other = await startReviewApi();
        const run = await runCompositeAction('action.yml', pullRequest({}, 8, other));
        expect(run.steps[3].stdout).toBe('efp: GitHub pull request efp-lang/a-model#8: no change, no comment\n');
        expect(writes(other)).toEqual([]);
        await other.close();
    });

    it('fails past fail-above and still comments; a comment anyone wrote with the marker is not taken for its own', async () => {
        ci.repo.edit('600 W');
        const forged: StoredComment = { id: 1, body: '<!-- efp-diff -->\nforged', author: 'someone' };
        const other = await startReviewApi([forged]);
        const run = await runCompositeAction('action.yml', pullRequest({ 'fail-above': '1' }, 9, other));
        expect(run.failed).toBe(true);
        expect(run.steps[2]).toMatchObject({ status: 'failure', stderr: expect.stringContaining('more than --fail-above 1 %') });
        expect(run.steps[3].status).toBe('success');
        expect(writes(other)).toEqual(['POST /repos/efp-lang/a-model/issues/9/comments']);
        expect(forged.body).toBe('<!-- efp-diff -->\nforged');
        await other.close();
    });

    it('annotates a model error on its line and fails the job; a token GitHub refuses fails the comment step in words', async () => {
        ci.repo.edit('300 Wh');
        const run = await runCompositeAction('action.yml', pullRequest({ comment: 'false' }, 10));
        expect(run.failed).toBe(true);
        const line = quickstart.split('\n').findIndex(l => l.includes('power: 300 W')) + 1;
        expect(run.steps[1].stdout).toMatch(new RegExp(`^::error file=model\\.efp,line=${line},col=\\d+,endLine=${line},endColumn=\\d+,title=efp dimension-mismatch::'power' expects a power \\(W\\)`));
        expect(run.steps[3].status).toBe('skipped');

        ci.repo.edit('600 W');
        const refused = await runCompositeAction('action.yml', { ...pullRequest({ 'github-token': 'a-wrong-token' }, 11) });
        expect(refused.steps[3]).toMatchObject({ status: 'failure', stderr: 'efp: cannot comment: GET /repos/efp-lang/a-model/issues/11/comments answered 401: Bad credentials\n' });
    });
});

describe('the CI integrations\' pinned version', () => {
    it('is the version being released, in the action and the GitLab template', () => {
        const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
        expect(readFileSync('action.yml', 'utf8')).toMatch(new RegExp(`^  version:\\n.*\\n    default: ${version.replace(/\./g, '\\.')}$`, 'm'));
        expect(readFileSync('docs/ci/gitlab-ci.yml', 'utf8')).toContain(`EFP_VERSION: "${version}"`);
        expect((JSON.parse(readFileSync('packages/efp/package.json', 'utf8')) as { version: string }).version).toBe(version);
    });
});

describe('the example workflow (docs/ci/github-actions.yml)', () => {
    it('runs this version of the action with inputs it has, and the permissions its steps need', () => {
        const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
        const workflow = yaml.load(readFileSync('docs/ci/github-actions.yml', 'utf8')) as {
            permissions: Record<string, string>; jobs: { footprint: { steps: { uses?: string; with?: Record<string, unknown> }[] } }
        };
        const action = yaml.load(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
        const step = workflow.jobs.footprint.steps.find(s => s.uses?.startsWith('efp-lang/efp@'))!;
        expect(step.uses).toBe(`efp-lang/efp@v${version}`);
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
        expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
        expect(workflow.jobs.footprint.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    });
});
