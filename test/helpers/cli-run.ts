import { afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the efp CLI in-process and captures what it prints. */
export async function efp(...args: string[]): Promise<CliResult> {
    let stdout = '', stderr = '';
    const code = await runCli(args, { out: t => { stdout += t.endsWith('\n') ? t : t + '\n'; }, err: t => { stderr += t.endsWith('\n') ? t : t + '\n'; } });
    return { code, stdout, stderr };
}

/** Writes files (path -> text) into a fresh temporary folder; returns the folder. */
export function writeModelFiles(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'efp-test-'));
    for (const [path, text] of Object.entries(files)) {
        const full = join(dir, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
    }
    return dir;
}

/**
 * Folders of model files for one test file, each made by `writeModelFiles` and removed after the file's
 * tests: call at the top of a test file, then `folder({ 'm.efp': text })` in its tests.
 */
export function modelFolders(): (files: Record<string, string>) => string {
    const dirs: string[] = [];
    afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });
    return files => {
        const dir = writeModelFiles(files);
        dirs.push(dir);
        return dir;
    };
}
