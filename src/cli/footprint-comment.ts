import { MARKDOWN_MARKER } from './diff-markdown.js';

/**
 * What efp's pull request comment (GitHub) or merge request note (GitLab) should become: `efp diff
 * --markdown` posted once, updated in place on later pushes, and only when the footprint or its inputs
 * change, so that a pull request that never touched the footprint gets no comment at all.
 */
export type CommentStep =
    | { readonly action: 'create' | 'update'; readonly body: string; readonly reason: string }
    | { readonly action: 'none'; readonly reason: string };

/** GitHub refuses comments longer than 65,536 characters (GitLab notes hold 1,000,000). */
const MAX_BODY = 65_000;
export const NO_LONGER_CHANGES = '_The latest changes no longer change the footprint or its inputs._';

/** The parts of `efp diff --json` (src/cli/diff-json.ts) the decision reads. */
export interface DiffJsonSummary {
    readonly models: readonly {
        readonly status: string;
        readonly summary: { readonly total: { readonly change: number }; readonly changedInputs: number; readonly objects: Readonly<Record<string, number>> };
    }[];
}

/** Whether the diff found anything: a model added or removed, an object or input changed, a total moved. */
export function diffChangesSomething(diff: DiffJsonSummary): boolean {
    return diff.models.some(m => m.status !== 'compared'
        || m.summary.total.change !== 0 || m.summary.changedInputs > 0
        || Object.values(m.summary.objects).some(count => count > 0));
}

/** Whether a comment's text is efp's (it starts with the marker; whose it is, the platform says). */
export function isFootprintComment(body: unknown): boolean {
    return typeof body === 'string' && body.startsWith(MARKDOWN_MARKER);
}

function bodyOf(markdown: string, note?: string): string {
    const text = note ? `${MARKDOWN_MARKER}\n${note}\n\n${markdown.replace(MARKDOWN_MARKER, '').trimStart()}` : markdown;
    if (text.length <= MAX_BODY) return text;
    return `${text.slice(0, MAX_BODY)}\n\n… the report is longer than a comment holds; the job's log has all of it.`;
}

/** The next step for the diff (`--json` and `--markdown`) given the body of efp's earlier comment, if any. */
export function nextComment(diff: DiffJsonSummary, markdown: string, previousBody: string | undefined): CommentStep {
    const body = diffChangesSomething(diff) ? bodyOf(markdown) : previousBody === undefined ? undefined : bodyOf(markdown, NO_LONGER_CHANGES);
    if (body === undefined) return { action: 'none', reason: 'no change, no comment' };
    if (previousBody === undefined) return { action: 'create', body, reason: 'created' };
    return previousBody === body ? { action: 'none', reason: 'unchanged' } : { action: 'update', body, reason: 'updated' };
}
