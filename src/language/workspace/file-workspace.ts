import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { loadModelFiles } from './model-files.js';
import { NodeFileSystem } from 'langium/node';
import { createEfpServices, type EfpServices } from '../efp-module.js';
import { SourceUnavailableError } from './source-unavailable-error.js';
import { fileAccessPolicy, outsideWorkspace } from '../data-files.js';

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

/**
 * Loads a model file, the files it imports (transitively, relative to each file) and the built-in
 * library, then parses, links and validates them all.
 */
export async function loadWorkspace(path: string): Promise<LoadedWorkspace> {
    const { shared, Efp } = createEfpServices(NodeFileSystem);
    const mainUri = URI.file(resolve(path));
    const policy = fileAccessPolicy(shared);
    policy.allowOutside = allowOutside || process.env.EFP_ALLOW_OUTSIDE === '1';
    // the workspace of a command: the current folder, the model's folder and the git repository it is in
    const roots = [URI.file(process.cwd()), UriUtils.dirname(mainUri), ...repositoryRoot(dirname(mainUri.fsPath))];
    policy.roots = () => roots;
    const read = async (uri: URI) => {
        try {
            return await readFile(uri.fsPath, 'utf8');
        } catch (e) {
            if (uri === mainUri) throw new SourceUnavailableError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
            return undefined;
        }
    };
    // an import outside the workspace is not read; the validator says why on its line
    const { main } = await loadModelFiles(shared, mainUri, read, (from, to) => !outsideWorkspace(policy, from, to));
    return { services: Efp, document: main! };
}
