import { readFileSync } from 'node:fs';
import { terminalText } from './terminal-text.js';

/** A comment of a pull (or merge) request's thread, and whether efp's integration wrote it. */
export interface ThreadComment {
    readonly id: number;
    readonly body: string;
    /** Written by the token that runs the job (a bot's, or the GitLab token's user): only such a comment is updated. */
    readonly ours: boolean;
}

/** The conversation of one pull request (GitHub) or merge request (GitLab). */
export interface CommentThread {
    /** `GitHub pull request owner/repo#7`, for messages. */
    readonly name: string;
    comments(): Promise<ThreadComment[]>;
    create(body: string): Promise<void>;
    update(id: number, body: string): Promise<void>;
}

/** A platform's API refused or failed: said in words, with the status; the job fails (exit 1). */
export class ThreadError extends Error {}

const TIMEOUT_MS = 30_000;
/** Pages of 100 comments read at most: a thread longer than 10,000 comments is not read to its end. */
const MAX_PAGES = 100;

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
        response = await fetch(url, {
            method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error'
        });
    } catch (e) {
        throw new ThreadError(`cannot reach ${terminalText(new URL(url).origin)}: ${terminalText(e instanceof Error ? e.message : String(e))}`);
    }
    const text = await response.text();
    if (!response.ok) {
        let message = text.slice(0, 300);
        try { message = String((JSON.parse(text) as { message?: unknown }).message ?? message); } catch { /* not JSON: the text as it came */ }
        throw new ThreadError(`${method} ${terminalText(new URL(url).pathname)} answered ${response.status}: ${terminalText(message)}`);
    }
    return text === '' ? undefined : JSON.parse(text) as unknown;
}

async function allPages<T>(url: (page: number) => string, headers: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const batch = await call('GET', url(page), headers);
        if (!Array.isArray(batch)) throw new ThreadError('the comments did not come as a list');
        for (const item of (batch as T[]).slice(0, 100)) items.push(item);
        if (batch.length < 100) break;
    }
    return items;
}

function required(env: NodeJS.ProcessEnv, name: string, hint: string): string {
    const value = env[name];
    if (!value) throw new ThreadError(`${name} is not set: ${hint}`);
    return value;
}

/**
 * The pull request of a GitHub Actions job (GITHUB_EVENT_PATH's `pull_request`), with the token in
 * EFP_GITHUB_TOKEN or GITHUB_TOKEN; undefined for an event that is not a pull request.
 */
export function githubThread(env: NodeJS.ProcessEnv = process.env): CommentThread | undefined {
    const eventPath = env.GITHUB_EVENT_PATH;
    let event: { pull_request?: { number?: unknown } } | null = {};
    try {
        if (eventPath) event = JSON.parse(readFileSync(eventPath, 'utf8')) as typeof event;
    } catch (e) {
        throw new ThreadError(`cannot read the event GITHUB_EVENT_PATH names (${terminalText(eventPath!)}): ${terminalText(e instanceof Error ? e.message : String(e))}`);
    }
    const number = Number(env.EFP_PULL_REQUEST ?? event?.pull_request?.number);
    if (!Number.isInteger(number) || number <= 0) return undefined;
    const token = env.EFP_GITHUB_TOKEN ?? required(env, 'GITHUB_TOKEN', 'give the workflow\'s token (env: GITHUB_TOKEN: ${{ github.token }}) with pull-requests: write');
    const repository = required(env, 'GITHUB_REPOSITORY', 'run in GitHub Actions, or set it to owner/repo');
    if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new ThreadError(`GITHUB_REPOSITORY is not owner/repo: ${terminalText(repository)}`);
    const api = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': 'efp' };
    const issue = `${api}/repos/${repository}/issues`;
    return {
        name: `GitHub pull request ${repository}#${number}`,
        comments: async () => (await allPages<{ id: number; body?: string; user?: { type?: string } }>(page => `${issue}/${number}/comments?per_page=100&page=${page}`, headers))
            .map(c => ({ id: c.id, body: c.body ?? '', ours: c.user?.type === 'Bot' })),
        create: async body => { await call('POST', `${issue}/${number}/comments`, headers, { body }); },
        update: async (id, body) => { await call('PATCH', `${issue}/comments/${id}`, headers, { body }); }
    };
}

/**
 * The merge request of a GitLab CI job (CI_MERGE_REQUEST_IID), with a token that may write notes in
 * EFP_GITLAB_TOKEN (a project access token with the api scope: the job's own token cannot); undefined in
 * a pipeline that is not a merge request's.
 */
export function gitlabThread(env: NodeJS.ProcessEnv = process.env): CommentThread | undefined {
    const iid = Number(env.CI_MERGE_REQUEST_IID);
    if (!Number.isInteger(iid) || iid <= 0) return undefined;
    const token = required(env, 'EFP_GITLAB_TOKEN', 'add a project access token with the api scope as a masked CI/CD variable');
    const api = required(env, 'CI_API_V4_URL', 'run in GitLab CI').replace(/\/$/, '');
    const project = encodeURIComponent(required(env, 'CI_PROJECT_ID', 'run in GitLab CI'));
    const headers = { 'PRIVATE-TOKEN': token, 'User-Agent': 'efp' };
    const notes = `${api}/projects/${project}/merge_requests/${iid}/notes`;
    let self: number | undefined;
    return {
        name: `GitLab merge request !${iid}`,
        comments: async () => {
            self ??= Number((await call('GET', `${api}/user`, headers) as { id?: unknown }).id);
            return (await allPages<{ id: number; body?: string; system?: boolean; author?: { id?: number } }>(page => `${notes}?per_page=100&page=${page}&sort=asc`, headers))
                .map(n => ({ id: n.id, body: n.body ?? '', ours: !n.system && n.author?.id === self }));
        },
        create: async body => { await call('POST', notes, headers, { body }); },
        update: async (id, body) => { await call('PUT', `${notes}/${id}`, headers, { body }); }
    };
}
