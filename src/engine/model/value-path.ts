import type { Model } from './model.js';
import type { Node } from './node.js';
import { didYouMean } from './diagnostics.js';

/** A value asked for by a path that names no value of the model: the message says what there is. */
export class ValuePathError extends Error {
    constructor(message: string, readonly path: string) {
        super(message);
        this.name = 'ValuePathError';
    }
}

/**
 * A value by its path, `object.attribute` as e-footprint names it (`web.energy_footprint`): a model
 * object first, else a built-in one. What `efp eval --show` and the engine API's explain take.
 */
export function valueAt(model: Model, path: string): Node {
    const dot = path.lastIndexOf('.');
    if (dot <= 0) throw new ValuePathError(`a value is named object.attribute, e.g. web.energy_footprint (got '${path}')`, path);
    const [id, attribute] = [path.slice(0, dot), path.slice(dot + 1)];
    const object = model.lookup(id);
    if (!object) throw new ValuePathError(`no object '${id}' in the model`, path);
    const node = model.findNode(object.key, attribute);
    if (!node) {
        const names = [...object.spec.inputs.map(i => i.name), ...object.spec.calculated.map(c => c.name)];
        const guess = didYouMean(attribute, names);
        throw new ValuePathError(`${String(object)} has no value '${attribute}'; ${guess ? `did you mean '${guess}'?` : `it has ${names.join(', ')}`}`, path);
    }
    return node;
}
