import type { FootprintCategory } from './class-spec.js';
import type { EfpObject } from './efp-object.js';
import type { Model } from './model.js';
import type { NumericValue } from './values.js';
import { EMPTY } from './values.js';

export const CATEGORIES: readonly FootprintCategory[] = ['Servers', 'Storage', 'ExternalAPIs', 'Network', 'Devices', 'EdgeDevices', 'Measurements'];

/** A system's footprint by object, in the two life-cycle phases e-footprint separates. */
export interface ObjectFootprint {
    readonly object: EfpObject;
    readonly category: FootprintCategory;
    /** Hourly fabrication footprint (kg), or empty. */
    readonly fabrication: NumericValue;
    /** Hourly energy footprint (kg), or empty. */
    readonly energy: NumericValue;
}

/** Every object a system counts, with its two footprint series. */
export function systemFootprints(model: Model, system: EfpObject): ObjectFootprint[] {
    return model.relations.footprintObjects(system).map(object => ({ object, category: object.spec.category!, ...phaseFootprints(model, object) }));
}

/** An object's hourly fabrication and energy footprints (kg), each empty when it has none. */
export function phaseFootprints(model: Model, object: EfpObject): Pick<ObjectFootprint, 'fabrication' | 'energy'> {
    return { fabrication: numeric(model, object, 'instances_fabrication_footprint'), energy: numeric(model, object, 'energy_footprint') };
}

function numeric(model: Model, object: EfpObject, attribute: string): NumericValue {
    const v = model.findNode(object.key, attribute)?.value;
    return v === undefined || v.kind === 'dict' ? EMPTY : v;
}

/** Systems of the model, in declaration order. */
export function systemsOf(model: Model): EfpObject[] {
    return model.instances.filter(o => o.className === 'System');
}
