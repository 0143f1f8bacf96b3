import { URI, UriUtils, type LangiumSharedCoreServices } from 'langium';
import { type DataFileContent, dataFileKey, dataFileOfKey, type InputDescription, type ObjectDescription, readDecimal, type ScenarioDescription, seriesFilesIn } from '../engine/index.js';
import { FileError } from '../platform/file-errors.js';
import { isInsideFolder, realPath } from '../platform/real-path.js';
import { fileSize, type SizeLimit } from '../platform/text-files.js';

/** Reads a file's text (Langium's FileSystemProvider.readFileSync in the CLI and the language server). */
export type DataFileReader = (uri: URI) => string;

/** A size limit in MB from the environment, in bytes; unset or empty: the default. */
export function limitFromEnvironment(variable: string, defaultMb: number): number {
    const text = process.env[variable];
    if (text === undefined || text === '') return defaultMb * 1024 * 1024;
    const mb = readDecimal(text);
    if (!mb.ok || mb.value <= 0) {
        // a limit read wrongly (`0x10` as 16) would refuse or admit files for no reason the user can see
        throw new DataFileRefusal(`${variable} is \`${text}\`, not a ${mb.ok ? 'positive' : 'decimal'} number of MB`,
            `Set ${variable} to a number of megabytes such as ${defaultMb * 2}, or unset it for the default of ${defaultMb}.`);
    }
    return mb.value * 1024 * 1024;
}

/**
 * The largest data file efp reads (a CodeCarbon emissions.csv, a series' CSV file): the whole text is held
 * in memory and parsed on every evaluation, so a file of hundreds of MB would stall the editor. 64 MB is
 * about 100,000 CodeCarbon runs, or a series' 2,000,000 hours with a few columns; EFP_MAX_DATA_FILE_MB
 * raises (or lowers) it.
 */
export function maxDataFileBytes(): number {
    return limitFromEnvironment('EFP_MAX_DATA_FILE_MB', 64);
}

export function dataFileLimit(): SizeLimit {
    return {
        bytes: maxDataFileBytes(),
        hint: 'Keep only the rows the model needs in the file (CodeCarbon appends every run to its emissions.csv), or set EFP_MAX_DATA_FILE_MB to raise the limit.'
    };
}

/**
 * The largest model file (.efp) efp reads: the text is held whole, with its tokens. What reading it costs
 * beyond that is held to the budget of tokens (src/language/token-budget.ts). EFP_MAX_MODEL_FILE_MB raises
 * (or lowers) it.
 */
export function modelFileLimit(): SizeLimit {
    return { bytes: limitFromEnvironment('EFP_MAX_MODEL_FILE_MB', 10), hint: 'Split the model into files that import each other, or set EFP_MAX_MODEL_FILE_MB to raise the limit.' };
}

/** The limit of a file by its role: models are .efp files, anything else a model reads is data. */
export function fileLimitOf(uri: URI): SizeLimit {
    return uri.path.endsWith('.efp') ? modelFileLimit() : dataFileLimit();
}

/**
 * Which folders a model may read files from (data files and imports): the workspace's folders (the
 * editor's, or for the CLI the current folder and the model's), unless the user allowed any file with
 * the `efp.files.allowOutsideWorkspace` setting or the CLI's `--allow-outside`. A model is text anyone
 * may send in a pull request; it must not make an editor or a CI job read `~/.ssh` or `/etc/passwd`.
 * Paths compare by their real paths: a link inside the workspace to a folder outside it leads outside.
 */
export interface FileAccessPolicy {
    allowOutside: boolean;
    /** Folders as file URIs; none known (no workspace folder): the folder of the document that names the file. */
    roots: () => readonly URI[];
    /**
     * Whether the user trusts the workspace (VS Code's workspace trust; true for the CLI and editors
     * without the notion). In an untrusted one nothing outside it is read, whatever the setting, and git
     * is not run (a repository's configuration can make git run programs).
     */
    workspaceTrusted: boolean;
}

// keyed by the workspace manager: the services container is a proxy, which each service sees as another object
const policies = new WeakMap<object, FileAccessPolicy>();

/**
 * The policy of a set of services: the language server's follows its workspace folders and what the
 * client says (src/language/workspace/client-file-policy.ts); the CLI changes this same object (the model
 * cache holds on to it). It never reads `efp.files.allowOutsideWorkspace` from the workspace's
 * configuration: a workspace's own settings could then let its models read the user's files.
 */
export function fileAccessPolicy(shared: LangiumSharedCoreServices): FileAccessPolicy {
    const workspace = shared.workspace.WorkspaceManager;
    let policy = policies.get(workspace);
    if (!policy) {
        policy = {
            allowOutside: false,
            roots: () => (workspace.workspaceFolders ?? []).map(f => URI.parse(f.uri)),
            workspaceTrusted: true
        };
        policies.set(workspace, policy);
    }
    return policy;
}

export const OUTSIDE_WORKSPACE_HINT = 'efp reads only files inside the workspace; to allow this one, set `efp.files.allowOutsideWorkspace` '
    + 'in the editor, or run the CLI with --allow-outside (or EFP_ALLOW_OUTSIDE=1)';

