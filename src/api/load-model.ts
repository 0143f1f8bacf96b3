import { resolve } from 'node:path';
import { loadWorkspace } from '../language/workspace/file-workspace.js';
import { efpModelOf, type EfpModel } from './efp-model.js';

export interface LoadOptions {
    /**
     * Let the model's imports and data files (a measurement's CSV) be read from anywhere. By default they
     * are read only under the current folder, the model's folder and the git repository it is in: a model
     * is text anyone can send, and it should not read your files.
     */
    readonly allowOutside?: boolean;
}

export interface TextOptions extends LoadOptions {
    /**
     * The file the text stands for: its imports are read relative to it, and diagnostics name it.
     * `model.efp` in the current folder by default.
     */
    readonly path?: string;
}

/** Where a model may read: a command's workspace by default (loadWorkspace's), anywhere when allowed. */
function access(options: LoadOptions) {
    return options.allowOutside ? { allowOutside: true, roots: () => [], workspaceTrusted: true } : undefined;
}

/**
 * Loads a model file and the files it imports, checks and evaluates it. Rejects with a
 * SourceUnavailableError when the file cannot be read (missing, too large, not UTF-8, not a .efp file);
 * errors in the model are not thrown: they are the result's `errors`.
 */
export async function loadModel(path: string, options: LoadOptions = {}): Promise<EfpModel> {
    const { services, document } = await loadWorkspace(path, access(options));
    return efpModelOf(path, services, document);
}

/** The same from a text in memory (a notebook cell, a generated model). */
export async function loadModelText(text: string, options: TextOptions = {}): Promise<EfpModel> {
    const path = options.path ?? resolve('model.efp');
    const { services, document } = await loadWorkspace(path, access(options), text);
    return efpModelOf(path, services, document);
}
