import { statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { URI, UriUtils, type LangiumSharedCoreServices } from 'langium';
import type { DataFileContent, ObjectDescription } from '../engine/model/description.js';
import { dataFileKey } from '../engine/codecarbon/data-file-key.js';

/** Reads a file's text (Langium's FileSystemProvider.readFileSync in the CLI and the language server). */
export type DataFileReader = (uri: URI) => string;

/**
 * The largest data file efp reads (a CodeCarbon emissions.csv): the whole text is held in memory and
 * parsed on every evaluation, so a file of hundreds of MB would stall the editor. 64 MB is about 100,000
 * CodeCarbon runs; EFP_MAX_DATA_FILE_MB raises (or lowers) it.
 */
export function maxDataFileBytes(): number {
    const mb = Number(process.env.EFP_MAX_DATA_FILE_MB);
    return (Number.isFinite(mb) && mb > 0 ? mb : 64) * 1024 * 1024;
}

/**
 * Which folders a model may read files from (data files and imports): the workspace's folders (the
 * editor's, or for the CLI the current folder and the model's), unless the user allowed any file with
 * the `efp.files.allowOutsideWorkspace` setting or the CLI's `--allow-outside`. A model is text anyone
 * may send in a pull request; it must not make an editor or a CI job read `~/.ssh` or `/etc/passwd`.
 */
export interface FileAccessPolicy {
    allowOutside: boolean;
    /** Folders as file URIs; none known (no workspace folder): the folder of the document that names the file. */
    roots: () => readonly URI[];
}

// keyed by the workspace manager: the services container is a proxy, which each service sees as another object
const policies = new WeakMap<object, FileAccessPolicy>();

/**
 * The policy of a set of services: the language server's follows its workspace folders and setting; the
 * CLI changes this same object (the model cache holds on to it).
 */
export function fileAccessPolicy(shared: LangiumSharedCoreServices): FileAccessPolicy {
    const workspace = shared.workspace.WorkspaceManager;
    let policy = policies.get(workspace);
    if (!policy) {
        const created: FileAccessPolicy = {
            allowOutside: false,
            roots: () => (workspace.workspaceFolders ?? []).map(f => URI.parse(f.uri))
        };
        const settings = shared.workspace.ConfigurationProvider;
        const apply = (efp: unknown) => {
            const files = (efp as { files?: { allowOutsideWorkspace?: unknown } } | undefined)?.files;
            created.allowOutside = files?.allowOutsideWorkspace === true;
        };
        // the editor's setting, once fetched (a CLI has none: it keeps what it set itself)
        void settings.getConfiguration('efp', 'files').then(files => { if (files !== undefined) apply({ files }); }, () => undefined);
        settings.onConfigurationSectionUpdate(update => { if (update.section === 'efp') apply(update.configuration); });
        policies.set(workspace, created);
        policy = created;
    }
    return policy;
}

function isInside(folder: URI, uri: URI): boolean {
    if (folder.scheme !== uri.scheme) return false;
    const rel = relative(folder.fsPath, uri.fsPath);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export const OUTSIDE_WORKSPACE_HINT = 'efp reads only files inside the workspace; to allow this one, set `efp.files.allowOutsideWorkspace` '
    + 'in the editor, or run the CLI with --allow-outside (or EFP_ALLOW_OUTSIDE=1)';

/** Why `uri`, named by the document `documentUri`, may not be read; undefined when it may. */
export function outsideWorkspace(policy: FileAccessPolicy, documentUri: URI, uri: URI): string | undefined {
    if (policy.allowOutside || uri.scheme !== 'file') return undefined;
    const known = policy.roots();
    const roots = known.length > 0 ? known : [UriUtils.dirname(documentUri)];
    return roots.some(root => isInside(root, uri)) ? undefined : 'it is outside the workspace';
}

/** A refusal to read a file, with what to do about it. */
export class DataFileRefusal extends Error {
    constructor(message: string, readonly hint: string) {
        super(message);
    }
}

/**
 * A reader that keeps to the policy and the size limit, for the model's data files. The size is checked
 * before reading (a 100 MB file is never loaded); where there is no file system to ask, after.
 */
export function guardedReader(policy: FileAccessPolicy, read: DataFileReader): (documentUri: URI, uri: URI) => string {
    return (documentUri, uri) => {
        const outside = outsideWorkspace(policy, documentUri, uri);
        if (outside) throw new DataFileRefusal(outside, OUTSIDE_WORKSPACE_HINT);
        const limit = maxDataFileBytes();
        let size: number | undefined;
        try {
            if (uri.scheme === 'file') size = statSync(uri.fsPath).size;
        } catch {
            // the reader says why it cannot read it
        }
        const tooLarge = (bytes: number) => new DataFileRefusal(`it is ${megabytes(bytes)}, more than the ${megabytes(limit)} efp reads`,
            'Keep only the runs you need in the file (CodeCarbon appends every run to it), or set EFP_MAX_DATA_FILE_MB to raise the limit.');
        if (size !== undefined && size > limit) throw tooLarge(size);
        const text = read(uri);
        if (text.length > limit) throw tooLarge(text.length);
        return text;
    };
}

function megabytes(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The objects that name a data file, and the input that names it. */
const DATA_FILE_INPUTS: Readonly<Record<string, string>> = { Measurement: 'file' };

/** Where a path written in a document points: relative to the document, as imports are. */
export function resolveDataFile(documentUri: string, path: string): URI {
    if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)) return URI.file(path);
    return UriUtils.resolvePath(UriUtils.dirname(URI.parse(documentUri)), path);
}

/**
 * The data files the objects name, resolved: what a model depends on besides its .efp files, so that
 * the language server re-evaluates it when one changes on disk.
 */
export function dataFilesNamed(objects: readonly ObjectDescription[]): URI[] {
    const files = new Map<string, URI>();
    for (const object of objects) {
        const name = DATA_FILE_INPUTS[object.className];
        const input = name ? object.inputs[name] : undefined;
        const uri = input?.expr.origin?.uri ?? input?.origin?.uri;
        if (!input || input.expr.kind !== 'text' || !uri) continue;
        const file = resolveDataFile(uri, input.expr.value);
        files.set(file.toString(), file);
    }
    return [...files.values()];
}

/**
 * The data files a model's objects name, read now, keyed as the engine looks them up. A file that
 * cannot be read is kept with the reason, which the engine reports on the attribute that names it.
 */
export function readDataFiles(objects: readonly ObjectDescription[], read: DataFileReader | undefined, policy?: FileAccessPolicy): Record<string, DataFileContent> {
    const guarded = read && policy ? guardedReader(policy, read) : read && ((_: URI, uri: URI) => read(uri));
    const files: Record<string, DataFileContent> = {};
    for (const object of objects) {
        const name = DATA_FILE_INPUTS[object.className];
        const input = name ? object.inputs[name] : undefined;
        const uri = input?.expr.origin?.uri ?? input?.origin?.uri;
        if (!input || input.expr.kind !== 'text' || !uri) continue;
        const key = dataFileKey(uri, input.expr.value);
        if (key in files) continue;
        if (!read) {
            files[key] = { error: 'no file system to read it from' };
            continue;
        }
        try {
            files[key] = { text: guarded!(URI.parse(uri), resolveDataFile(uri, input.expr.value)) };
        } catch (e) {
            if (e instanceof DataFileRefusal) {
                files[key] = { error: e.message, hint: e.hint };
                continue;
            }
            const code = (e as NodeJS.ErrnoException).code;
            files[key] = { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? (e as Error).message };
        }
    }
    return files;
}
