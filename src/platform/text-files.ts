import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { FileError } from './file-errors.js';
import { decodeUtf8, NotUtf8Error } from './utf8-text.js';

/**
 * The one way efp reads a text file from disk (models, the files they import, data files, the CLI's JSON
 * and CSV inputs): the size checked before reading (a 1 GB file is never loaded), the bytes decoded as
 * strict UTF-8, and any failure a FileError saying why in words. Whether the file may be read at all (the
 * workspace's policy) is the caller's to check first.
 */

/** How large a file may be, and how to change the limit (said when a file is over it). */
export interface SizeLimit {
    readonly bytes: number;
    readonly hint: string;
}

const CHUNK = 64 * 1024;

type ReadListener = (path: string) => void;
const listeners = new Set<ReadListener>();

/**
 * Calls `listener` with the path of every file read from now on (before reading it: a file that fails
 * to read was still an input), until the returned function is called. The CLI keeps the files a command
 * reads, to refuse writing its output over one of them.
 */
export function onTextFileRead(listener: ReadListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** `512 kB`, `2.5 MB`, `64 MB`: a size as the limits are said. */
export function fileSize(bytes: number): string {
    const mb = bytes / 1024 / 1024;
    if (mb < 1) return `${Math.ceil(bytes / 1024)} kB`;
    return `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}

function tooLarge(path: string, size: number, limit: SizeLimit): FileError {
    return new FileError(path, 'read', `it is ${fileSize(size)}, more than the ${fileSize(limit.bytes)} efp reads`, limit.hint);
}

/** Bytes read from elsewhere (a git revision) held to the same rules: the limit, strict UTF-8. */
export function checkedText(path: string, bytes: Uint8Array, limit: SizeLimit): string {
    if (bytes.length > limit.bytes) throw tooLarge(path, bytes.length, limit);
    return decoded(path, bytes);
}

export function tooLargeError(path: string, size: number, limit: SizeLimit): FileError {
    return tooLarge(path, size, limit);
}

/** A stream (standard input, git's output) read up to the limit and stopped there: its size is not known. */
export function streamTooLargeError(path: string, limit: SizeLimit): FileError {
    return new FileError(path, 'read', `it is longer than the ${fileSize(limit.bytes)} efp reads`, limit.hint);
}

function decoded(path: string, bytes: Uint8Array): string {
    try {
        return decodeUtf8(bytes);
    } catch (e) {
        if (e instanceof NotUtf8Error) throw new FileError(path, 'read', e.message, e.hint);
        throw e;
    }
}

export async function readTextFile(path: string, limit: SizeLimit): Promise<string> {
    for (const listener of listeners) listener(path);
    let bytes: Uint8Array;
    try {
        const file = await open(path, 'r');
        try {
            const info = await file.stat();
            if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
            if (info.size > limit.bytes) throw tooLarge(path, info.size, limit);
            if (info.isFile()) bytes = await file.readFile();
            else {
                // a device or a pipe has no size to check: read it up to the limit
                const chunks: Uint8Array[] = [];
                let total = 0;
                for (;;) {
                    const { bytesRead, buffer } = await file.read(Buffer.alloc(CHUNK), 0, CHUNK, null);
                    if (bytesRead === 0) break;
                    total += bytesRead;
                    if (total > limit.bytes) throw tooLarge(path, total, limit);
                    chunks.push(buffer.subarray(0, bytesRead));
                }
                bytes = Buffer.concat(chunks);
            }
        } finally {
            await file.close();
        }
    } catch (e) {
        if (e instanceof FileError) throw e;
        throw FileError.of(path, 'read', e);
    }
    return decoded(path, bytes);
}

export function readTextFileSync(path: string, limit: SizeLimit): string {
    for (const listener of listeners) listener(path);
    let bytes: Uint8Array;
    try {
        const fd = openSync(path, 'r');
        try {
            const info = fstatSync(fd);
            if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
            if (info.size > limit.bytes) throw tooLarge(path, info.size, limit);
            if (info.isFile()) bytes = readFileSync(fd);
            else {
                const chunks: Uint8Array[] = [];
                let total = 0;
                for (;;) {
                    const buffer = Buffer.alloc(CHUNK);
                    const bytesRead = readSync(fd, buffer, 0, CHUNK, null);
                    if (bytesRead === 0) break;
                    total += bytesRead;
                    if (total > limit.bytes) throw tooLarge(path, total, limit);
                    chunks.push(buffer.subarray(0, bytesRead));
                }
                bytes = Buffer.concat(chunks);
            }
        } finally {
            closeSync(fd);
        }
    } catch (e) {
        if (e instanceof FileError) throw e;
        throw FileError.of(path, 'read', e);
    }
    return decoded(path, bytes);
}
