import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * git as efp runs it, on a repository it did not choose (a pull request's checkout, a folder opened in
 * the editor): read-only plumbing commands only (rev-parse, cat-file, ls-tree, ls-files), with the
 * repository configuration that would make them run programs turned off:
 * - `core.fsmonitor` names a program that commands reading the index (ls-files) run;
 * - a partial clone fetches missing objects from its remote on demand, which runs `core.sshCommand`,
 *   credential helpers or proxies of the repository's config: no protocol is allowed, and git >= 2.44
 *   does not even try (GIT_NO_LAZY_FETCH);
 * - no pager, no terminal prompt.
 * File contents are read with `cat-file blob`, which never runs textconv or filter drivers (`git show`
 * may run textconv with --textconv).
 */
const SAFE_OPTIONS = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never'];
const SAFE_ENVIRONMENT = { GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' };
const MAX_OUTPUT = 256 * 1024 * 1024;

function environment(): NodeJS.ProcessEnv {
    return { ...process.env, ...SAFE_ENVIRONMENT };
}

/** The standard output of `git ARGS` in `cwd`, as text; rejects when git fails (or is missing: code ENOENT). */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
    const { stdout } = await run('git', [...SAFE_OPTIONS, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, env: environment() });
    return stdout;
}

/** Whether git stopped because its output passed `maxBytes`. */
export function isOutputTooLarge(error: unknown): boolean {
    return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' || (error as NodeJS.ErrnoException | undefined)?.code === 'ENOBUFS';
}

/**
 * A file's bytes at a commit (`git cat-file blob COMMIT:PATH`); rejects when there is no such file, or
 * when it is larger than `maxBytes` (isOutputTooLarge).
 */
export async function gitBlob(cwd: string, commit: string, path: string, maxBytes: number): Promise<Buffer> {
    const { stdout } = await run('git', [...SAFE_OPTIONS, 'cat-file', 'blob', `${commit}:${path}`], { cwd, encoding: 'buffer', maxBuffer: maxBytes, env: environment() });
    return stdout;
}

/** The same, synchronously (the engine reads data files synchronously). */
export function gitBlobSync(cwd: string, commit: string, path: string, maxBytes: number): Buffer {
    return execFileSync('git', [...SAFE_OPTIONS, 'cat-file', 'blob', `${commit}:${path}`], { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: maxBytes, env: environment() });
}
