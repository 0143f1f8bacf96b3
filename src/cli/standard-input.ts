import { checkedText, streamTooLargeError, type SizeLimit } from '../platform/text-files.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';

/** The argument that names standard input instead of a file (`efp check -`, `cat m.efp | efp eval -`). */
export const STANDARD_INPUT = '-';

/**
 * Standard input as text, held to the rules of input files: the size limit as it comes (a stream that
 * never ends stops there, not in the machine's memory), strict UTF-8. `whenTerminal` is what a command
 * gets when nobody pipes anything: `''` for a command whose input is optional, or undefined to read what
 * is typed until Ctrl-D, as `cat -` does.
 */
export async function readStandardInput(limit: SizeLimit, whenTerminal?: string): Promise<string> {
    if (process.stdin.isTTY && whenTerminal !== undefined) return whenTerminal;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > limit.bytes) throw streamTooLargeError('standard input', limit);
        chunks.push(chunk as Buffer);
    }
    return checkedText('standard input', Buffer.concat(chunks), limit);
}

/** The path a model read from standard input stands for: its imports are read relative to it, messages name it. */
export function standardInputPath(stdinPath: string | undefined): string {
    if (stdinPath === undefined) return 'stdin.efp';
    if (!stdinPath.endsWith('.efp')) throw new UsageError(`--stdin-path names the .efp file the text stands for; ${terminalText(stdinPath)} is not one`);
    return stdinPath;
}
