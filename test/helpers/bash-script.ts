import { spawn } from 'node:child_process';

export interface ScriptResult { code: number | null; stdout: string; stderr: string }

/**
 * A CI script run as GitHub's and GitLab's runners run one: bash without profiles, `-eo pipefail`, with
 * its output captured. Asynchronous, so that a stand-in API served by the test's own process can answer.
 */
export function runBash(script: string, cwd: string, env: Record<string, string | undefined>): Promise<ScriptResult> {
    return new Promise((resolve, reject) => {
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
        let stdout = '', stderr = '';
        child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
        child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}
