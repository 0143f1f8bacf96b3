import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the comment APIs of GitHub (issues/…/comments) and GitLab (merge_requests/…/notes) on
 * localhost: the thread of one pull or merge request, what each call asked, and the refusals the real
 * ones give (a comment that is not the token's cannot be edited: 403).
 */
export interface StoredComment { id: number; body: string; author: 'bot' | 'someone' }
export interface ReviewApi { url: string; comments: StoredComment[]; calls: string[]; close(): Promise<void> }

/** The GitLab token's user. */
const SELF_ID = 42;

function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<{ body?: string }> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text ? JSON.parse(text) as { body?: string } : {};
}

export async function startReviewApi(comments: StoredComment[] = []): Promise<ReviewApi> {
    const calls: string[] = [];
    let nextId = 100;
    const page = (url: URL) => {
        const n = Number(url.searchParams.get('page') ?? 1), size = Number(url.searchParams.get('per_page') ?? 30);
        return comments.slice((n - 1) * size, n * size);
    };
    const server: Server = createServer((req, res) => {
        void (async () => {
            const url = new URL(req.url ?? '/', 'http://localhost');
            calls.push(`${req.method} ${url.pathname}`);
            const github = req.headers.authorization === 'Bearer the-token';
            const gitlab = req.headers['private-token'] === 'the-token';
            if (!github && !gitlab) return send(res, 401, { message: 'Bad credentials' });
            const edit = /\/(?:comments|notes)\/(\d+)$/.exec(url.pathname);
            if (gitlab && url.pathname === '/api/v4/user') return send(res, 200, { id: SELF_ID });
            if (req.method === 'GET') {
                return send(res, 200, page(url).map(c => github
                    ? { id: c.id, body: c.body, user: { type: c.author === 'bot' ? 'Bot' : 'User' } }
                    : { id: c.id, body: c.body, system: false, author: { id: c.author === 'bot' ? SELF_ID : 7 } }));
            }
            const { body } = await bodyOf(req);
            if (req.method === 'POST') {
                comments.push({ id: nextId++, body: body ?? '', author: 'bot' });
                return send(res, 201, {});
            }
            const comment = edit ? comments.find(c => c.id === Number(edit[1])) : undefined;
            if (!comment) return send(res, 404, { message: 'Not Found' });
            if (comment.author !== 'bot') return send(res, 403, { message: 'Resource not accessible by integration' });
            comment.body = body ?? '';
            return send(res, 200, {});
        })();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, comments, calls, close: () => new Promise(resolve => server.close(() => resolve())) };
}
