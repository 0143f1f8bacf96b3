import { relative } from 'node:path';
import { URI } from 'langium';
import type { FileDiagnostic } from '../language/document-analysis.js';

/** `file:line:col: severity: message [code]`, then the fix hint on its own line. 1-based positions. */
export function formatDiagnostic(d: FileDiagnostic, cwd = process.cwd()): string {
    const uri = URI.parse(d.uri);
    const rel = uri.scheme === 'file' ? relative(cwd, uri.fsPath) : '';
    // paths under the current folder are shown relative to it, others in full
    const file = uri.scheme !== 'file' ? d.uri : rel && !rel.startsWith('..') ? rel : uri.fsPath;
    const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const head = `${where}: ${d.severity}: ${d.message}${d.code ? ` [${d.code}]` : ''}`;
    return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

export function summarize(diagnostics: readonly FileDiagnostic[]): string {
    // the last diagnostic of a file that has too many stands for those it left out
    let errors = 0, warnings = 0;
    for (const d of diagnostics) {
        if (d.leftOut) {
            errors += d.leftOut.errors;
            warnings += d.leftOut.warnings;
        } else if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
    }
    if (errors === 0 && warnings === 0) return 'no problems found';
    return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
