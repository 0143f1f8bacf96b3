import type { JsonRecord } from './json.js';

/** What a step did that the reader should know about (a value changed, an object dropped). */
export type UpgradeNotes = string[];

export interface UpgradeResult {
    readonly root: JsonRecord;
    readonly notes: UpgradeNotes;
}

/**
 * One of e-footprint's version upgrade handlers: it turns JSON written by e-footprint `from`.x into the layout
 * of `from + 1`.x. `upgrade` is pure: it returns an upgraded copy and leaves its argument as it was.
 */
export interface UpgradeStep {
    readonly from: number;
    /** What the step changes, in a line (for reports and documentation). */
    readonly summary: string;
    readonly upgrade: (root: JsonRecord) => UpgradeResult;
}
