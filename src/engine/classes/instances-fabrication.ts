import type { CalculatedSpec } from '../model/class-spec.js';
import { multiply, quantity, scalarOf } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { ONE_HOUR, valueOf } from '../formulas/formula-values.js';
import { own } from '../formulas/operands.js';

/**
 * Servers and storage share e-footprint's fabrication formula: each instance's fabrication footprint
 * spread evenly over its lifespan, hour by hour.
 */
export const instancesFabricationFootprint: CalculatedSpec = {
    name: 'instances_fabrication_footprint', label: 'Hourly instances fabrication footprint', unit: 'kg', min: 0,
    define(object) {
        const operands = own(object, ['carbon_footprint_fabrication', 'nb_of_instances', 'lifespan']);
        const { carbon_footprint_fabrication: fabrication, nb_of_instances: nb, lifespan } = operands;
        return {
            operands,
            formula: 'carbon_footprint_fabrication × nb_of_instances × 1 h / lifespan',
            compute: () => multiply(valueOf(nb), quantity(scalarOf(valueOf(fabrication), 'carbon_footprint_fabrication') * ONE_HOUR
                / scalarOf(valueOf(lifespan), 'lifespan'), Dimension.base('mass')))
        };
    }
};
