import { ClassHierarchy } from '../../model/class-hierarchy.js';
import { EFOOTPRINT_CLASS_DECLARATIONS } from '../../classes/registry.js';

/**
 * e-footprint classes that efp does not model but still meets in a JSON file, with their direct parents:
 * classes of 22.2.1 efp has no spec for, and classes e-footprint removed (GenAIModel, GenAIJob). The classes
 * efp models and the abstract ones above them come from their specs (`extends`) and ABSTRACT_CLASSES.
 */
const NOT_MODELLED = [
    { name: 'BoaviztaServerFromConfig', parents: ['ServerBase'] },
    { name: 'BoaviztaStorageFromConfig', parents: ['Storage'] },
    { name: 'GenAIJob', parents: ['ServiceJob'] },
    { name: 'GenAIModel', parents: ['Service'] },
    { name: 'EcoLogitsVideoGenExternalAPIJob', parents: ['ExternalAPIJob'] },
    { name: 'EcoLogitsVideoGenExternalAPI', parents: ['ExternalAPI'] },
    // an EcoLogits API's server, which the importer folds into its API
    { name: 'ExternalAPIServer', parents: ['ModelingObject'] },
    { name: 'EcoLogitsExternalAPIServerBase', parents: ['ExternalAPIServer'] },
    { name: 'EcoLogitsGenAIExternalAPIServer', parents: ['EcoLogitsExternalAPIServerBase'] },
    { name: 'EcoLogitsVideoGenExternalAPIServer', parents: ['EcoLogitsExternalAPIServerBase'] }
];

/**
 * e-footprint's class hierarchy (22.2.1, with the classes it removed and still reads: GenAIModel, GenAIJob,
 * WebApplication, WebApplicationJob). Several upgrade steps apply to "every subclass of JobBase" and the like,
 * as e-footprint's `is_subclass_of` does on the current classes.
 */
const EFOOTPRINT_CLASSES = new ClassHierarchy([...EFOOTPRINT_CLASS_DECLARATIONS, ...NOT_MODELLED], []);

/** Whether e-footprint knows the class (a class it does not know is left alone by the steps that look classes up). */
export function isEfootprintClass(className: string): boolean {
    return EFOOTPRINT_CLASSES.knows(className);
}

/** The class itself or one of its ancestors is `ancestor` (e-footprint's `is_subclass_of`). */
export function isSubclassOf(className: string, ancestor: string): boolean {
    return EFOOTPRINT_CLASSES.isA(className, ancestor);
}
