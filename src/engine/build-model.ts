import { Model, type ModelOptions } from './model/model.js';
import type { ClassRegistry } from './model/class-registry.js';
import type { ModelDescription } from './model/description.js';
import { CLASS_SPECS, classesOf, classSpec, isA } from './classes/registry.js';
import { withCloudRegions } from './cloud/cloud-region.js';
import { withBuilderParts } from './classes/edge/builder-parts.js';
import { MEASURED_INPUTS, withMeasurements } from './codecarbon/measurement-inputs.js';

/**
 * efp's classes and the features that complete a description: the model layer knows neither, so it is
 * given them here. The steps run in this order: cloud servers' region values, then the parts e-footprint's
 * edge builders create with their device (an edge computer's CPU and RAM), then the runs a measurement
 * reads, placed against the period's start.
 */
export const EFP_CLASSES: ClassRegistry = {
    specs: CLASS_SPECS,
    classSpec,
    isA,
    classesOf,
    descriptionSteps: [
        description => ({ description: withCloudRegions(description) }),
        description => ({ description: withBuilderParts(description) }),
        (description, periodStart) => {
            const measured = withMeasurements(description, periodStart);
            return {
                description: measured.description, diagnostics: measured.diagnostics,
                unreadValues: measured.unread.map(object => ({ object, attributes: MEASURED_INPUTS }))
            };
        }
    ]
};

/** Builds a model of efp's classes and evaluates every value. */
export function buildModel(description: ModelDescription, options: ModelOptions = {}): Model {
    return Model.build(description, EFP_CLASSES, options);
}

/**
 * Builds and evaluates a model in slices of about `sliceMs`, giving the event loop back between them;
 * undefined when `cancelled()` says a newer text has come (see `Model.buildInSlices`).
 */
export function buildModelInSlices(description: ModelDescription, cancelled: () => boolean, sliceMs?: number, options: ModelOptions = {}): Promise<Model | undefined> {
    return Model.buildInSlices(description, EFP_CLASSES, cancelled, sliceMs, options);
}
