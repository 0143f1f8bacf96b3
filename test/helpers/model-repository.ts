import { afterAll, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReviewApi, type ReviewApi } from './review-api.js';

/**
 * A git repository for the CI tests: the quickstart committed on `main` and pushed to a bare `origin`,
 * then a `feature` branch checked out, whose model a test edits as a pull request would.
 */
export interface ModelRepository {
    readonly path: string;
    /** The pull request's model: the quickstart with the server's power changed to `power` (`600 W`, `300 Wh`). */
    edit(power: string): void;
}

export function modelRepository(): ModelRepository {
    const work = mkdtempSync(join(tmpdir(), 'efp-ci-'));
    const path = join(work, 'repo');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env, stdio: 'pipe' });
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(work, 'origin.git')]);
    execFileSync('git', ['clone', '-q', join(work, 'origin.git'), path], { stdio: 'pipe' });
    const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
    git('checkout', '-q', '-b', 'main');
    writeFileSync(join(path, 'model.efp'), quickstart);
    git('add', 'model.efp');
    git('commit', '-q', '-m', 'the base branch');
    git('push', '-q', 'origin', 'main');
    git('checkout', '-q', '-b', 'feature');
    return { path, edit: power => writeFileSync(join(path, 'model.efp'), quickstart.replace('power: 300 W', `power: ${power}`)) };
}

/**
 * A repository and a stand-in comment API for one CI test file, made before its tests and closed after:
 * `const ci = ciFixture();` then `ci.repo`, `ci.api` in the tests.
 */
export function ciFixture(): { readonly repo: ModelRepository; readonly api: ReviewApi } {
    const fixture = {} as { repo: ModelRepository; api: ReviewApi };
    beforeAll(async () => {
        fixture.repo = modelRepository();
        fixture.api = await startReviewApi();
    });
    afterAll(() => fixture.api.close());
    return fixture;
}
