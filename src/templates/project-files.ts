import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile, type SizeLimit } from '../platform/text-files.js';
import { EFP_VERSION } from '../version.js';
import { CI_FILE, githubWorkflow, gitlabJob, type CiPlatform } from './ci-files.js';
import { DEFAULT_TEMPLATE, MODEL_FILE, type ModelTemplate } from './catalogue.js';
import { readme, readmeSection } from './readme.js';

/** A file of a new project: its path relative to the project's folder (with `/`), and its text. */
export interface ProjectFile {
    readonly path: string;
    readonly text: string;
    /**
     * A file the rest of a repository writes to as well (README.md, .gitlab-ci.yml): an existing one is kept
     * as it is, and `addition` is what to add to it. Any other file that exists stops the whole init.
     */
    readonly addition?: string;
}

/** Template files are a few kilobytes: anything larger is not one of efp's. */
const TEMPLATE_FILE_LIMIT: SizeLimit = { bytes: 1024 * 1024, hint: 'efp\'s templates are small files: reinstall efp' };

/**
 * The templates' folder among `candidates` (the first that holds the default template): next to the
 * bundle that runs (out/, the npm package's dist/), or the repository's when run from the sources.
 */
export function templatesFolder(candidates: readonly string[]): string | undefined {
    return candidates.find(c => existsSync(join(c, DEFAULT_TEMPLATE, MODEL_FILE)));
}

/**
 * The files of a new project from `template` (read from `templatesRoot`), with its README and CI file: a
 * model first, then the files it reads, the README, the CI file.
 */
export async function projectFiles(template: ModelTemplate, templatesRoot: string, ci: CiPlatform): Promise<ProjectFile[]> {
    const files: ProjectFile[] = [];
    for (const name of template.files) {
        files.push({ path: name, text: await readTextFile(join(templatesRoot, template.name, name), TEMPLATE_FILE_LIMIT) });
    }
    files.push({ path: 'README.md', text: readme(template, ci), addition: readmeSection(template, ci) });
    if (ci === 'github') files.push({ path: CI_FILE.github, text: githubWorkflow(EFP_VERSION) });
    if (ci === 'gitlab') {
        const job = gitlabJob(EFP_VERSION);
        files.push({ path: CI_FILE.gitlab, text: job, addition: job });
    }
    return files;
}
