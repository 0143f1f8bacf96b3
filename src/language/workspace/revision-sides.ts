import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { EmptyFileSystemProvider, URI, UriUtils, type FileSystemNode, type FileSystemProvider, type LangiumDocument } from 'langium';
import { createEfpServices, type EfpServices } from '../efp-module.js';
import { analyzeDocument, blocksUse, type FileDiagnostic } from '../document-analysis.js';
import { keptEfootprintIds } from './kept-efootprint-ids.js';
import type { Model } from '../../engine/index.js';
import { loadWorkspace, type WorkspaceAccess } from './file-workspace.js';
import { loadModelFiles } from './model-files.js';
import { SourceUnavailableError } from './source-unavailable-error.js';
import { git, gitBlob, gitBlobSync, isOutputTooLarge } from './git-command.js';
import { fileLimitOf } from '../data-files.js';
import { checkedText, streamTooLargeError } from '../../platform/text-files.js';

/**
 * One side of `efp diff`: a model evaluated from the working tree or from a git revision, with the
 * e-footprint ids its files keep in comments. A side without the file (added or deleted since) has no
 * model: everything on the other side is then added, or removed.
 */
export interface DiffSide {
    /** `HEAD`, `working tree`, or the path given. */
    readonly label: string;
    readonly model?: Model;
    readonly ids: ReadonlyMap<string, string>;
    /** Errors that kept the model from evaluating (then `model` is absent though the file is there). */
    readonly errors: readonly FileDiagnostic[];
    readonly absent: boolean;
    /** The URI of the model's main document (the file given; it imports the others), when there is one. */
    readonly mainUri?: string;
}

function sideOf(label: string, services: EfpServices, document: LangiumDocument): DiffSide {
    const analysis = analyzeDocument(document, services);
    // an exceeded budget does not keep the figures from comparing
    const errors = analysis.diagnostics.filter(blocksUse);
    return {
        label, model: errors.length === 0 ? analysis.model : undefined, ids: keptEfootprintIds(services).objects, errors, absent: false,
        mainUri: document.uri.toString()
    };
}

/**
 * A model file on disk and what it imports; `missingIsAbsent` for the working tree of `--git`, where a
 * deleted file is a side without a model. `access`: where it may read (the language server's workspace;
 * by default a command's).
 */
export async function sideFromFile(path: string, label: string, missingIsAbsent = false, access?: WorkspaceAccess): Promise<DiffSide> {
    if (missingIsAbsent && !existsSync(path)) return { label, ids: new Map(), errors: [], absent: true };
    const { services, document } = await loadWorkspace(path, access);
    return sideOf(label, services, document);
}

/** A git repository and the model file's path in it. */
export interface GitLocation {
    /** The repository's top folder, as the file system spells it. */
    readonly root: string;
    /** The file's path from the top folder, with `/`, as `git show REV:path` takes it. */
    readonly path: string;
}

/** The nearest folder that exists (the file may be deleted in the working tree, even its folder). */
function existingAncestor(path: string): string {
    let dir = path;
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
}

/** Where `file` (or the current folder) is in its git repository; a usage error outside one. */
export async function locateInGit(file: string | undefined): Promise<GitLocation> {
    const absolute = resolve(file ?? '.');
    const cwd = existingAncestor(file ? dirname(absolute) : absolute);
    let top: string;
    try {
        top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SourceUnavailableError('git is not installed (or not on the PATH): --git needs it');
        throw new SourceUnavailableError(`${file ?? cwd} is not in a git repository: --git compares with a revision of one`);
    }
    // compare real paths: the top folder git prints has its links resolved
    const realCwd = realpathSync(cwd);
    const rest = relative(cwd, absolute);
    const inRepo = relative(realpathSync(top), join(realCwd, rest));
    return { root: top, path: inRepo.split(sep).join('/') };
}

/** The commit a revision names; a usage error when it names none. */
export async function resolveRevision(root: string, revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new SourceUnavailableError(`'${revision}' is not a revision`);
    try {
        return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
    } catch {
        throw new SourceUnavailableError(`unknown revision '${revision}' in ${root} (a branch, tag or commit: HEAD, main, origin/main, a1b2c3d)`);
    }
}

/** How a file of a revision is named in messages: `model.efp in a1b2c3d4e5f6`. */
function revisionFileName(commit: string, path: string): string {
    return `${path} in ${commit.slice(0, 12)}`;
}

