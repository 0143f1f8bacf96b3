import { CI_FILE, type CiPlatform } from './ci-files.js';
import { MODEL_FILE, type ModelTemplate } from './catalogue.js';

/**
 * The README of a new project: what the folder holds, how to evaluate, check and compare the model, and
 * what its CI does. Written whole as README.md when the folder has none; otherwise `readmeSection` is what
 * to add to the existing one (efp never edits a file it did not write).
 */
export function readme(template: ModelTemplate, ci: CiPlatform): string {
    return `# ${template.title}: carbon footprint\n\n${readmeSection(template, ci, '##')}`;
}

/** The section about the model, its headings at `level` (`##` in a README of its own, deeper in another). */
export function readmeSection(template: ModelTemplate, ci: CiPlatform, level = '##'): string {
    const sub = `${level}#`;
    const files = [
        `- \`${MODEL_FILE}\`: the model, ${template.description}. Its comments say what each object stands for and`
        + ' where its figures come from; those marked `confidence low` are placeholders for your own.',
        ...template.files.filter(f => f !== MODEL_FILE).map(f => `- \`${f}\`: ${DATA_FILES[f] ?? 'a file the model reads'}.`),
        ...(ci === 'none' ? [] : [`- \`${CI_FILE[ci]}\`: ${ci === 'github' ? 'the GitHub Actions workflow' : 'the GitLab CI job'} below.`])
    ];
    return `${level} Carbon footprint model

An [efp](https://github.com/efp-lang/efp) model of the carbon footprint of this service, in Boavizta's
[e-footprint](https://github.com/Boavizta/e-footprint) methodology, started from efp's \`${template.name}\` template:

${files.join('\n')}

${sub} Evaluate and check it

\`\`\`sh
npx @efp-lang/efp eval ${MODEL_FILE}          # the footprint: total, by life-cycle phase, by object, by year
npx @efp-lang/efp check ${MODEL_FILE}         # problems as file:line:column, exit code 1 on errors
npx @efp-lang/efp diff --git HEAD ${MODEL_FILE}   # what your uncommitted changes do to the footprint
\`\`\`

(\`npm install --save-dev @efp-lang/efp\` first pins efp's version in your project; Node 20.10 or later.) In VS Code,
the efp extension checks the model as you type, shows each value's source and formula on hover, and draws
the footprint in a dashboard.
${ci === 'none' ? '' : `\n${sub} In CI\n\n${CI_TEXT[ci]}\n`}`;
}

const DATA_FILES: Readonly<Record<string, string>> = {
    'emissions.csv': 'three sample training runs in the format CodeCarbon writes (made up for the template): replace it with yours'
};

const CI_TEXT: Readonly<Record<Exclude<CiPlatform, 'none'>, string>> = {
    github: `\`${CI_FILE.github}\` runs efp's GitHub Action on each pull request: every problem becomes an annotation on
its line, the job summary shows the footprint, and one comment (updated in place) says what the change
does to it. The job fails on model errors, or when the total grows by more than 10 % (\`fail-above\`).`,
    gitlab: `\`${CI_FILE.gitlab}\` runs efp on each merge request: the findings go to the Code Quality widget, and
with a project access token in \`EFP_GITLAB_TOKEN\` a note (updated in place) says what the change does to
the footprint. The job fails on model errors, or when the total grows by more than 10 % (\`EFP_FAIL_ABOVE\`).`
};
