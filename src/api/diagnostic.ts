import { URI } from 'langium';
import type { FileDiagnostic } from '../language/document-analysis.js';

/** Something wrong with a model, where it is: what `efp check` prints and the editor underlines. */
export interface Diagnostic {
    /** The file's path (a model's own files), or the URI of a text with none (`efp-builtin:` for the library). */
    readonly file: string;
    /** 1-based, as editors and compilers count. */
    readonly line: number;
    /** 1-based, in UTF-16 code units. */
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly message: string;
    /** A stable name for what was found (`unknown-reference`, `budget-exceeded`…), when it has one. */
    readonly code?: string;
    /** How to fix it, when there is a known way. */
    readonly hint?: string;
}

export function diagnosticOf(d: FileDiagnostic): Diagnostic {
    const uri = URI.parse(d.uri);
    return {
        file: uri.scheme === 'file' ? uri.fsPath : d.uri,
        line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: d.severity, message: d.message,
        ...(d.code === undefined ? {} : { code: d.code }),
        ...(d.hint === undefined ? {} : { hint: d.hint })
    };
}
