import { hypothesisQuantity } from '../hypothesis-quantity.js';
import { classEntries, copyOf, isRecord, renameKey } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** The edge component classes, which e-footprint 19 describes per unit times `nb_of_units`. */
const EDGE_COMPONENT_CLASSES = new Set([
    'EdgeCPUComponent', 'EdgeComputerCPUComponent', 'EdgeRAMComponent', 'EdgeComputerRAMComponent',
    'EdgeWorkloadComponent', 'EdgeApplianceComponent', 'EdgeStorage'
]);
const PER_UNIT_RENAMES: Readonly<Record<string, string>> = {
    carbon_footprint_fabrication: 'carbon_footprint_fabrication_per_unit', power: 'power_per_unit', idle_power: 'idle_power_per_unit'
};
const CLASS_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    EdgeCPUComponent: { compute: 'compute_per_unit' }, EdgeComputerCPUComponent: { compute: 'compute_per_unit' },
    EdgeRAMComponent: { ram: 'ram_per_unit' }, EdgeComputerRAMComponent: { ram: 'ram_per_unit' },
    EdgeStorage: { storage_capacity: 'storage_capacity_per_unit' }
};

/**
 * v18→19: an edge component's totals become per-unit values (`power` -> `power_per_unit`, likewise
 * `carbon_footprint_fabrication`, `idle_power`, a CPU's `compute`, a RAM's `ram`, a storage's
 * `storage_capacity`), and a component without `nb_of_units` gets 1.
 */
export const v18ToV19: UpgradeStep = {
    from: 18,
    summary: 'edge component totals become per-unit inputs (power -> power_per_unit, ...); components get nb_of_units: 1',
    upgrade(input) {
        const root = copyOf(input);
        for (const [className, objects] of classEntries(root)) {
            if (!EDGE_COMPONENT_CLASSES.has(className)) continue;
            const renames = { ...PER_UNIT_RENAMES, ...CLASS_RENAMES[className] };
            for (const component of Object.values(objects)) {
                if (!isRecord(component)) continue;
                for (const [from, to] of Object.entries(renames)) renameKey(component, from, to);
                if (!('nb_of_units' in component)) component.nb_of_units = hypothesisQuantity(1, 'dimensionless');
            }
        }
        return { root, notes: [] };
    }
};
