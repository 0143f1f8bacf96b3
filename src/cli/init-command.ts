import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE, MODEL_FILE, MODEL_TEMPLATES, templateNamed } from '../templates/catalogue.js';
import type { CiPlatform } from '../templates/ci-files.js';
import { projectFiles, templatesFolder } from '../templates/project-files.js';
import { TemplateError } from '../templates/template-error.js';
import { writeProject } from '../templates/write-project.js';
import { EXIT_OK, EXIT_USAGE, type Output } from './cli-output.js';
import { terminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

export interface InitOptions { template?: string; list?: boolean; ci?: CiPlatform }

/**
 * `efp init [folder]`: a new model from a template (`templates/<name>/`, shipped beside the bundle), with a
 * README and a CI file, in `folder` (the current one by default). Never replaces a file: one that is there
 * stops it before anything is written, except README.md and .gitlab-ci.yml, kept as they are, with what to
 * add to them printed.
 */
export async function initCommand(folder: string | undefined, options: InitOptions, io: Output): Promise<number> {
    if (options.list) {
        if (options.template !== undefined || folder !== undefined) throw new UsageError('--list only lists the templates: leave out the folder and --template');
        io.out(templateList());
        return EXIT_OK;
    }
    const name = options.template ?? DEFAULT_TEMPLATE;
    const template = templateNamed(name);
    if (!template) throw new UsageError(`no template '${name}': efp init --template takes ${MODEL_TEMPLATES.map(t => t.name).join(', ')} (efp init --list says what each is)`);
    const target = folder ?? '.';
    if (target === '') throw new UsageError('the folder is an empty name: give a folder, or leave it out for the current one');
    const root = templatesFolder([fileURLToPath(new URL('../templates/', import.meta.url)), fileURLToPath(new URL('../../templates/', import.meta.url))]);
    if (!root) throw new Error('efp\'s templates are not beside its command (templates/): the installation is incomplete');
    const files = await projectFiles(template, root, options.ci ?? 'github');
    let result;
    try {
        result = await writeProject(target, files);
    } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        io.err(`efp: ${terminalText(e.message)}\n    hint: ${terminalText(e.hint)}`);
        return EXIT_USAGE;
    }
    const shown = terminalText(target);
    io.out(`efp: wrote the ${template.name} template into ${shown}:\n${result.written.map(f => `  ${terminalText(join(target, f))}`).join('\n')}`);
    // the additions are efp's own text (the template's README section, the CI job): printed as they are
    for (const file of result.kept) {
        io.out(`\n${terminalText(join(target, file.path))} is there already and was left as it is; add this to it:\n\n${file.addition ?? ''}`);
    }
    io.out(`\nnext: efp eval ${terminalText(join(target, MODEL_FILE))}`);
    return EXIT_OK;
}

/** `efp init --list`: each template's name and what it models, the default marked. */
export function templateList(): string {
    const width = MODEL_TEMPLATES.reduce((w, t) => Math.max(w, t.name.length), 0);
    return MODEL_TEMPLATES.map(t => `${t.name.padEnd(width)}  ${t.description}${t.name === DEFAULT_TEMPLATE ? ' (the default)' : ''}`).join('\n');
}
