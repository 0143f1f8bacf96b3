import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileError } from '../platform/file-errors.js';
import type { ProjectFile } from './project-files.js';
import { TemplateError } from './template-error.js';

export interface WrittenProject {
    /** The files written, as their ProjectFile paths. */
    readonly written: readonly string[];
    /** The shared files that were there already, left as they were: their `addition` is for the user to add. */
    readonly kept: readonly ProjectFile[];
}

/**
 * Writes a new project's files into `folder` (made if missing), and never over a file: when one of them is
 * there already (a file, a folder, a link, even a broken one) nothing is written and a TemplateError names
 * them all, except a shared file (README.md...), which is kept and reported. Each file is created with
 * O_EXCL, so one that appears meanwhile is not replaced either; if a write fails, the files this call
 * created are removed and the FileError says which file and why.
 */
export async function writeProject(folder: string, files: readonly ProjectFile[]): Promise<WrittenProject> {
    const info = await statOf(folder);
    if (info && !info.isDirectory()) {
        throw new TemplateError(`${folder} is a file, not a folder`, 'give the folder to create the model in (a new one is made)');
    }
    const present: string[] = [];
    const kept: ProjectFile[] = [];
    for (const file of files) {
        if (!(await statOf(join(folder, file.path)))) continue;
        if (file.addition !== undefined) kept.push(file);
        else present.push(file.path);
    }
    if (present.length > 0) {
        throw new TemplateError(
            `refusing to write into ${folder}: ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} already there, and efp never replaces a file`,
            'choose a new or empty folder, or move those files away first'
        );
    }
    const written: string[] = [];
    try {
        for (const file of files) {
            if (kept.includes(file)) continue;
            await createFile(join(folder, file.path), file.text);
            written.push(file.path);
        }
    } catch (e) {
        await Promise.all(written.map(path => unlink(join(folder, path)).catch(() => undefined)));
        throw e;
    }
    return { written, kept };
}

async function statOf(path: string): Promise<Stats | undefined> {
    try {
        // lstat: a link is there, even when what it points to is not
        return await lstat(path);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw FileError.of(path, 'read', e);
    }
}

/** A new file, never an existing one (O_EXCL), made whole or removed. */
async function createFile(path: string, text: string): Promise<void> {
    try {
        await mkdir(dirname(path), { recursive: true });
    } catch (e) {
        throw FileError.of(dirname(path), 'write', e);
    }
    let created = false;
    try {
        const file = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
        created = true;
        try {
            await file.writeFile(text);
        } finally {
            await file.close();
        }
    } catch (e) {
        if (created) await unlink(path).catch(() => undefined);
        throw FileError.of(path, 'write', e);
    }
}
