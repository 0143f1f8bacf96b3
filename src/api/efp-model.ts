import type { LangiumDocument } from 'langium';
import type { EfpServices } from '../language/efp-module.js';
import { analyzeDocument, blocksUse, type FileDiagnostic } from '../language/document-analysis.js';
import { keptEfootprintIds } from '../language/workspace/kept-efootprint-ids.js';
import {
    calculusGraph, type CalculusGraph, diffModels, type EfootprintIds, type ExplainedNode, explainNode, type Model, type ModelDiff, modelToEfootprintJson, modelToReferenceJson, type ReferenceJson, summarizeSystem, type SystemFootprintSummary, systemsOf, valueAt
} from '../engine/index.js';
import { EFP_VERSION } from '../version.js';
import { diagnosticOf, type Diagnostic } from './diagnostic.js';

/** What a model loaded by efp holds inside: efp's own commands reach it, the API's users do not. */
export interface LoadedModel {
    readonly services: EfpServices;
    readonly document: LangiumDocument;
    readonly model: Model | undefined;
    readonly diagnostics: readonly FileDiagnostic[];
    readonly ids: EfootprintIds;
}

const loaded = new WeakMap<EfpModel, LoadedModel>();

/** The inside of a model the API loaded, for efp's CLI (not part of the published API). */
export function loadedModelOf(model: EfpModel): LoadedModel {
    return loaded.get(model)!;
}

/** The evaluated engine model, for a question that needs figures. */
function engineModelOf(m: EfpModel): Model {
    const { model } = loaded.get(m)!;
    if (!model) throw new ModelNotEvaluatedError(m.path, m.errors);
    return model;
}

/** A question asked of a model that has errors, so no figures: the message names the first one. */
export class ModelNotEvaluatedError extends Error {
    constructor(readonly path: string, readonly errors: readonly Diagnostic[]) {
        const first = errors[0];
        super(`${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}, so no figures`
            + (first ? `: ${first.file}:${first.line}:${first.column}: ${first.message}` : ''));
        this.name = 'ModelNotEvaluatedError';
    }
}

/**
 * A model loaded from a file or a text, with the files it imports, checked and (when it has no errors)
 * evaluated as e-footprint evaluates it. Masses are kg CO2e over the model's period unless said otherwise.
 */
export interface EfpModel {
    /** The main file as it was named (or the path given to a text). */
    readonly path: string;
    /** Everything found in the model and the files it imports, errors first in each file. */
    readonly diagnostics: readonly Diagnostic[];
    /** The errors that keep the model from being evaluated (none when `evaluated`). */
    readonly errors: readonly Diagnostic[];
    /** Whether the model has figures: it parsed, linked and evaluated without errors. */
    readonly evaluated: boolean;
    /**
     * Each system's footprint, in declaration order: the total, fabrication and energy, by category, object
     * and calendar year (kg CO2e), with the period it covers. What `efp eval` prints.
     */
    systems(): SystemFootprintSummary[];
    /**
     * One value, `object.attribute` in e-footprint's names (`web.energy_footprint`): its formula or input as
     * written, its value (a quantity, or an hourly series' total, min and max), its operands, source and
     * confidence. Throws ValuePathError when the path names no value.
     */
    explain(path: string): ExplainedNode;
    /** A value's whole calculus graph: the value, its operands, theirs, down to the inputs. */
    calculusGraph(path: string): CalculusGraph;
    /** Every object's inputs and calculated values, and the first system's totals (`efp eval --json`). */
    toJson(): ReferenceJson;
    /** The model as e-footprint JSON, which e-footprint's interface loads (`efp export`). */
    toEfootprintJson(): Record<string, unknown>;
    /** Gives the model's hourly arrays back; nothing may be read from it afterwards. */
    dispose(): void;
}

/** The model the API hands out; what is inside is reached by loadedModelOf, never by the API's users. */
class LoadedEfpModel implements EfpModel {
    readonly diagnostics: readonly Diagnostic[];
    readonly errors: readonly Diagnostic[];

    constructor(readonly path: string, inside: LoadedModel) {
        loaded.set(this, inside);
        this.diagnostics = inside.diagnostics.map(diagnosticOf);
        this.errors = inside.diagnostics.filter(blocksUse).map(diagnosticOf);
    }

    get evaluated(): boolean {
        return loaded.get(this)!.model !== undefined;
    }

    systems(): SystemFootprintSummary[] {
        const model = engineModelOf(this);
        return systemsOf(model).map(system => summarizeSystem(model, system));
    }

    explain(path: string): ExplainedNode {
        const model = engineModelOf(this);
        return explainNode(model, valueAt(model, path));
    }

    calculusGraph(path: string): CalculusGraph {
        const model = engineModelOf(this);
        return calculusGraph(model, valueAt(model, path));
    }

    toJson(): ReferenceJson {
        return modelToReferenceJson(engineModelOf(this), EFP_VERSION);
    }

    toEfootprintJson(): Record<string, unknown> {
        return modelToEfootprintJson(engineModelOf(this), loaded.get(this)!.ids);
    }

    dispose(): void {
        loaded.get(this)!.model?.dispose();
    }
}

/** Checks a loaded model's files and evaluates it when nothing keeps it from being used. */
export function efpModelOf(path: string, services: EfpServices, document: LangiumDocument): EfpModel {
    const analysis = analyzeDocument(document, services);
    const model = analysis.diagnostics.some(blocksUse) ? undefined : analysis.model;
    return new LoadedEfpModel(path, { services, document, model, diagnostics: analysis.diagnostics, ids: keptEfootprintIds(services) });
}

/**
 * What changed from one model to another: inputs by object and attribute (with sources), and footprints
 * by system, phase, category and object (`efp diff --json`). An object renamed since keeps its identity
 * when `efp import` kept its e-footprint id in a comment.
 */
export function compareModels(oldModel: EfpModel, newModel: EfpModel): ModelDiff {
    const [o, n] = [loadedModelOf(oldModel), loadedModelOf(newModel)];
    return diffModels(engineModelOf(oldModel), engineModelOf(newModel), { efootprintIds: { old: o.ids.objects, new: n.ids.objects } });
}
