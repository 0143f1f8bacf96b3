import type { CalculatedSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { EMPTY } from '../../model/values.js';

/**
 * A value a builder's own component takes from its device (e-footprint's copies: an edge computer's CPU
 * takes the computer's compute, an appliance's component its power): empty outside such a device.
 */
export function fromDevice(deviceClass: string, name: string, label: string, unit: string, attribute: string): CalculatedSpec {
    return {
        name, label, unit,
        define(component, model) {
            const device = model.relations.edge.deviceOfComponent(component);
            const source = device?.className === deviceClass ? nodeOf(device, attribute) : undefined;
            return {
                operands: source ? { [attribute]: source } : {}, formula: source ? `the device's ${attribute}` : `none: not in ${deviceClass}`,
                compute: () => source ? valueOf(source) : EMPTY
            };
        }
    };
}
