import { diffUnit, mass, type MassUnit, type ModelDiff, percent, signedMass } from '../engine/index.js';
import type { DiffSide } from '../language/workspace/revision-sides.js';

/** What the terminal table and the Markdown of `efp diff` share; the texts of a diff are the engine's (diff-text.ts). */

/** One model compared: its file (relative), both sides and their diff. */
export interface ComparedModel {
    readonly file: string;
    readonly old: DiffSide;
    readonly new: DiffSide;
    readonly diff: ModelDiff;
}

export interface DiffReport {
    /** `HEAD`, `old.efp`… */
    readonly oldLabel: string;
    readonly newLabel: string;
    readonly models: readonly ComparedModel[];
}

export type { MassUnit } from '../engine/index.js';
export {
    diffUnit, mass, signedMass, percent, objectTitle, objectPlace, objectStatus, versionText, shownSource, sourceText, attributeText, changeDetails,
    annotationText, periodChanged, periodText, splitAnnotations
} from '../engine/index.js';

/** The diff's headline: `+533.6 t CO2e (+4.9 %)`, or `no change`. */
export function headline(diff: ModelDiff, unit: MassUnit = diffUnit(diff)): string {
    const t = diff.summary.total;
    if (signedMass(t.change, unit).startsWith('0.0') && t.change === 0) return `no change (${mass(t.new, unit)} CO2e)`;
    return `${signedMass(t.change, unit)} CO2e (${percent(t)})`;
}
