import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isInsideFolder, realPath } from '../../src/platform/real-path.js';

let dir: string;
beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'efp-real-')));
    mkdirSync(join(dir, 'lib'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'lib', 'net.efp'), '');
    symlinkSync('lib', join(dir, 'lib-link'));
    symlinkSync('../outside', join(dir, 'lib', 'escape'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('real paths', () => {
    it('are the same for every spelling of a file: relative, with `..`, through a linked folder', () => {
        const net = join(dir, 'lib', 'net.efp');
        expect(realPath(join(dir, 'lib', '..', 'lib', 'net.efp'))).toBe(net);
        expect(realPath(join(dir, 'lib-link', 'net.efp'))).toBe(net);
        expect(realPath(relative(process.cwd(), net))).toBe(net);
    });

    it('of a file not there yet: where it would land, through a linked folder', () => {
        expect(realPath(join(dir, 'lib-link', 'new', 'out.svg'))).toBe(join(dir, 'lib', 'new', 'out.svg'));
        expect(realPath(join(dir, 'lib', 'escape', 'x.csv'))).toBe(join(dir, 'outside', 'x.csv'));
    });

    it('`link/..` is the link\'s target\'s parent, as the file system has it', () => {
        expect(realPath(`${join(dir, 'lib', 'escape')}/../lib/net.efp`)).toBe(join(dir, 'lib', 'net.efp'));
    });

    it('inside a folder: the folder itself and below, not a sibling with the same prefix', () => {
        expect(isInsideFolder('/ws', '/ws')).toBe(true);
        expect(isInsideFolder('/ws', '/ws/a/b.efp')).toBe(true);
        expect(isInsideFolder('/ws', '/ws2/a.efp')).toBe(false);
        expect(isInsideFolder('/ws', '/etc/passwd')).toBe(false);
        expect(isInsideFolder('/ws', '/ws/..data/x')).toBe(true);
    });
});
