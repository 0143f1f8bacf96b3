import { relative } from 'node:path';
import { URI } from 'langium';
import type { FileDiagnostic } from '../language/document-analysis.js';
import type { SystemFootprintSummary } from '../engine/index.js';

/** One model as `efp check` found it: what every output format (text, JSON, SARIF, GitHub, GitLab) reports. */
export interface CheckedModel {
    /** The model file as the user named it. */
    readonly file: string;
    readonly diagnostics: readonly FileDiagnostic[];
    /** Its systems' footprints, when it evaluated (for the JSON report and the job summary). */
    readonly systems: readonly SystemFootprintSummary[];
    /** The baseline file it was compared with (`--baseline`). */
    readonly baseline?: string;
}

/** Errors and warnings, with those a capped file left out (its last diagnostic counts them). */
export function problemCounts(diagnostics: readonly FileDiagnostic[]): { errors: number; warnings: number } {
    let errors = 0, warnings = 0;
    for (const d of diagnostics) {
        if (d.leftOut) {
            errors += d.leftOut.errors;
            warnings += d.leftOut.warnings;
        } else if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
    }
    return { errors, warnings };
}

/**
 * A diagnostic's file as reports name it: relative to the current folder when it is under it (a CI job
 * runs at the repository's root, where code scanning and annotations expect paths), else in full; the
 * URI of a text that is not a file.
 */
export function reportPath(uri: string, cwd = process.cwd()): string {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return uri;
    const rel = relative(cwd, parsed.fsPath);
    return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : parsed.fsPath;
}
