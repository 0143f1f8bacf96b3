import { readTextFile, EXIT_MODEL_ERRORS, EXIT_OK, type Output } from './cli-output.js';
import { githubThread, gitlabThread, ThreadError } from './comment-threads.js';
import { isFootprintComment, nextComment, type DiffJsonSummary } from './footprint-comment.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';

export type CommentPlatform = 'github' | 'gitlab';
export const COMMENT_PLATFORMS: readonly CommentPlatform[] = ['github', 'gitlab'];

/**
 * `efp pr-comment DIFF.json DIFF.md --on github|gitlab`: posts `efp diff --markdown` on the job's pull or
 * merge request, or updates efp's earlier comment there, when the footprint or its inputs changed
 * (src/cli/footprint-comment.ts). Outside a pull request it says so and does nothing. Exit 1 when the
 * platform refuses (a token without the right to comment).
 */
export async function prCommentCommand(diffJson: string, diffMarkdown: string, options: { on: CommentPlatform }, io: Output): Promise<number> {
    const diff = diffJsonOf(await readTextFile(diffJson));
    if (!diff) throw new UsageError(`${terminalText(diffJson)} is not the output of efp diff --json`);
    const markdown = await readTextFile(diffMarkdown);
    try {
        const thread = options.on === 'github' ? githubThread() : gitlabThread();
        if (!thread) {
            io.out('efp: not a pull or merge request: no comment');
            return EXIT_OK;
        }
        const previous = (await thread.comments()).find(c => c.ours && isFootprintComment(c.body));
        const next = nextComment(diff, markdown, previous?.body);
        if (next.action === 'create') await thread.create(next.body);
        if (next.action === 'update') await thread.update(previous!.id, next.body);
        io.out(`efp: ${thread.name}: ${next.reason}`);
        return EXIT_OK;
    } catch (e) {
        if (!(e instanceof ThreadError)) throw e;
        io.err(`efp: cannot comment: ${e.message}`);
        return EXIT_MODEL_ERRORS;
    }
}

/** Whether a model of the diff has the summary the decision reads (src/cli/diff-json.ts). */
function isComparedModel(m: unknown): boolean {
    if (typeof m !== 'object' || m === null) return false;
    const { status, summary: s } = m as { status?: unknown; summary?: { total?: { change?: unknown }; changedInputs?: unknown; objects?: unknown } };
    return typeof status === 'string' && typeof s?.total?.change === 'number'
        && typeof s.changedInputs === 'number' && typeof s.objects === 'object' && s.objects !== null;
}

/** The text as `efp diff --json`'s output, or undefined when it is not (not JSON, or not its shape). */
function diffJsonOf(text: string): DiffJsonSummary | undefined {
    try {
        const diff = JSON.parse(text) as DiffJsonSummary;
        return Array.isArray(diff?.models) && diff.models.every(isComparedModel) ? diff : undefined;
    } catch (e) {
        if (e instanceof SyntaxError) return undefined;
        throw e;
    }
}
