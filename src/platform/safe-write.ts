import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError } from './file-errors.js';
import { realPath } from './real-path.js';

/**
 * Writes a file so that it is either the old file or the whole new one, never a truncated mix: the text
 * goes to a temporary file in the same folder, is flushed to the disk, then renamed over the target (a
 * rename within a folder is atomic). A failure (a full disk, a file size limit) removes the temporary file
 * and leaves the old one as it was. The target's symbolic links are followed, so a link stays a link and
 * its file is replaced; an existing file keeps its permissions. A device or a pipe (`/dev/stdout`) cannot
 * be replaced: it is written in place, as is any path under /dev or /proc. Errors are FileErrors naming
 * `path` as given.
 */
export async function writeFileSafely(path: string, data: string | Uint8Array): Promise<void> {
    // `/dev/stdout` leads to whatever the shell opened (`> out.txt`, `>> log`): written there, not replaced
    if (/^\/(dev|proc)\//.test(path)) {
        try {
            await writeFile(path, data);
            return;
        } catch (e) {
            throw FileError.of(path, 'write', e);
        }
    }
    const target = realPath(path);
    let existing: Stats | undefined;
    try {
        existing = await stat(target);
    } catch {
        // a new file (or a folder that is not there, which opening the temporary file reports)
    }
    if (existing?.isDirectory()) throw FileError.of(path, 'write', { code: 'EISDIR' });
    if (existing && !existing.isFile()) {
        try {
            await writeFile(target, data);
            return;
        } catch (e) {
            throw FileError.of(path, 'write', e);
        }
    }
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    let created = false;
    try {
        const file = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing ? existing.mode & 0o7777 : 0o666);
        created = true;
        try {
            // the mode given to open is reduced by the umask: the old file's is restored exactly
            if (existing) await file.chmod(existing.mode & 0o7777);
            await file.writeFile(data);
            await file.sync();
        } finally {
            await file.close();
        }
        await rename(temporary, target);
        created = false;
    } catch (e) {
        throw FileError.of(path, 'write', e);
    } finally {
        if (created) await unlink(temporary).catch(() => undefined);
    }
}
