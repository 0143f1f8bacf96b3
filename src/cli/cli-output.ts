import { relative, isAbsolute } from 'node:path';
import { dataFileLimit } from '../language/data-files.js';
import { FileError } from '../platform/file-errors.js';
import { onTextFileRead, readTextFile as readCheckedTextFile } from '../platform/text-files.js';
import { realPath } from '../platform/real-path.js';
import { writeFileSafely } from '../platform/safe-write.js';
import { UsageError } from './usage-error.js';

/** Where a command writes (tests capture it; `stdin` feeds commands that read observations). */
export interface Output {
    out(text: string): void;
    err(text: string): void;
    stdin?(): Promise<string>;
    /** The files the command has read (runCli keeps them): no output is written over one. */
    inputs?: CommandInputs;
}

/**
 * Exit codes: 0 fine; 1 findings (the model or an input file has errors, a budget or a threshold is
 * exceeded) or an output could not be written (a full disk...); 2 the command could not run (a bad
 * argument, an input that cannot be read, an output that would overwrite an input); 3 an internal fault,
 * a bug of efp.
 */
export const EXIT_OK = 0;
export const EXIT_MODEL_ERRORS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** The exit codes in `efp --help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0  fine
  1  findings: the model has errors, a budget or --fail-above is exceeded, or an output could not be written (the path and why)
  2  the command could not run: a bad argument, an input that cannot be read, an output that is one of the inputs
  3  an internal fault: a bug in efp (EFP_DEBUG=1 prints its stack)`;

/**
 * The files a command has read (every file efp reads goes through src/platform/text-files.ts, which
 * tells), by real path: an output is refused when it is one of them, however it is spelled (`./m.efp`,
 * a symbolic link, a linked folder).
 */
export class CommandInputs {
    private readonly files = new Map<string, string>();
    private readonly stop: () => void;

    constructor() {
        this.stop = onTextFileRead(path => {
            const real = realPath(path);
            if (!this.files.has(real)) this.files.set(real, path);
        });
    }

    /** The input that writing `output` would replace, as efp named it; undefined when it is none. */
    overwrittenBy(output: string): string | undefined {
        const input = this.files.get(realPath(output));
        return input === undefined ? undefined : shownPath(input);
    }

    dispose(): void {
        this.stop();
    }
}

/** A path as the user would write it: relative to the current folder when inside it. */
function shownPath(path: string): string {
    if (!isAbsolute(path)) return path;
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A usage error (exit 2) when writing to any of `outputs` would replace a file the command read. */
export function refuseOverwritingInputs(io: Output, ...outputs: (string | undefined)[]): void {
    for (const output of outputs) {
        const input = output === undefined ? undefined : io.inputs?.overwrittenBy(output);
        if (input !== undefined) throw new UsageError(`refusing to write ${output}: it is ${input}, which this command reads; write the output to another file`);
    }
}

/**
 * Writes a command's output file: never over one of its inputs, and never half (a temporary file renamed
 * over the target). A disk error is a FileError naming the path and the reason (exit 1).
 */
export async function writeOutputFile(path: string, text: string, io: Output): Promise<void> {
    refuseOverwritingInputs(io, path);
    await writeFileSafely(path, text.endsWith('\n') ? text : text + '\n');
}

/** Writes a command's result to `output`, or to standard output. */
export async function emit(text: string, output: string | undefined, io: Output): Promise<void> {
    if (output) await writeOutputFile(output, text, io);
    else io.out(text);
}

/**
 * An input file's text (e-footprint JSON, a CodeCarbon CSV, a baseline), read by efp's checked reader:
 * held to the data-file size limit before reading, strict UTF-8. One that cannot be read is a FileError
 * naming it (exit 2). The paths are the user's, typed on the command line: the workspace's file policy,
 * which keeps models from naming files outside it, does not apply.
 */
export async function readTextFile(file: string, what = ''): Promise<string> {
    try {
        return await readCheckedTextFile(file, dataFileLimit());
    } catch (e) {
        if (e instanceof FileError && what) throw new FileError(`${what}${file}`, e.operation, e.reason, e.hint, e.code);
        throw e;
    }
}
