import { classEntries, copyOf, isRecord, renameClass } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** Keys e-footprint 10 dropped from every object: a country's `year`, a job's `job_type` and `description`. */
const DROPPED_KEYS = ['year', 'job_type', 'description'];

/** v9→10: the `year`, `job_type` and `description` keys of every object go; the `Hardware` class becomes `Device`. */
export const v9ToV10: UpgradeStep = {
    from: 9,
    summary: 'drops every object\'s year, job_type and description; the Hardware class becomes Device',
    upgrade(input) {
        const root = copyOf(input);
        for (const [, objects] of classEntries(root)) {
            for (const o of Object.values(objects)) {
                if (isRecord(o)) for (const key of DROPPED_KEYS) delete o[key];
            }
        }
        renameClass(root, 'Hardware', 'Device');
        return { root, notes: [] };
    }
};
