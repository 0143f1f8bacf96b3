import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { EfpServices } from '../language/efp-module.js';
import { importClosure } from '../language/efp-scope.js';
import { BUILTIN_LIBRARY_URI } from '../language/builtin-library.js';
import { EXIT_OK, type Output } from './cli-output.js';

/** What a check did: its exit code, and the files it read (absolute paths), which a watch follows. */
export interface CheckRound {
    readonly code: number;
    readonly read: readonly string[];
}

export interface CheckWatchOptions {
    /** Clear the terminal before each round (when standard output is one). */
    readonly clear: boolean;
    /** Stops watching: Ctrl-C. */
    readonly stop: AbortSignal;
    /** How long the files must stay unchanged before the next round: a save may write a file in several steps. */
    readonly quietMs?: number;
}

/** An AbortSignal raised by Ctrl-C (SIGINT), for `efp check --watch`. */
export function interruptSignal(): AbortSignal {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    return controller.signal;
}

/**
 * `efp check --watch FILES`: checks the models, then checks them again whenever one of their files
 * changes on disk: the models, the files they import and the data files they read (a measurement's
 * CodeCarbon .csv). Each round starts on a clear screen; a model that cannot be read is reported and
 * waited for. Returns when stopped (Ctrl-C).
 */
export async function checkWatch(files: readonly string[], check: () => Promise<CheckRound>, io: Output, options: CheckWatchOptions): Promise<number> {
    let changed: string | undefined;
    // the files the last round that could check read: a round that cannot keeps watching them
    let read: readonly string[] = [];
    while (!options.stop.aborted) {
        if (options.clear) io.out('\x1b[2J\x1b[3J\x1b[H');
        if (changed) io.err(`efp: ${changed} changed: checking again`);
        const started = Date.now();
        try {
            read = (await check()).read;
        } catch (error) {
            // an unreadable model (deleted while saving, renamed) is waited for, not the end of the watch
            io.err(`efp: ${error instanceof Error ? error.message : String(error)}`);
        }
        // the models themselves too, for when one that cannot be read comes back
        const watched = [...new Set([...files.map(f => resolve(f)), ...read])].sort();
        io.err(`efp: watching ${watched.length} file${watched.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)`);
        changed = await firstChange(watched, started, options);
    }
    return EXIT_OK;
}

/**
 * The files a checked model read (absolute paths): the model, the files it imports and the data files its
 * evaluation read. The check says so itself, so that a watch does not load every model a second time.
 */
export function filesReadBy(document: LangiumDocument, services: EfpServices): string[] {
    const paths: string[] = [];
    for (const uri of importClosure(document, services.shared.workspace.LangiumDocuments)) {
        if (uri !== BUILTIN_LIBRARY_URI) paths.push(URI.parse(uri).fsPath);
    }
    for (const uri of services.evaluation.DocumentModels.dataFilesOf(document)) paths.push(URI.parse(uri).fsPath);
    return paths;
}

/**
 * Resolves with the first of `paths` (relative to the current folder) to change once they have been
 * quiet for `quietMs`, or undefined when stopped. Their folders are watched rather than the files: an
 * editor's save replaces the file (a new inode), and a missing file may appear. A file changed since
 * `since` (while the round read it) counts at once.
 */
function firstChange(paths: readonly string[], since: number, options: CheckWatchOptions): Promise<string | undefined> {
    return new Promise(resolveChange => {
        const names = new Map<string, Set<string>>();
        for (const path of paths) {
            const folder = dirname(path);
            if (!names.has(folder)) names.set(folder, new Set());
            names.get(folder)!.add(basename(path));
        }
        const watchers: FSWatcher[] = [];
        let timer: NodeJS.Timeout | undefined;
        let last: string | undefined;
        const finish = (path: string | undefined) => {
            for (const w of watchers) w.close();
            clearTimeout(timer);
            options.stop.removeEventListener('abort', stop);
            resolveChange(path === undefined ? undefined : relative(process.cwd(), path) || path);
        };
        const stop = () => finish(undefined);
        const touched = (path: string) => {
            last = path;
            clearTimeout(timer);
            timer = setTimeout(() => finish(last), options.quietMs ?? 100);
        };
        options.stop.addEventListener('abort', stop);
        for (const [folder, inFolder] of names) {
            try {
                watchers.push(watch(folder, (_event, name) => {
                    if (name && inFolder.has(name.toString())) touched(resolve(folder, name.toString()));
                }));
            } catch {
                // a folder that does not exist (an import's) has nothing to change
            }
        }
        for (const path of paths) {
            try {
                const { mtimeMs } = statSync(path);
                // (a date in the future, from another machine's clock, would start a round after round)
                if (mtimeMs >= since && mtimeMs <= Date.now()) touched(path);
            } catch {
                // missing: its folder's watcher sees it come
            }
        }
        if (options.stop.aborted) stop();
    });
}
