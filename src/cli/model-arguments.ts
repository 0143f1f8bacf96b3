import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { readTextFile } from '../platform/text-files.js';
import { modelFileLimit } from '../language/data-files.js';
import { rootModelPaths } from './root-models.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';
import { STANDARD_INPUT } from './standard-input.js';

/** Folders a search for models skips: version control, dependencies, build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/** More model files than one command checks: a folder this large is more likely a mistake (`efp check /`). */
const MAX_MODEL_FILES = 10_000;

/** The .efp files under a folder, as paths with `/` relative to it; dot-folders and SKIPPED_FOLDERS left out. */
async function efpFilesUnder(folder: string): Promise<string[]> {
    const found: string[] = [];
    const pending = [''];
    while (pending.length > 0) {
        const dir = pending.pop()!;
        for (const entry of await readdir(join(folder, dir), { withFileTypes: true })) {
            const path = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
            else if (entry.isFile() && entry.name.endsWith('.efp')) found.push(path);
            if (found.length > MAX_MODEL_FILES) throw new UsageError(`${terminalText(folder)} holds more than ${MAX_MODEL_FILES.toLocaleString('en-US')} .efp files: give a narrower folder`);
        }
    }
    return found.sort();
}

/**
 * The model files a command's arguments name, in order: a file as given; a folder, its models (the .efp
 * files under it that no other one imports: an imported file is checked as part of its importer); a
 * glob (`'models/**\/*.efp'`, quoted so the command sees it), the files it matches. A folder or glob that
 * names no model is a usage error, so that a CI job checking nothing does not pass.
 */
export async function modelArguments(args: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const arg of args) {
        const info = await stat(arg).catch(() => undefined);
        let found: string[];
        if (info?.isDirectory()) {
            const under = await efpFilesUnder(arg);
            const models = await rootModelPaths(under, path => readTextFile(resolve(arg, path), modelFileLimit()));
            found = models.map(m => join(arg, m));
            if (found.length === 0) throw new UsageError(`no .efp model in the folder ${terminalText(arg)}`);
        } else if (!info && isDynamicPattern(arg)) {
            // dependencies' files are not the project's models, unless the pattern names node_modules itself
            const matches = (await glob(arg, { onlyFiles: true, dot: false })).filter(p => arg.includes('node_modules') || !/(^|[\\/])node_modules[\\/]/.test(p));
            found = matches.sort();
            if (found.length === 0) throw new UsageError(`no file matches ${terminalText(arg)}`);
            if (found.length > MAX_MODEL_FILES) throw new UsageError(`${terminalText(arg)} matches more than ${MAX_MODEL_FILES.toLocaleString('en-US')} files: give a narrower pattern`);
        } else {
            found = [arg];
        }
        for (const f of found) if (!files.includes(f)) files.push(f);
    }
    return files;
}

/**
 * The files among those a command checks that another of them imports (`efp check models/*.efp`, as the
 * shell expands it, names the shared servers.efp and the models importing it): a part of those models,
 * which its own check does not hold to having a system. Files that import each other in a circle, and
 * nothing else, are each a model.
 */
export async function importedByOthers(files: readonly string[]): Promise<Set<string>> {
    const listed = files.filter(f => f !== STANDARD_INPUT);
    if (listed.length < 2) return new Set();
    // full paths with `/`, as rootModelPaths reads imports (`../lib/main.efp` imports `servers.efp`); a file it
    // cannot read imports nothing (checking it says why)
    const slashed = new Map(listed.map(f => [resolve(f).split('\\').join('/'), f]));
    const roots = new Set(await rootModelPaths([...slashed.keys()], path => readTextFile(path, modelFileLimit())));
    if (roots.size === 0) return new Set();
    return new Set([...slashed].filter(([path]) => !roots.has(path)).map(([, f]) => f));
}
