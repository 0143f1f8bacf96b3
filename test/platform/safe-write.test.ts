import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSafely } from '../../src/platform/safe-write.js';
import { FileError } from '../../src/platform/file-errors.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'efp-write-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writeError(path: string): Promise<FileError> {
    try {
        await writeFileSafely(path, 'text\n');
    } catch (e) {
        if (e instanceof FileError) return e;
        throw e;
    }
    throw new Error(`wrote ${path}`);
}

describe('safe writes', () => {
    it('write a new file, and replace an old one keeping its permissions, with no temporary file left', async () => {
        const path = join(dir, 'out.txt');
        await writeFileSafely(path, 'one\n');
        expect(readFileSync(path, 'utf8')).toBe('one\n');
        chmodSync(path, 0o640);
        await writeFileSafely(path, new TextEncoder().encode('two\n'));
        expect(readFileSync(path, 'utf8')).toBe('two\n');
        expect(statSync(path).mode & 0o777).toBe(0o640);
        expect(readdirSync(dir)).toEqual(['out.txt']);
    });

    it('write through a symbolic link: the link stays, its file gets the text', async () => {
        writeFileSync(join(dir, 'real.txt'), 'old\n');
        symlinkSync('real.txt', join(dir, 'link.txt'));
        await writeFileSafely(join(dir, 'link.txt'), 'new\n');
        expect(readlinkSync(join(dir, 'link.txt'))).toBe('real.txt');
        expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new\n');
    });

    it('say why a write failed, in words, naming the path as given', async () => {
        mkdirSync(join(dir, 'folder'));
        writeFileSync(join(dir, 'file'), 'x');
        const cases: [string, string][] = [
            [join(dir, 'folder'), 'it is a folder'],
            [join(dir, 'file', 'out.txt'), 'a part of its path is a file, not a folder'],
            [join(dir, 'none', 'out.txt'), 'its folder does not exist'],
            ['/dev/full', 'no space left on the device'],
            ['/sys/efp-out.txt', 'permission denied']
        ];
        for (const [path, reason] of cases) {
            const e = await writeError(path);
            expect(e.message).toBe(`cannot write ${path}: ${reason}`);
            expect([e.path, e.operation, e.reason]).toEqual([path, 'write', reason]);
        }
        expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
        expect(readdirSync(join(dir, 'folder'))).toEqual([]);
    });
});
