import { DEFAULT_TEMPLATE, MODEL_TEMPLATES, type ModelTemplate } from '../templates/catalogue.js';
import type { CiPlatform } from '../templates/ci-files.js';

/**
 * What "efp: New Model from Template" offers, in the order it asks: a template (each with what it models,
 * the default first, as `efp init` picks it), then a CI file. Plain data, so it is tested without VS Code.
 */
export interface TemplateChoice { readonly label: string; readonly description: string; readonly detail: string; readonly template: ModelTemplate }
export interface CiChoice { readonly label: string; readonly description: string; readonly ci: CiPlatform }

export function templateChoices(): TemplateChoice[] {
    const ordered = [...MODEL_TEMPLATES].sort((a, b) => Number(b.name === DEFAULT_TEMPLATE) - Number(a.name === DEFAULT_TEMPLATE));
    return ordered.map(template => ({ label: template.title, description: template.name, detail: template.description, template }));
}

export const CI_CHOICES: readonly CiChoice[] = [
    { label: 'GitHub Actions', description: '.github/workflows/efp.yml: check, annotate and comment on pull requests', ci: 'github' },
    { label: 'GitLab CI', description: '.gitlab-ci.yml: check and comment on merge requests', ci: 'gitlab' },
    { label: 'No CI file', description: 'the model and its README only', ci: 'none' }
];
