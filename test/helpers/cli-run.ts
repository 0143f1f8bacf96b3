import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
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
