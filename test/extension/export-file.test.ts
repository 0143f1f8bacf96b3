import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport, type ExportTarget } from '../../src/extension/panels/export-file.js';

/** The dashboard's exports (a chart's PNG, a table's CSV) as the extension writes them where the user chose. */
let dir: string;
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efp-export-'));
    writeFileSync(join(dir, 'model.efp'), 'server s { power: 1 W }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string): ExportTarget => ({ scheme: 'file', path, fsPath: path });
const notUsed = () => Promise.reject(new Error('not a remote file'));
const csv = new TextEncoder().encode('object,kg\nweb,1\n');

describe('dashboard exports', () => {
    it('write on disk through the safe writer: the whole file, nothing left beside it', async () => {
        writeFileSync(join(dir, 'summary.csv'), 'old\n');
        await writeExport(file(join(dir, 'summary.csv')), csv, file(join(dir, 'model.efp')), notUsed);
        expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('object,kg\nweb,1\n');
        expect(readdirSync(dir).sort()).toEqual(['model.efp', 'summary.csv']);
    });

    it('never over a model: the dashboard\'s, through a link to it, or any .efp file', async () => {
        symlinkSync('model.efp', join(dir, 'chart.png'));
        writeFileSync(join(dir, 'other.efp'), 'x\n');
        for (const name of ['model.efp', 'chart.png', 'other.efp']) {
            await expect(writeExport(file(join(dir, name)), csv, file(join(dir, 'model.efp')), notUsed)).rejects.toThrow(`${name} is a model: save the export under another name`);
        }
        expect(readFileSync(join(dir, 'model.efp'), 'utf8')).toBe('server s { power: 1 W }\n');
        expect(readFileSync(join(dir, 'other.efp'), 'utf8')).toBe('x\n');
    });

    it('a remote file goes through VS Code\'s own file system', async () => {
        const written: Uint8Array[] = [];
        await writeExport({ scheme: 'vscode-remote', path: '/home/u/summary.csv', fsPath: '/home/u/summary.csv' }, csv, file(join(dir, 'model.efp')),
            async bytes => { written.push(bytes); });
        expect(written).toEqual([csv]);
    });
});
