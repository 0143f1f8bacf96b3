import type { ClassSpec } from './class-spec.js';
import type { ModelDescription } from './description.js';
import type { EngineDiagnostic } from './diagnostics.js';

/** A description completed by one step, with what the step found wrong. */
export interface CompletedDescription {
    readonly description: ModelDescription;
    readonly diagnostics?: readonly EngineDiagnostic[];
    /**
     * Values the step could not give (a measurement whose file could not be read): in error in the model,
     * so that what uses them stays quiet; the step reported why.
     */
    readonly unreadValues?: readonly UnreadValues[];
}

/** Values of one object that a step could not give. */
export interface UnreadValues {
    readonly object: string;
    readonly attributes: readonly string[];
}

/**
 * Adds to a description what its objects imply before the model reads it: a cloud server's region
 * values, an edge computer's parts, a measurement's runs. `periodStart` is the modeling period's first
 * hour (runs are placed against it).
 */
export type DescriptionStep = (description: ModelDescription, periodStart: number) => CompletedDescription;

/**
 * The classes a model is built with, and the steps that complete its description. The model layer
 * defines this shape and imports no class or feature: the engine's entry (`src/engine/build-model.ts`)
 * assembles it from `src/engine/classes/` and the features (cloud, edge, CodeCarbon).
 */
export interface ClassRegistry {
    /** Every class a model may declare, in e-footprint's computation order. */
    readonly specs: readonly ClassSpec[];
    classSpec(className: string): ClassSpec | undefined;
    /** The class is `ancestor` or inherits from it (e-footprint's `is_subclass_of`); `ancestor` may be abstract (`JobBase`). */
    isA(className: string, ancestor: string): boolean;
    /**
     * The classes of `specs` that are `ancestor` (or any of several) or inherit from one (`ServerBase`: Server,
     * GPUServer, BoaviztaCloudServer): those named first, in the order named, then the others in the order of `specs`.
     */
    classesOf(ancestor: string | readonly string[]): readonly string[];
    /** Run in order on every description before the model reads it. */
    readonly descriptionSteps: readonly DescriptionStep[];
}
