import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { loadModelFiles } from './model-files.js';
import { createEfpServices, type EfpServices } from '../efp-module.js';
import { SourceUnavailableError } from './source-unavailable-error.js';
import { fileAccessPolicy, fileLimitOf, outsideWorkspace, type FileAccessPolicy } from '../data-files.js';
import { CheckedFileSystem } from './checked-file-system.js';
import { FileError } from '../../platform/file-errors.js';
import { readTextFile, tooLargeError } from '../../platform/text-files.js';

/**
 * Whether models loaded from files may read files (imports, data files) outside the current folder and
 * the model's folder: the CLI's --allow-outside, or EFP_ALLOW_OUTSIDE=1. Set by each CLI run.
 */
let allowOutside = false;
export function setAllowOutside(allow: boolean): void {
    allowOutside = allow;
}

/** The git repository a folder is in (the folder holding `.git`), if any. */
function repositoryRoot(folder: string): URI[] {
    for (let dir = folder; ; dir = dirname(dir)) {
        if (existsSync(join(dir, '.git'))) return [URI.file(dir)];
        if (dirname(dir) === dir) return [];
    }
}


export interface LoadedWorkspace {
    readonly services: EfpServices;
    readonly document: LangiumDocument;
}

/** Where a loaded model may read from: the language server passes its own workspace's. */
export type WorkspaceAccess = Pick<FileAccessPolicy, 'allowOutside' | 'roots' | 'workspaceTrusted'>;

/**
 * Loads a model file, the files it imports (transitively, relative to each file) and the built-in
 * library, then parses, links and validates them all. Files are read through efp's checked reader (size,
 * UTF-8); a main file that cannot be read is a SourceUnavailableError saying why, an import that cannot is
 * reported on its line. `access`: the workspace of a command by default (the current folder, the model's
 * folder and the git repository it is in). `mainText`: the main file's text when it is not read from disk
 * (the engine API's models from text); its imports are still read relative to `path`.
 */
export async function loadWorkspace(path: string, access?: WorkspaceAccess, mainText?: string): Promise<LoadedWorkspace> {
    const { shared, Efp } = createEfpServices(CheckedFileSystem);
    const mainUri = URI.file(resolve(path));
    const policy = fileAccessPolicy(shared);
    if (access) {
        Object.assign(policy, access);
    } else {
        policy.allowOutside = allowOutside || process.env.EFP_ALLOW_OUTSIDE === '1';
        const roots = [URI.file(process.cwd()), UriUtils.dirname(mainUri), ...repositoryRoot(dirname(mainUri.fsPath))];
        policy.roots = () => roots;
    }
    const read = async (uri: URI) => {
        if (uri === mainUri && mainText !== undefined) {
            // a text given in memory has the size limit of the file it stands for
            const bytes = Buffer.byteLength(mainText), limit = fileLimitOf(uri);
            if (bytes <= limit.bytes) return mainText;
            const e = tooLargeError(path, bytes, limit);
            throw new SourceUnavailableError(`cannot read ${path}: ${e.reason}`, e.hint);
        }
        try {
            return await readTextFile(uri.fsPath, fileLimitOf(uri));
        } catch (e) {
            if (!(e instanceof FileError)) throw e;
            if (uri === mainUri) throw new SourceUnavailableError(`cannot read ${path}: ${e.reason}`, e.hint);
            // a missing import is said on its line by the validator ("cannot find")
            if (e.code === 'ENOENT') return undefined;
            throw e;
        }
    };
    // an import outside the workspace is not read; the validator says why on its line
    const { main } = await loadModelFiles(shared, mainUri, path, read, (from, to) => !outsideWorkspace(policy, from, to));
    return { services: Efp, document: main! };
}
