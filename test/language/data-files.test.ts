import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { outsideWorkspace, type FileAccessPolicy } from '../../src/language/data-files.js';

/**
 * The workspace's file policy compares real paths: a link inside the workspace to a folder outside it
 * leads outside, and a link to a file inside stays inside.
 */
let dir: string;
let ws: string;
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-policy-'));
    ws = join(dir, 'ws');
    mkdirSync(join(ws, 'runs'), { recursive: true });
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret', 'emissions.csv'), 'x');
    writeFileSync(join(ws, 'runs', 'emissions.csv'), 'x');
    symlinkSync('../secret', join(ws, 'link'));
    symlinkSync('runs/emissions.csv', join(ws, 'alias.csv'));
    symlinkSync(ws, join(dir, 'ws-link'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const policy = (root: string, allowOutside = false, workspaceTrusted = true): FileAccessPolicy => ({ allowOutside, workspaceTrusted, roots: () => [URI.file(root)] });
const model = () => URI.file(join(ws, 'model.efp'));

describe('the workspace file policy, by real path', () => {
    it('refuses a file reached through a link to a folder outside, even one not there yet', () => {
        expect(outsideWorkspace(policy(ws), model(), URI.file(join(ws, 'link', 'emissions.csv')))).toBe('it is outside the workspace');
        expect(outsideWorkspace(policy(ws), model(), URI.file(join(ws, 'link', 'new.csv')))).toBe('it is outside the workspace');
    });

    it('reads files inside, also through a link to a file inside or a workspace opened by a linked path', () => {
        expect(outsideWorkspace(policy(ws), model(), URI.file(join(ws, 'runs', 'emissions.csv')))).toBeUndefined();
        expect(outsideWorkspace(policy(ws), model(), URI.file(join(ws, 'alias.csv')))).toBeUndefined();
        expect(outsideWorkspace(policy(join(dir, 'ws-link')), model(), URI.file(join(ws, 'runs', 'emissions.csv')))).toBeUndefined();
        expect(outsideWorkspace(policy(ws), model(), URI.file(join(dir, 'ws-link', 'runs', 'emissions.csv')))).toBeUndefined();
    });

    it('reads outside when the user allows it, unless the workspace is untrusted', () => {
        const outside = URI.file(join(ws, 'link', 'emissions.csv'));
        expect(outsideWorkspace(policy(ws, true), model(), outside)).toBeUndefined();
        expect(outsideWorkspace(policy(ws, true, false), model(), outside)).toBe('it is outside the workspace');
    });
});
