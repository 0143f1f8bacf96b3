import { changeText, formatMass, type ModelDiff } from '../engine/index.js';
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

export type { DiffScales, MassScale } from '../engine/index.js';
export {
    diffScales, formatMass, signedMass, percent, objectTitle, objectPlace, objectStatus, versionText, shownSource, sourceText, attributeText, changeDetails,
    annotationText, periodChanged, periodText, splitAnnotations
} from '../engine/index.js';

/** The diff's headline: `+533.6 t CO2e (+4.9 %)` (the change in its own scale), or `no change (10,966.4 t CO2e)`. */
export function headline(diff: ModelDiff): string {
    const t = diff.summary.total;
    return t.change === 0 ? `no change (${formatMass(t.new)} CO2e)` : changeText(t);
}
