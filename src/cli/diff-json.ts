import type { DiffReport } from './diff-format.js';

/**
 * `efp diff --json`: the ModelDiff of each model compared, as the engine computes it (masses in kg CO2e,
 * relative changes as fractions, null where there was nothing before), with the sides' labels. The
 * shape is versioned: a field's meaning never changes within a version.
 */
export function diffJson(report: DiffReport): string {
    return JSON.stringify({
        format: 'efp-diff',
        version: 1,
        old: report.oldLabel,
        new: report.newLabel,
        models: report.models.map(m => ({
            file: m.file,
            status: m.old.absent ? 'added' : m.new.absent ? 'removed' : 'compared',
            ...m.diff
        }))
    }, null, 2);
}
