import type { Model } from '../model/model.js';
import { diffInputs, type InputDiff, type InputDiffOptions } from './input-diff.js';
import { annotationOnly } from './aspects.js';
import { change, diffFootprints, type Change, type SystemFootprintDiff } from './footprint-diff.js';

/**
 * What changed between two evaluated models: the inputs (by object and attribute, with sources) and
 * the footprint (by system, phase, category and object). The one result the CLI (table, JSON,
 * Markdown), a scenario's baseline-versus-scenario comparison and an editor panel all read.
 */
export interface ModelDiff {
    readonly summary: DiffSummary;
    readonly inputs: InputDiff;
    readonly systems: readonly SystemFootprintDiff[];
}

export interface DiffSummary {
    /** All systems together, kg CO2e over each side's modeling period. */
    readonly total: Change;
    readonly fabrication: Change;
    readonly energy: Change;
    readonly objects: {
        readonly added: number; readonly removed: number; readonly renamed: number; readonly moved: number; readonly changed: number;
    };
    /** Changed inputs of objects present on both sides, model settings included (annotations included). */
    readonly changedInputs: number;
    /** Of those, the inputs whose value is the same and only an annotation (source, confidence, comment) changed. */
    readonly changedAnnotations: number;
}

export type DiffOptions = InputDiffOptions;

/** Compares two evaluated models; `undefined` is a side without a model (a file added or deleted). */
export function diffModels(oldModel: Model | undefined, newModel: Model | undefined, options: DiffOptions = {}): ModelDiff {
    const { matching, ...inputs } = diffInputs(oldModel, newModel, options);
    return modelDiffOf(inputs, diffFootprints(oldModel, newModel, matching.rename));
}

/** A diff from its two parts, with the summary of both: the totals over the systems and the counts of changes. */
export function modelDiffOf(inputs: InputDiff, systems: readonly SystemFootprintDiff[]): ModelDiff {
    const sum = (pick: (s: SystemFootprintDiff) => Change, side: 'old' | 'new') => systems.reduce((t, s) => t + pick(s)[side], 0);
    const total = (pick: (s: SystemFootprintDiff) => Change) => change(sum(pick, 'old'), sum(pick, 'new'));
    const count = (kind: string) => inputs.objects.filter(o => o.change === kind).length;
    const compared = inputs.objects.filter(o => o.change !== 'added' && o.change !== 'removed').flatMap(o => o.attributes);
    return {
        summary: {
            total: total(s => s.total),
            fabrication: total(s => s.fabrication),
            energy: total(s => s.energy),
            objects: { added: count('added'), removed: count('removed'), renamed: count('renamed'), moved: count('moved'), changed: count('changed') },
            changedInputs: inputs.settings.length + compared.length,
            changedAnnotations: compared.filter(annotationOnly).length
        },
        inputs,
        systems
    };
}
