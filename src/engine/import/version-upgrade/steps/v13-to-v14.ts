import { copyOf, objectsOf, renameKey } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/**
 * v13→14: an EdgeComputer loses its `power_usage_effectiveness` and `utilization_rate` (e-footprint 14 models
 * edge devices by components) and gets a `structure_carbon_footprint_fabrication` equal to its
 * `carbon_footprint_fabrication`; an EdgeFunction's `recurrent_edge_resource_needs` become `recurrent_edge_device_needs`.
 */
export const v13ToV14: UpgradeStep = {
    from: 13,
    summary: 'EdgeComputer drops power_usage_effectiveness and utilization_rate and gets structure_carbon_footprint_fabrication; EdgeFunction.recurrent_edge_resource_needs becomes recurrent_edge_device_needs',
    upgrade(input) {
        const root = copyOf(input);
        for (const [, computer] of objectsOf(root, 'EdgeComputer')) {
            delete computer.power_usage_effectiveness;
            delete computer.utilization_rate;
            if (computer.carbon_footprint_fabrication !== undefined) {
                computer.structure_carbon_footprint_fabrication = copyOf(computer.carbon_footprint_fabrication);
            }
        }
        for (const [, edgeFunction] of objectsOf(root, 'EdgeFunction')) {
            renameKey(edgeFunction, 'recurrent_edge_resource_needs', 'recurrent_edge_device_needs');
        }
        return { root, notes: [] };
    }
};
