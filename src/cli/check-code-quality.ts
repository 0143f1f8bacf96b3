import { createHash } from 'node:crypto';
import type { FileDiagnostic } from '../language/document-analysis.js';
import { reportPath, type CheckedModel } from './checked-model.js';

/** GitLab's severities for efp's: an error blocks nothing by itself in GitLab, but is the most a model has. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info', hint: 'info' } as const;

/** The check of a diagnostic without a code of its own. */
const GENERAL_CHECK = 'efp';

/**
 * `efp check --format gitlab`: a GitLab Code Quality report (the Code Climate issue subset GitLab reads
 * from `artifacts:reports:codequality`), which the merge request widget and the changes tab show. Each
 * diagnostic is an issue located by its file's path relative to the current folder (the project's root
 * in CI) and its 1-based lines. The fingerprint, GitLab's way to tell a new finding from one the target
 * branch already had, is made of the file, the check, the message and its rank among identical ones in
 * that file: moving lines keeps it, a changed message makes a new one. Descriptions are plain text.
 */
export function checkCodeQuality(models: readonly CheckedModel[], cwd = process.cwd()): string {
    const seen = new Map<string, number>();
    const issues = models.flatMap(m => m.diagnostics).map((d: FileDiagnostic) => {
        const path = reportPath(d.uri, cwd);
        const checkName = d.code ?? GENERAL_CHECK;
        const identity = JSON.stringify([path, checkName, d.message]);
        const rank = seen.get(identity) ?? 0;
        seen.set(identity, rank + 1);
        return {
            type: 'issue',
            check_name: checkName,
            description: d.hint ? `${d.message} Hint: ${d.hint}` : d.message,
            categories: ['Bug Risk'],
            severity: SEVERITY[d.severity],
            fingerprint: createHash('sha256').update(`${identity}#${rank}`).digest('hex'),
            location: { path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } }
        };
    });
    return JSON.stringify(issues, null, 2);
}
