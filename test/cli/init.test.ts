import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { efp } from '../helpers/cli-run.js';

/** `efp init`: a model, its README and a CI file from a template, never over a file. */
const work = mkdtempSync(join(tmpdir(), 'efp-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const fresh = () => join(work, `project-${++count}`);

/** Every file under `folder`, relative, sorted. */
function filesUnder(folder: string): string[] {
    return (readdirSync(folder, { recursive: true, withFileTypes: true }))
        .filter(e => !e.isDirectory())
        .map(e => join(e.parentPath, e.name).slice(folder.length + 1))
        .sort();
}

describe('efp init', () => {
    it('--list names each template with what it models, the default marked', async () => {
        const list = await efp('init', '--list');
        expect(list.code).toBe(0);
        expect(list.stderr).toBe('');
        const lines = list.stdout.trimEnd().split('\n');
        expect(lines.map(l => l.split(/\s+/)[0])).toEqual(['web-application', 'video-streaming', 'genai-feature', 'ml-training-codecarbon', 'edge-fleet', 'cloud-instances']);
        expect(lines[0]).toMatch(/^web-application {9}a web back end on servers .*\(the default\)$/);
        expect(lines.filter(l => l.includes('(the default)'))).toHaveLength(1);
        expect(lines[3]).toContain('CodeCarbon emissions.csv');
        expect((await efp('init', '--list', '--template', 'edge-fleet')).code).toBe(2);
    });

    it('writes the default template, a README and the GitHub workflow into a new folder', async () => {
        const folder = fresh();
        const init = await efp('init', folder);
        expect(init.code).toBe(0);
        expect(init.stderr).toBe('');
        expect(filesUnder(folder)).toEqual(['.github/workflows/efp.yml', 'README.md', 'model.efp']);
        expect(readFileSync(join(folder, 'model.efp'), 'utf8')).toBe(readFileSync('templates/web-application/model.efp', 'utf8'));
        expect(init.stdout).toBe(`efp: wrote the web-application template into ${folder}:\n  ${folder}/model.efp\n  ${folder}/README.md\n`
            + `  ${folder}/.github/workflows/efp.yml\n\nnext: efp eval ${folder}/model.efp\n`);
        const readme = readFileSync(join(folder, 'README.md'), 'utf8');
        expect(readme).toMatch(/^# Web application: carbon footprint\n\n## Carbon footprint model\n/);
        expect(readme).toContain('npx @efp-lang/efp eval model.efp');
        expect(readme).toContain('npx @efp-lang/efp diff --git HEAD model.efp');
        expect(readme).toContain('`.github/workflows/efp.yml` runs efp\'s GitHub Action');
        const workflow = yaml.load(readFileSync(join(folder, '.github/workflows/efp.yml'), 'utf8')) as { jobs: { footprint: { steps: { uses?: string }[] } } };
        const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
        expect(workflow.jobs.footprint.steps.map(s => s.uses)).toContain(`efp-lang/efp@v${version}`);
    });

    it('--ci gitlab writes .gitlab-ci.yml, --ci none no CI file; the README says which', async () => {
        const gitlab = fresh();
        expect((await efp('init', gitlab, '--template', 'ml-training-codecarbon', '--ci', 'gitlab')).code).toBe(0);
        expect(filesUnder(gitlab)).toEqual(['.gitlab-ci.yml', 'README.md', 'emissions.csv', 'model.efp']);
        expect(readFileSync(join(gitlab, 'README.md'), 'utf8')).toContain('`.gitlab-ci.yml` runs efp on each merge request');
        expect(Object.keys(yaml.load(readFileSync(join(gitlab, '.gitlab-ci.yml'), 'utf8')) as object)).toEqual(['efp-footprint']);
        const none = fresh();
        expect((await efp('init', none, '--template', 'cloud-instances', '--ci', 'none')).code).toBe(0);
        expect(filesUnder(none)).toEqual(['README.md', 'model.efp']);
        expect(readFileSync(join(none, 'README.md'), 'utf8')).not.toContain('In CI');
        const wrong = await efp('init', fresh(), '--ci', 'jenkins');
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toContain('Allowed choices are github, gitlab, none');
    });

    it('refuses to write over any file, writing nothing, and exits 2', async () => {
        const folder = fresh();
        mkdirSync(join(folder, '.github/workflows'), { recursive: true });
        writeFileSync(join(folder, 'model.efp'), 'my own model\n');
        writeFileSync(join(folder, '.github/workflows/efp.yml'), 'my own workflow\n');
        const init = await efp('init', folder, '--template', 'video-streaming');
        expect(init.code).toBe(2);
        expect(init.stdout).toBe('');
        expect(init.stderr).toBe(`efp: refusing to write into ${folder}: model.efp, .github/workflows/efp.yml are already there, and efp never replaces a file\n`
            + '    hint: choose a new or empty folder, or move those files away first\n');
        expect(filesUnder(folder)).toEqual(['.github/workflows/efp.yml', 'model.efp']);
        expect(readFileSync(join(folder, 'model.efp'), 'utf8')).toBe('my own model\n');
        expect(readFileSync(join(folder, '.github/workflows/efp.yml'), 'utf8')).toBe('my own workflow\n');
    });

    it('a link in the way, even a broken one, is a file there: refused, and what it points to is not created', async () => {
        const folder = fresh();
        mkdirSync(folder);
        const elsewhere = join(work, 'elsewhere.efp');
        symlinkSync(elsewhere, join(folder, 'model.efp'));
        const init = await efp('init', folder);
        expect(init.code).toBe(2);
        expect(init.stderr).toContain('model.efp is already there');
        expect(existsSync(elsewhere)).toBe(false);
        expect(lstatSync(join(folder, 'model.efp')).isSymbolicLink()).toBe(true);
    });

    it('keeps an existing README.md and .gitlab-ci.yml as they are, and prints what to add to them', async () => {
        const folder = fresh();
        mkdirSync(folder);
        writeFileSync(join(folder, 'README.md'), '# My service\n');
        writeFileSync(join(folder, '.gitlab-ci.yml'), 'test:\n  script: [make test]\n');
        const init = await efp('init', folder, '--template', 'genai-feature', '--ci', 'gitlab');
        expect(init.code).toBe(0);
        expect(readFileSync(join(folder, 'README.md'), 'utf8')).toBe('# My service\n');
        expect(readFileSync(join(folder, '.gitlab-ci.yml'), 'utf8')).toBe('test:\n  script: [make test]\n');
        expect(filesUnder(folder)).toEqual(['.gitlab-ci.yml', 'README.md', 'model.efp']);
        expect(init.stdout).toContain(`${folder}/README.md is there already and was left as it is; add this to it:\n\n## Carbon footprint model\n`);
        expect(init.stdout).toContain(`${folder}/.gitlab-ci.yml is there already and was left as it is; add this to it:\n\n# efp on GitLab merge requests`);
        expect(init.stdout).toContain('\nefp-footprint:\n  image: node:22\n');
    });

    it('writes into a folder whose name holds quotes, spaces, $(…), a newline and bidi characters, and says so escaped', async () => {
        const name = 'a "b" \'c\' $(touch pwned) `x` \n\u202e ü;|&';
        const folder = join(work, name);
        const init = await efp('init', folder, '--template', 'ml-training-codecarbon');
        expect(init.code).toBe(0);
        expect(filesUnder(folder)).toEqual(['.github/workflows/efp.yml', 'README.md', 'emissions.csv', 'model.efp']);
        expect(existsSync('pwned') || existsSync(join(work, 'pwned'))).toBe(false);
        // the newline and the bidi override are shown as escapes: the path cannot add a line or reorder one
        expect(init.stdout).toContain('a "b" \'c\' $(touch pwned) `x` \\n\\u202e ü;|&/model.efp');
        expect(init.stdout.split('\n')).toHaveLength(8);
        // the model reads its emissions.csv relative to itself, whatever the folder is called
        const check = await efp('check', join(folder, 'model.efp'));
        expect(check.code).toBe(0);
        expect(check.stdout).toContain('no problems found');
    });

    it('refuses an unknown template, a folder that is a file and an empty folder name (exit 2), writing nothing', async () => {
        const folder = fresh();
        const unknown = await efp('init', folder, '--template', 'blockchain');
        expect(unknown).toEqual({
            code: 2, stdout: '',
            stderr: 'efp: no template \'blockchain\': efp init --template takes web-application, video-streaming, genai-feature, ml-training-codecarbon, edge-fleet, cloud-instances (efp init --list says what each is)\n'
        });
        expect(existsSync(folder)).toBe(false);
        // a name from the command line is quoted as text: no escape sequence reaches the terminal
        const hostile = await efp('init', folder, '--template', '\x1b[2J\u202eweb\napplication');
        expect(hostile.code).toBe(2);
        expect(hostile.stderr).toMatch(/^efp: no template '\\x1b\[2J\\u202eweb\\napplication': /);
        expect(hostile.stderr).not.toMatch(/[\x1b\u202e]/);
        const file = join(work, 'a-file');
        writeFileSync(file, 'x');
        const onFile = await efp('init', file);
        expect(onFile.code).toBe(2);
        expect(onFile.stderr).toBe(`efp: ${file} is a file, not a folder\n    hint: give the folder to create the model in (a new one is made)\n`);
        expect(readFileSync(file, 'utf8')).toBe('x');
        expect((await efp('init', '')).code).toBe(2);
    });
});
