import type { FileDiagnostic } from '../language/document-analysis.js';
import { problemCounts, reportPath } from './checked-model.js';
import { terminalText } from './terminal-text.js';

/** `file:line:col: severity: message [code]`, then the fix hint on its own line. 1-based positions. */
export function formatDiagnostic(d: FileDiagnostic, cwd = process.cwd()): string {
    // paths under the current folder are shown relative to it, others in full
    const file = reportPath(d.uri, cwd);
    const where = `${terminalText(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    // messages quote the model (names, strings, paths): shown, never interpreted by the terminal
    const head = `${where}: ${d.severity}: ${terminalText(d.message)}${d.code ? ` [${terminalText(d.code)}]` : ''}`;
    return d.hint ? `${head}\n    hint: ${terminalText(d.hint)}` : head;
}

export function summarize(diagnostics: readonly FileDiagnostic[]): string {
    // the last diagnostic of a file that has too many stands for those it left out
    const { errors, warnings } = problemCounts(diagnostics);
    if (errors === 0 && warnings === 0) return 'no problems found';
    return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
