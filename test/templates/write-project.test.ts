import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError } from '../../src/platform/file-errors.js';
import { TemplateError } from '../../src/templates/template-error.js';
import { writeProject } from '../../src/templates/write-project.js';

/** The writer `efp init` and the editor share: new files only, all or none. */
const work = mkdtempSync(join(tmpdir(), 'efp-write-project-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeProject', () => {
    it('makes the folder and its subfolders, and writes each file whole', async () => {
        const folder = join(work, 'new/nested');
        const result = await writeProject(folder, [{ path: 'model.efp', text: 'a\n' }, { path: '.github/workflows/efp.yml', text: 'b\n' }]);
        expect(result).toEqual({ written: ['model.efp', '.github/workflows/efp.yml'], kept: [] });
        expect(readFileSync(join(folder, '.github/workflows/efp.yml'), 'utf8')).toBe('b\n');
    });

    it('removes what it wrote when a later file cannot be written, and says which and why', async () => {
        const folder = join(work, 'half');
        // the second file's folder would be the first file: it cannot be made
        const failure = await writeProject(folder, [{ path: 'model.efp', text: 'a\n' }, { path: 'model.efp/inside.csv', text: 'b\n' }]).catch(e => e as unknown);
        expect(failure).toBeInstanceOf(FileError);
        expect((failure as FileError).message).toBe(`cannot write ${join(folder, 'model.efp')}: ${(failure as FileError).reason}`);
        expect(readdirSync(folder)).toEqual([]);
    });

    it('a shared file that is there is kept and returned; any other refuses the whole project', async () => {
        const folder = join(work, 'shared');
        await writeProject(folder, [{ path: 'README.md', text: 'mine\n' }]);
        const readme = { path: 'README.md', text: 'theirs\n', addition: 'add this\n' };
        const result = await writeProject(folder, [{ path: 'model.efp', text: 'a\n' }, readme]);
        expect(result).toEqual({ written: ['model.efp'], kept: [readme] });
        expect(readFileSync(join(folder, 'README.md'), 'utf8')).toBe('mine\n');
        writeFileSync(join(folder, 'data.csv'), 'x\n');
        const refusal = writeProject(folder, [{ path: 'other.efp', text: 'c\n' }, { path: 'data.csv', text: 'y\n' }]);
        await expect(refusal).rejects.toThrow(TemplateError);
        await expect(refusal).rejects.toThrow(`refusing to write into ${folder}: data.csv is already there`);
        expect(existsSync(join(folder, 'other.efp'))).toBe(false);
    });
});
