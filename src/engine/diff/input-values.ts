import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import type { NodeValue } from '../model/node.js';
import { expressionKey } from './expression-key.js';
import { closeEnough, sameValue, valueFingerprint } from './value-equality.js';

/**
 * How an object is named when two sides are compared: an object of the new model by its key, one of
 * the old model by the key of the new object it is matched with (object-matching.ts), so that a
 * reference to `web` before and to `server_2` after read the same once web and server_2 are matched.
 */
export type Token = (object: EfpObject) => string;

/** The evaluated value of an input, when it is a number or a series that evaluated without error. */
function numericValue(model: Model, object: EfpObject, name: string): NodeValue | undefined {
    const node = model.findNode(object.key, name);
    if (!node || node.error || !node.value || node.value.kind === 'dict') return undefined;
    return node.value;
}

const weightText = (w: number) => (Number.isInteger(w) ? String(w) : w.toPrecision(9));

/**
 * An input's value as text that equal values share (object-matching.ts finds equal objects among many
 * with it): numbers by their fingerprint in SI units, references by `token`, texts and enumerated
 * values as e-footprint spells them. `undefined` when the object has no such input.
 */
export class InputKeys {
    private readonly fingerprints = new Map<NodeValue, string>();

    constructor(private readonly model: Model) {}

    key(object: EfpObject, name: string, token: Token): string | undefined {
        const input = object.inputs.get(name);
        if (!input) return undefined;
        switch (input.spec.type) {
            case 'ref': {
                const target = object.refs.get(name);
                return target ? `>${token(target)}` : `?${expressionKey(input.expr)}`;
            }
            case 'refs':
                return `[${object.list(name).map(token).join(',')}]`;
            case 'weighted':
                return `[${object.weights(name).map(w => `${token(w.object)}*${weightText(w.weight)}`).join(',')}]`;
            case 'enum':
            case 'text':
                return `"${object.text(name) ?? expressionKey(input.expr)}"`;
            default: {
                const value = numericValue(this.model, object, name);
                if (!value) return `?${expressionKey(input.expr)}`;
                let fingerprint = this.fingerprints.get(value);
                if (fingerprint === undefined) this.fingerprints.set(value, (fingerprint = valueFingerprint(value)));
                return fingerprint;
            }
        }
    }
}

/**
 * An input of two matched objects has the same value on both sides: numbers and series equal in SI
 * units (value-equality.ts), references to matched objects, the same items in the same order with the
 * same weights, the same text. An input that did not evaluate is compared as written.
 */
export function sameInputValue(oldModel: Model, o: EfpObject, oldToken: Token, newModel: Model, n: EfpObject, newToken: Token, name: string): boolean {
    const a = o.inputs.get(name), b = n.inputs.get(name);
    if (!a || !b) return !a && !b;
    switch (b.spec.type) {
        case 'ref': {
            const x = o.refs.get(name), y = n.refs.get(name);
            return x && y ? oldToken(x) === newToken(y) : !x && !y;
        }
        case 'refs': {
            const x = o.list(name), y = n.list(name);
            return x.length === y.length && x.every((item, i) => oldToken(item) === newToken(y[i]));
        }
        case 'weighted': {
            const x = o.weights(name), y = n.weights(name);
            return x.length === y.length && x.every((item, i) => oldToken(item.object) === newToken(y[i].object) && closeEnough(item.weight, y[i].weight));
        }
        case 'enum':
        case 'text':
            return o.text(name) === n.text(name);
        default: {
            const x = numericValue(oldModel, o, name), y = numericValue(newModel, n, name);
            return x && y ? sameValue(x, y) : !x && !y && expressionKey(a.expr) === expressionKey(b.expr);
        }
    }
}
