import type { FileDiagnostic } from '../language/document-analysis.js';
import { reportPath, type CheckedModel } from './checked-model.js';
import { summarize } from './diagnostic-format.js';
import { terminalText } from './terminal-text.js';

/** GitHub's annotation levels: efp's infos and hints are notices. */
const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/**
 * A workflow command's message: `%`, CR and LF escaped, as the runner reads them (an unescaped line break
 * would end the command, and the next line could be a command of its own).
 */
function commandData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property (file, title): also `:` and `,`, which separate properties. */
function commandProperty(text: string): string {
    return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One diagnostic as a GitHub Actions annotation on its line of the pull request's files. */
export function githubAnnotation(d: FileDiagnostic, cwd = process.cwd()): string {
    // the model's words as text: terminalText shows controls and line breaks as escapes, the log shows ANSI sequences
    const message = terminalText(d.message) + (d.hint ? `\nhint: ${terminalText(d.hint)}` : '');
    const properties = [
        `file=${commandProperty(terminalText(reportPath(d.uri, cwd)))}`,
        `line=${d.range.start.line + 1}`, `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`, `endColumn=${d.range.end.character + 1}`,
        `title=${commandProperty(`efp${d.code ? ` ${terminalText(d.code)}` : ''}`)}`
    ];
    return `::${COMMAND[d.severity]} ${properties.join(',')}::${commandData(message)}`;
}

/**
 * `efp check --format github`: an annotation for each diagnostic (GitHub shows them on the lines of the
 * pull request), then each model's counts as the text format says them.
 */
export function checkGithub(models: readonly CheckedModel[]): string {
    return models.flatMap(m => [
        ...m.diagnostics.map(d => githubAnnotation(d)),
        `${terminalText(m.file)}: ${summarize(m.diagnostics)}`
    ]).join('\n');
}
