import { CURRENT_EFOOTPRINT_MAJOR, CURRENT_EFOOTPRINT_VERSION, efootprintMajor } from './version-upgrade/efootprint-version.js';
import type { JsonRecord } from './version-upgrade/json.js';
import { readAsEfootprintLoads } from './version-upgrade/loader-leniency.js';
import type { UpgradeStep } from './version-upgrade/upgrade-step.js';
import { v9ToV10 } from './version-upgrade/steps/v09-to-v10.js';
import { v10ToV11 } from './version-upgrade/steps/v10-to-v11.js';
import { v11ToV12 } from './version-upgrade/steps/v11-to-v12.js';
import { v12ToV13 } from './version-upgrade/steps/v12-to-v13.js';
import { v13ToV14 } from './version-upgrade/steps/v13-to-v14.js';
import { v14ToV15 } from './version-upgrade/steps/v14-to-v15.js';
import { v15ToV16 } from './version-upgrade/steps/v15-to-v16.js';
import { v16ToV17 } from './version-upgrade/steps/v16-to-v17.js';
import { v17ToV18 } from './version-upgrade/steps/v17-to-v18.js';
import { v18ToV19 } from './version-upgrade/steps/v18-to-v19.js';
import { v19ToV20 } from './version-upgrade/steps/v19-to-v20.js';
import { v20ToV21 } from './version-upgrade/steps/v20-to-v21.js';
import { v21ToV22 } from './version-upgrade/steps/v21-to-v22.js';

/** e-footprint's upgrade handlers, one per major version, in order: a file from version n runs steps n, n+1, … 21. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
    v9ToV10, v10ToV11, v11ToV12, v12ToV13, v13ToV14, v14ToV15, v15ToV16, v16ToV17, v17ToV18, v18ToV19, v19ToV20, v20ToV21, v21ToV22
];

export interface UpgradedJson {
    /** The JSON in e-footprint 22's layout (its `efootprint_version` still says which e-footprint wrote it, as e-footprint leaves it). */
    readonly root: JsonRecord;
    /** The version the file was written by. */
    readonly fromVersion: string;
    /** The steps that ran, in order (none for a 22.x file). */
    readonly steps: readonly UpgradeStep[];
    /** What the steps and the reading changed that a reader should know (a negative value set to 0, a dropped field). */
    readonly notes: readonly string[];
}

/**
 * Brings e-footprint JSON of any version from 9 to 22 to e-footprint 22's layout, as e-footprint's
 * `upgrade_system_dict_to_current_version` does: the file's major version picks the first step, and every
 * later one runs in turn. Then what e-footprint 22's loader also reads is put in the shape efp's importer
 * reads (readAsEfootprintLoads). Throws EfootprintVersionError on a missing, too old or future version.
 */
export function upgradeEfootprintJson(input: JsonRecord): UpgradedJson {
    const { version, major } = efootprintMajor(input.efootprint_version);
    const steps = UPGRADE_STEPS.filter(s => s.from >= major && s.from < CURRENT_EFOOTPRINT_MAJOR);
    let root = input;
    const notes: string[] = [];
    for (const step of steps) {
        const result = step.upgrade(root);
        root = result.root;
        for (const note of result.notes) notes.push(note);
    }
    const read = readAsEfootprintLoads(root);
    return { root: read.root, fromVersion: version, steps, notes: [...notes, ...read.notes] };
}

/** `upgraded from e-footprint 9.1.5 JSON to 22.2.1 (9→10, …, 21→22)`, or undefined when nothing ran. */
export function upgradeSummary(upgraded: Pick<UpgradedJson, 'fromVersion' | 'steps'>): string | undefined {
    if (upgraded.steps.length === 0) return undefined;
    const steps = upgraded.steps.map(s => `${s.from}→${s.from + 1}`).join(', ');
    return `upgraded from e-footprint ${upgraded.fromVersion} JSON to ${CURRENT_EFOOTPRINT_VERSION} (${steps})`;
}
