/**
 * How the engine's figures are written for people: numbers, masses and their units, equivalents, the
 * text of a change, Markdown escaping, and the shapes of the data a view shows. The CLI, the language
 * server, the extension and its webviews all write figures through these, so that one footprint reads
 * the same everywhere. Pure code with no data tables: the extension and the webviews (bundled for the
 * browser) import the engine through this module only.
 */
export { formatMagnitude, formatNumber } from './model/value-format.js';
export { formatMass, formatYearlyMass, massScale, massScaleOf, PER_YEAR, signedMass, type MassScale } from './report/mass-format.js';
export { summaryScales, type SummaryScales } from './report/summary-scales.js';
export { HOURS_PER_YEAR } from './report/hours-per-year.js';
export { equivalentsOf } from './report/equivalents.js';
export {
    annotationText, beforeAfterText, changeDetails, changeText, diffScales, percent, periodChanged, periodText, sourceText, splitAnnotations, versionText, type DiffScales,
    type AnnotationChange
} from './diff/diff-text.js';
export { annotationOnly } from './diff/aspects.js';
export { markdownCode, markdownText } from './text/markdown.js';

export type { Origin } from './model/description.js';
export type { FootprintCategory } from './model/class-spec.js';
export type { Phase, PhaseTotals, SystemFootprintSummary } from './report/footprint-summary.js';
export type { Change, SystemFootprintDiff } from './diff/footprint-diff.js';
export type { WaterfallStep } from './diff/waterfall.js';
export type { AttributeChange, ObjectChange, Place } from './diff/input-diff.js';
export type { ModelDiff } from './diff/model-diff.js';
