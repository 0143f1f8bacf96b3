/**
 * A file efp could not read or write, said as a user reads it: the path as they typed it and the reason
 * in words ("no space left on the device"), not an errno code. The CLI prints it and exits 2 for a file
 * it could not read (an input it cannot use) and 1 for one it could not write; it is never an internal
 * error, which is a bug of efp.
 */
export class FileError extends Error {
    constructor(readonly path: string, readonly operation: 'read' | 'write', readonly reason: string, readonly hint?: string,
        /** The system's error code (ENOENT...), when the system said it. */
        readonly code?: string) {
        super(`cannot ${operation} ${path}: ${reason}`);
    }

    /** The FileError of a Node file system error. */
    static of(path: string, operation: 'read' | 'write', error: unknown): FileError {
        return new FileError(path, operation, reasonInWords(error, operation), undefined, (error as NodeJS.ErrnoException | undefined)?.code);
    }
}

/** What went wrong with a file, in words, from a Node file system error. */
export function reasonInWords(error: unknown, operation: 'read' | 'write'): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return operation === 'read' ? 'no such file' : 'its folder does not exist';
        case 'EISDIR': return 'it is a folder';
        case 'ENOTDIR': return 'a part of its path is a file, not a folder';
        case 'ENOSPC': return 'no space left on the device';
        case 'EDQUOT': return 'the disk quota is used up';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EROFS': return 'the file system is read-only';
        case 'EFBIG': return 'the file is larger than the file system or the process may write';
        case 'ENAMETOOLONG': return 'its name is too long';
        case 'ELOOP': return 'too many symbolic links lead to it (a loop?)';
        case 'EBUSY': case 'ETXTBSY': return 'it is busy (in use by another program)';
        case 'EMFILE': case 'ENFILE': return 'too many files are open';
        case 'EIO': return 'an input/output error (a disk or network fault)';
        case 'ENXIO': case 'ENODEV': return 'no such device';
        case 'EEXIST': return 'a file of that name appeared meanwhile';
        case 'EINVAL': return 'the file does not accept this (a special file?)';
        default: return code ? `a system error (${code})` : error instanceof Error ? error.message : String(error);
    }
}