/**
 * A file's text at a commit, or undefined when the commit has no such file; held to the rules of files
 * on disk (size limit, strict UTF-8), a FileError when it breaks one.
 */
async function showFile(root: string, commit: string, uri: URI): Promise<string | undefined> {
    const path = revisionPath(root, uri);
    const limit = fileLimitOf(uri);
    let bytes: Buffer;
    try {
        bytes = await gitBlob(root, commit, path, limit.bytes + 1);
    } catch (e) {
        if (isOutputTooLarge(e)) throw streamTooLargeError(revisionFileName(commit, path), limit);
        return undefined;
    }
    return checkedText(revisionFileName(commit, path), bytes, limit);
}

/** A working-tree file's path in a revision: relative to the repository's top, with `/`. */
function revisionPath(root: string, uri: URI): string {
    return relative(root, uri.fsPath).split(sep).join('/');
}

/** Reads files of a commit for Langium (a measurement's CSV): `git cat-file`, synchronously as the engine asks. */
class GitRevisionFileSystem implements FileSystemProvider {
    private readonly empty = new EmptyFileSystemProvider();

    constructor(private readonly root: string, private readonly commit: string) {}


    readFileSync(uri: URI): string {
        const path = revisionPath(this.root, uri);
        const limit = fileLimitOf(uri);
        let bytes: Buffer;
        try {
            bytes = gitBlobSync(this.root, this.commit, path, limit.bytes + 1);
        } catch (e) {
            if (isOutputTooLarge(e)) throw streamTooLargeError(revisionFileName(this.commit, path), limit);
            throw Object.assign(new Error(`no such file in ${this.commit.slice(0, 12)}`), { code: 'ENOENT' });
        }
        return checkedText(revisionFileName(this.commit, path), bytes, limit);
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return gitBlobSync(this.root, this.commit, revisionPath(this.root, uri), fileLimitOf(uri).bytes + 1);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    // nothing lists or stats files of a revision: Langium's defaults (no such file) are enough
    stat(uri: URI): Promise<FileSystemNode> { return this.empty.stat(uri); }
    statSync(uri: URI): FileSystemNode { return this.empty.statSync(uri); }
    exists(): Promise<boolean> { return this.empty.exists(); }
    existsSync(): boolean { return this.empty.existsSync(); }
    readDirectory(): Promise<FileSystemNode[]> { return this.empty.readDirectory(); }
    readDirectorySync(): FileSystemNode[] { return this.empty.readDirectorySync(); }
}

/**
 * A model at a git revision: its file and every file it imports (relative to each file, inside the
 * revision), read with `git show` into an in-memory workspace, so nothing is written to disk. The
 * documents get the URIs the files have in the working tree, so places read alike on both sides.
 */
export async function sideFromRevision(location: GitLocation, revision: string, commit: string): Promise<DiffSide> {
    const label = revision;
    const { shared, Efp } = createEfpServices({ fileSystemProvider: () => new GitRevisionFileSystem(location.root, commit) });
    const rootUri = URI.file(location.root);
    // the documents get the working tree's URIs, read from the revision by their path from its top
    const { main } = await loadModelFiles(shared, UriUtils.joinPath(rootUri, ...location.path.split('/')), location.path,
        uri => showFile(location.root, commit, uri));
    return main ? sideOf(label, Efp, main) : { label, ids: new Map(), errors: [], absent: true };
}

/** The `.efp` files git tracks at a commit (or in the working tree and index, without one), from the top folder. */
export async function trackedModels(root: string, commit?: string): Promise<string[]> {
    const out = commit
        ? await git(root, ['ls-tree', '-r', '--name-only', '--full-tree', commit])
        : await git(root, ['ls-files', '--cached', '--others', '--exclude-standard', '--full-name']);
    return out.split('\n').filter(p => p.endsWith('.efp'));
}

/** `examples/quickstart.efp`: how places of a side are named (relative to `base`, with `/`). */
export function locatorFrom(base: string): (uri: string) => string {
    return uri => {
        const parsed = URI.parse(uri);
        if (parsed.scheme !== 'file') return uri;
        const rel = relative(base, parsed.fsPath);
        return (rel && !rel.startsWith('..') ? rel : basename(parsed.fsPath)).split(sep).join('/');
    };
}
