import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * The bundled `efp` command (bin/efp.cjs, as users run it) in a process of its own, held to budgets:
 * a wall-clock timeout, an address-space ceiling (so a runaway allocation fails in the child instead
 * of taking the machine's memory), and its peak resident memory reported back. The hostile-input suite
 * uses it to prove that no input crashes efp, hangs it, makes it allocate without bound or write over
 * a file it reads.
 */
export interface BoundedRun {
    /** The exit code; null when the process was killed (timeout, signal). */
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    /** Peak resident memory in MB, undefined when the process died before reporting it. */
    peakMemoryMb: number | undefined;
    timedOut: boolean;
    ms: number;
}

export interface BoundedRunOptions {
    cwd?: string;
    /** Killed past this (default 60 s: far above any honest run, below the test's own timeout). */
    timeoutMs?: number;
    /** Address-space ceiling for the child (ulimit -v), MB; Node needs about 1 GB of it to start. */
    addressSpaceMb?: number;
    stdin?: string | Uint8Array;
    env?: Record<string, string>;
    /** A file size ceiling for the child (ulimit -f), kB: a write past it fails with EFBIG, as on a full disk. */
    fileSizeKb?: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EFP = join(ROOT, 'bin/efp.cjs');
const PEAK_MEMORY = join(ROOT, 'test/helpers/peak-memory.cjs');

/** Runs `efp ...args` under the budgets. */
export async function runBounded(args: readonly string[], options: BoundedRunOptions = {}): Promise<BoundedRun> {
    const scratch = mkdtempSync(join(tmpdir(), 'efp-bounded-'));
    const peakFile = join(scratch, 'peak-kb');
    const limitKb = (options.addressSpaceMb ?? 4096) * 1024;
    const started = performance.now();
    try {
        // ulimit applies to the shell, then to node, which the shell becomes (exec); past a file size
        // ceiling the kernel sends SIGXFSZ, which kills unless ignored: ignored, a write fails instead
        const fileSize = options.fileSizeKb !== undefined ? `ulimit -f ${options.fileSizeKb}; trap '' XFSZ; ` : '';
        const child = spawn('bash', ['-c', `ulimit -v ${limitKb}; ${fileSize}exec "$0" "$@"`, process.execPath, '--require', PEAK_MEMORY, EFP, ...args], {
            cwd: options.cwd ?? ROOT,
            env: { ...process.env, ...options.env, EFP_TEST_PEAK_MEMORY_FILE: peakFile, EFP_DEBUG: '' },
            stdio: ['pipe', 'pipe', 'pipe']
        });
        let stdout = '', stderr = '';
        child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
        child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.stdin ?? '');
        let timedOut = false;
        const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs ?? 60_000);
        const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(done => child.on('close', (c, s) => done([c, s])));
        clearTimeout(timer);
        let peakMemoryMb: number | undefined;
        try {
            peakMemoryMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
        } catch {
            // killed, or it died before its exit handler ran
        }
        return { code, signal, stdout, stderr, peakMemoryMb, timedOut, ms: performance.now() - started };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

/** A JS stack trace in text meant for users (`    at fn (file.js:12:3)`). */
export function hasStackTrace(text: string): boolean {
    return /^\s+at .*(\(|\s)[^\s()]+:\d+:\d+\)?$/m.test(text);
}

/** The documented exit codes of a run that went as designed: 0 fine, 1 findings in the input, 2 the command could not run. */
export const HANDLED_EXIT_CODES: readonly number[] = [0, 1, 2];

/**
 * What every run on hostile input must be: finished in time, within 1 GB, with one of the handled exit
 * codes (3 is an internal fault), no stack trace and no "internal error" on either stream.
 */
export function expectWellBehaved(run: BoundedRun, codes: readonly number[] = HANDLED_EXIT_CODES, memoryMb = 1024): void {
    const context = `exit ${run.code}${run.signal ? ` (${run.signal})` : ''} after ${Math.round(run.ms)} ms\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`;
    expect(run.timedOut, `timed out\n${context}`).toBe(false);
    expect(codes, context).toContain(run.code);
    expect(hasStackTrace(run.stdout + run.stderr), `stack trace\n${context}`).toBe(false);
    expect(run.stdout + run.stderr, context).not.toMatch(/internal error/i);
    expect(run.peakMemoryMb, `peak memory not reported\n${context}`).toBeDefined();
    expect(run.peakMemoryMb!, `peak memory ${run.peakMemoryMb?.toFixed(0)} MB\n${context}`).toBeLessThan(memoryMb);
}

/** Every file under `dir` with a hash of its bytes, to check that a run wrote over none of them. */
export function fingerprint(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (folder: string) => {
        for (const entry of readdirSync(folder)) {
            const path = join(folder, entry);
            if (statSync(path).isDirectory()) walk(path);
            else files[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
        }
    };
    walk(dir);
    return files;
}
