/**
 * The engine's public entry: everything outside `src/engine` (the language server, the CLI, the API
 * package) imports the engine from here, and the extension and webviews from `presentation.ts`. What is
 * not exported here is the engine's own business and may change without notice.
 */
export * from './presentation.js';

// a model: from its description to evaluated values
export { buildModel, buildModelInSlices, EFP_CLASSES } from './build-model.js';
export { Model, type ModelOptions } from './model/model.js';
export type { ClassRegistry, DescriptionStep } from './model/class-registry.js';
export type {
    BinaryOperator, Confidence, DataFileContent, ExprDescription, InputDescription, ModelDescription, ObjectDescription,
    ScenarioDescription, SourceDescription
} from './model/description.js';
export type { EfpObject } from './model/efp-object.js';
export type { Node } from './model/node.js';
export { totalOf, type NumericValue } from './model/values.js';
export {
    diagnosticDataOf, didYouMean, MAX_NO_SYSTEM_PATTERNS, suggestionData, type DiagnosticData, type EngineDiagnostic, type Severity
} from './model/diagnostics.js';
export { modelFindings } from './model-findings.js';
export { BUILDERS } from './model/builder-calls.js';
export { DEFAULT_SERIES_BUDGET_MB, type SeriesBudget } from './series/series-budget.js';
export { formatUtcHour } from './series/calendar.js';

// the classes and the built-in library
export type { ClassSpec, InputSpec, ReferenceInputSpec } from './model/class-spec.js';
export { acceptedClasses, classForKeyword, classSpec } from './classes/registry.js';
export { BUILTIN_ENUMS, enumMember } from './classes/builtin-enums.js';
export { needUnitOfClass } from './classes/edge/component-units.js';
export { declarationText, objectTemplate, type ObjectTemplate } from './export/object-template.js';
export { unitChoices, type UnitChoice } from './model/unit-choices.js';
export { ARCHETYPES } from './library/archetypes.js';
export { builtinObject, builtinObjects, type BuiltinObject, type BuiltinValue } from './library/builtin-objects.js';
export { BUILTIN_SOURCES } from './library/sources.js';
export { COUNTRIES } from './data/countries.js';
export { GENAI_MODEL_ROWS } from './data/ecologits-data.js';
export { DEFAULT_GENAI_PROVIDER } from './genai/ecologits.js';
export { cloudRegion, instanceType, instanceTypeNames, isCloudProvider, regionNames, type CloudProvider } from './cloud/cloud-catalogue.js';
export { DEFAULT_CLOUD_PROVIDER } from './cloud/cloud-region.js';

// values, explained
export { calculusGraph, explainNode, summarize, type CalculusGraph, type ExplainedNode, type ValueSummary } from './model/explain.js';
export { valueAt, ValuePathError } from './model/value-path.js';
export { describeSummary, sparkline } from './model/value-format.js';
export { phaseFootprints, systemsOf } from './model/footprint-totals.js';
export {
    summarizeSystem, systemFootprintSeries, type CategoryFootprintSummary, type ObjectFootprintSummary, type YearFootprintSummary
} from './report/footprint-summary.js';
export { regionalAdvice } from './report/regional-advice.js';
export { countedObjects, yearlyFootprint, type YearlyFootprint } from './report/yearly-footprint.js';

// scenarios, budgets, baselines
export { scenarioResults, type ScenarioResult } from './scenarios/scenario-results.js';
export { budgetFindings } from './budgets/budget-diagnostics.js';
export { baselineOf, parseBaseline, type Baseline } from './baselines/baseline-snapshot.js';
export { DEFAULT_REGRESSION_THRESHOLD, regressionDiagnostics, regressionsSince } from './baselines/baseline-regressions.js';

// two models compared
export { diffModels, modelDiffOf, type DiffOptions, type DiffSummary } from './diff/model-diff.js';
export {
    change, diffSystemSummaries, type CategoryFootprintChange, type ObjectFootprintChange, type PeriodSummary, type PhaseChanges
} from './diff/footprint-diff.js';
export { diffInputs, type InputDiff, type InputVersion, type ListChange, type ObjectIdentity, type RewrittenInput, type SourceRef } from './diff/input-diff.js';
export { attributeText, objectPlace, objectStatus, objectTitle, shownSource } from './diff/diff-text.js';
export { waterfallOf } from './diff/waterfall.js';
export { waterfallSvg } from './diff/waterfall-svg.js';

// e-footprint JSON, .efp text and other formats in and out
export { EfootprintImportError, importEfootprintJson } from './import/efootprint-json-import.js';
export { isReservedWord } from './import/identifiers.js';
export { emptyIds, readEfootprintIds, type EfootprintIds } from './export/efootprint-ids.js';
export { modelToEfootprintJson } from './export/efootprint-json-export.js';
export { EFOOTPRINT_VERSION, modelToReferenceJson, type JsonObject, type JsonValue, type ReferenceJson } from './export/reference-json.js';
export { printModel } from './export/efp-text.js';
export { ifManifest, yamlText } from './export/if-manifest.js';
export { boampsReport } from './boamps/boamps-report.js';

// measurements and cloud observations
export { dataFileKey, dataFileOfKey } from './model/data-file-key.js';
export { seriesFilesIn, type NamedSeriesFile } from './model/series-file-call.js';
export { formatSeriesCsv, isSeriesColumnName, type SeriesCsvColumn } from './series/series-csv-format.js';
export { parseEmissionsCsv } from './codecarbon/emissions-csv.js';
export { codecarbonModelText } from './codecarbon/measurement-text.js';
export { cloudServerObservations } from './ccf/cloud-server-observations.js';
export { pluginInstance } from './ccf/plugin-catalogue.js';
export { ccfPluginObservation, type Observation, type ObservationResult, type PluginConfig } from './ccf/plugin-observation.js';
export { PluginInputError } from './ccf/plugin-validation.js';
export { regionOperationalCarbon, type RegionOperationalCarbon } from './ccf/region-operational-carbon.js';
export type { Interpolation } from './ccf/watts-interpolation.js';

// text: the .efp syntax, units, escaping
export { efpString, isEfpIdentifier, readEfpString } from './text/efp-syntax.js';
export { showInvisibleCharacters } from './text/invisible-characters.js';
export { markdownCodeBlock, markdownLink, markdownTableCell } from './text/markdown.js';
export { readDecimal } from './units/decimal-number.js';
export { parseUnit, unitAtom, unitSymbols } from './units/unit.js';
export { efpSymbolOfPint } from './import/pint-units.js';
export type { Dimension } from './units/dimension.js';