/** Why `uri`, named by the document `documentUri`, may not be read; undefined when it may. */
export function outsideWorkspace(policy: FileAccessPolicy, documentUri: URI, uri: URI): string | undefined {
    if ((policy.allowOutside && policy.workspaceTrusted) || uri.scheme !== 'file') return undefined;
    const known = policy.roots();
    const roots = known.length > 0 ? known : [UriUtils.dirname(documentUri)];
    const real = realPath(uri.fsPath);
    return roots.some(root => root.scheme === 'file' && isInsideFolder(realPath(root.fsPath), real)) ? undefined : 'it is outside the workspace';
}

/** A refusal to read a file, with what to do about it. */
export class DataFileRefusal extends Error {
    constructor(message: string, readonly hint: string) {
        super(message);
    }
}

/**
 * A reader that keeps to the policy and the size limit, for the model's data files. On disk the reader
 * checks the size before reading (src/language/workspace/checked-file-system.ts); where there is no
 * file system to ask (a git revision), the text is checked after.
 */
export function guardedReader(policy: FileAccessPolicy, read: DataFileReader): (documentUri: URI, uri: URI) => string {
    return (documentUri, uri) => {
        const outside = outsideWorkspace(policy, documentUri, uri);
        if (outside) throw new DataFileRefusal(outside, OUTSIDE_WORKSPACE_HINT);
        const text = read(uri);
        const limit = dataFileLimit();
        if (text.length > limit.bytes) throw new DataFileRefusal(`it is ${fileSize(text.length)}, more than the ${fileSize(limit.bytes)} efp reads`, limit.hint);
        return text;
    };
}

/** The objects that name a data file, and the input that names it. */
const DATA_FILE_INPUTS: Readonly<Record<string, string>> = { Measurement: 'file' };

/** Where a path written in a document points: relative to the document, as imports are. */
export function resolveDataFile(documentUri: string, path: string): URI {
    if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)) return URI.file(path);
    return UriUtils.resolvePath(UriUtils.dirname(URI.parse(documentUri)), path);
}

/** A data file as a model names it: the document it is written in and the path as written there. */
interface NamedFile {
    readonly documentUri: string;
    readonly path: string;
}

/**
 * The data files a model names: a measurement's `file:` (an emissions.csv), and the `file:` of every
 * `hourly_values(file: …)` in the objects' inputs and the scenarios' changes (a series from a CSV file).
 */
function namedFiles(objects: readonly ObjectDescription[], scenarios: readonly ScenarioDescription[]): NamedFile[] {
    const named: NamedFile[] = [];
    const fromExpressions = (input: InputDescription) => {
        for (const file of seriesFilesIn(input.expr)) named.push({ documentUri: file.origin.uri, path: file.path });
    };
    for (const object of objects) {
        const name = DATA_FILE_INPUTS[object.className];
        const input = name ? object.inputs[name] : undefined;
        const uri = input?.expr.origin?.uri ?? input?.origin?.uri;
        if (input && input.expr.kind === 'text' && uri) named.push({ documentUri: uri, path: input.expr.value });
        // the built-in library names no file
        if (!object.builtin) for (const key in object.inputs) fromExpressions(object.inputs[key]);
    }
    for (const scenario of scenarios) for (const change of scenario.changes) fromExpressions(change.input);
    return named;
}

/**
 * The data files a description holds (what readDataFiles read for it), resolved: what a model depends on
 * besides its .efp files, so that the language server re-evaluates it when one changes on disk. Found
 * from the description's keys, without walking the model's expressions again.
 */
export function dataFilesRead(files: Readonly<Record<string, DataFileContent>> = {}): URI[] {
    const resolved = new Map<string, URI>();
    for (const key of Object.keys(files)) {
        const { documentUri, path } = dataFileOfKey(key);
        const file = resolveDataFile(documentUri, path);
        resolved.set(file.toString(), file);
    }
    return [...resolved.values()];
}

/**
 * The data files a model names, read now, keyed as the engine looks them up. A file that cannot be read
 * is kept with the reason, which the engine reports where the file is named.
 */
export function readDataFiles(objects: readonly ObjectDescription[], read: DataFileReader | undefined, policy?: FileAccessPolicy,
    scenarios: readonly ScenarioDescription[] = []): Record<string, DataFileContent> {
    const guarded = read && policy ? guardedReader(policy, read) : read && ((_: URI, uri: URI) => read(uri));
    const files: Record<string, DataFileContent> = {};
    for (const { documentUri: uri, path } of namedFiles(objects, scenarios)) {
        const key = dataFileKey(uri, path);
        if (key in files) continue;
        if (!read) {
            files[key] = { error: 'no file system to read it from' };
            continue;
        }
        try {
            files[key] = { text: guarded!(URI.parse(uri), resolveDataFile(uri, path)) };
        } catch (e) {
            if (e instanceof DataFileRefusal) {
                files[key] = { error: e.message, hint: e.hint };
                continue;
            }
            if (e instanceof FileError) {
                files[key] = { error: e.reason, ...(e.hint ? { hint: e.hint } : {}) };
                continue;
            }
            const code = (e as NodeJS.ErrnoException).code;
            files[key] = { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? (e as Error).message };
        }
    }
    return files;
}
