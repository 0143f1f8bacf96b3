import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from './workspace.js';

/** Where a command writes (tests capture it; `stdin` feeds commands that read observations). */
export interface Output {
    out(text: string): void;
    err(text: string): void;
    stdin?(): Promise<string>;
}

/** Exit codes: 0 fine, 1 the input has errors (model, file content), 2 the command could not run (usage, unreadable file). */
export const EXIT_OK = 0;
export const EXIT_MODEL_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Writes a command's result to `output`, or to standard output. */
export async function emit(text: string, output: string | undefined, io: Output): Promise<void> {
    if (output) await writeFile(output, text.endsWith('\n') ? text : text + '\n');
    else io.out(text);
}

/** A file's text; an unreadable file is a usage error (exit 2) naming it. */
export async function readTextFile(file: string, what = ''): Promise<string> {
    try {
        return await readFile(file, 'utf8');
    } catch (e) {
        throw new UsageError(`cannot read ${what}${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}
