import { readFile, stat, writeFile } from 'node:fs/promises';
import { maxDataFileBytes } from '../language/data-files.js';
import { UsageError } from './usage-error.js';

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

/**
 * A file's text; an unreadable file is a usage error (exit 2) naming it, and so is one over the data-file
 * size limit (checked before reading: a 100 MB JSON would take seconds and half a GB to parse).
 */
export async function readTextFile(file: string, what = ''): Promise<string> {
    try {
        const { size } = await stat(file);
        const limit = maxDataFileBytes();
        if (size > limit) {
            throw new UsageError(`${what}${file} is too large: ${(size / 1024 / 1024).toFixed(0)} MB, more than the ${(limit / 1024 / 1024).toFixed(0)} MB efp reads`
                + ' (set EFP_MAX_DATA_FILE_MB to raise the limit)');
        }
        return await readFile(file, 'utf8');
    } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`cannot read ${what}${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}
