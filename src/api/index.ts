/**
 * efp's engine API: load a .efp model from a file or a text, check it, read its footprint, explain any
 * value and compare two models, from Node scripts and notebooks. The `efp` command is built on it.
 *
 *     const { loadModel } = require('@efp-lang/efp');          // or: await import('@efp-lang/efp')
 *     const model = await loadModel('service.efp');
 *     if (!model.evaluated) console.error(model.errors);
 *     else console.log(model.systems()[0].total, 'kg CO2e');
 *
 * Masses are kilograms of CO2e over the model's period (`systems()[i].perYear` per year on average).
 * docs/api.md documents every function and type.
 */
import '../platform/node20-polyfills.js';

export { loadModel, loadModelText, type LoadOptions, type TextOptions } from './load-model.js';
export { ModelNotEvaluatedError, compareModels, type EfpModel } from './efp-model.js';
export type { Diagnostic } from './diagnostic.js';
export { ValuePathError } from '../engine/index.js';
export { SourceUnavailableError } from '../language/workspace/source-unavailable-error.js';
export { EFP_VERSION } from '../version.js';
export { EFOOTPRINT_VERSION } from '../engine/index.js';

export type { SystemFootprintSummary, ObjectFootprintSummary, CategoryFootprintSummary, YearFootprintSummary, PhaseTotals } from '../engine/index.js';
export type { ExplainedNode, CalculusGraph, ValueSummary } from '../engine/index.js';
export type { ReferenceJson, JsonObject, JsonValue } from '../engine/index.js';
export type { ModelDiff, DiffSummary } from '../engine/index.js';
export type { Change, SystemFootprintDiff, CategoryFootprintChange, ObjectFootprintChange, PhaseChanges, PeriodSummary } from '../engine/index.js';
export type { InputDiff, ObjectChange, AttributeChange, InputVersion, ListChange, ObjectIdentity, RewrittenInput, SourceRef, Place } from '../engine/index.js';
export type { Origin } from '../engine/index.js';
export type { FootprintCategory } from '../engine/index.js';
