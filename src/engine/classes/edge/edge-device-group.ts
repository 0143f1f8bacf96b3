import type { ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { formula, nodeOf, onEach } from '../../formulas/operands.js';
import { EMPTY, multiply, quantity, sum, ValueError } from '../../model/values.js';
import { formatNumber } from '../../model/value-format.js';
import { shownInFull } from '../../model/cycle-path.js';
import { CHECK_HAS_NO_VALUE } from '../../model/empty-reason.js';

/**
 * A deployment template (a building, a vehicle) made of devices and of other groups, each a number of
 * times (e-footprint's EdgeDeviceGroup). Formulas, as e-footprint 22.2.1 computes them:
 * - effective_nb_of_units_within_root = 1 for a group no group contains, else
 *   Σ over the groups that contain it of (its count there × their effective_nb_of_units_within_root);
 * - a device's total_nb_of_units (edge-device.ts) = 1 in no group, else
 *   Σ over the groups that contain it of (its count there × their effective_nb_of_units_within_root),
 *   and every fabrication and energy footprint of the device is multiplied by it.
 * Every journey of a pattern deploys one root's worth of devices: 3 floors of 4 devices are 12 devices.
 */
export const EdgeDeviceGroup: ClassSpec = {
    className: 'EdgeDeviceGroup',
    extends: ['ModelingObject'],
    keyword: 'edge_device_group',
    article: 'an edge device group',
    description: 'Edge devices and sub-groups deployed together, each a number of times (a building: 3 floors of 4 sensors).',
    typicalInputs: ['edge_device_counts'],
    inputs: [
        {
            type: 'weighted', name: 'sub_group_counts', label: 'Sub group counts', classes: ['EdgeDeviceGroup'], weightLabel: 'Count in group',
            description: 'Groups this group contains, with how many copies of each (`[floor * 3]`).'
        },
        {
            type: 'weighted', name: 'edge_device_counts', label: 'Edge device counts', classes: ['EdgeDevice'], weightLabel: 'Count in group',
            description: 'Edge devices this group contains, with how many of each (`[sensor * 4, gateway]`).'
        }
    ],
    calculated: [
        {
            name: 'no_cycle_validation', label: 'No cycle validation', unit: '', emptyBecause: CHECK_HAS_NO_VALUE,
            define(group, model) {
                const cycle = model.relations.edge.cycleThrough(group);
                const negative = [...group.weights('sub_group_counts'), ...group.weights('edge_device_counts')].find(w => w.weight < 0);
                return {
                    operands: {}, formula: 'none: checks that the group does not contain itself, through its sub-groups, and that its counts are not negative',
                    compute() {
                        if (cycle) {
                            const through = !shownInFull(cycle.groups) ? `, through ${formatNumber(cycle.groups, 0)} groups that contain one another` : '';
                            throw new ValueError(`the group contains itself${through}: ${cycle.path}; remove one of these from the other's sub_group_counts`);
                        }
                        if (negative) throw new ValueError(`the count of ${negative.object.id} is negative (${negative.weight})`);
                        return EMPTY;
                    }
                };
            }
        },
        {
            name: 'effective_nb_of_units_within_root', label: 'Effective nb within root group', unit: '',
            define(group, model) {
                const validation = nodeOf(group, 'no_cycle_validation');
                // a group in a cycle has no count (its validation says why): no node cycle either
                const parents = model.relations.edge.cycleThrough(group) ? [] : model.relations.edge.parentsOfGroup(group);
                if (parents.length === 0) {
                    return formula({ no_cycle_validation: validation }, '1: the group is in no other group (a root), once no_cycle_validation passes',
                        () => quantity(1));
                }
                const counts = onEach(parents.map(p => p.parent), 'effective_nb_of_units_within_root');
                return formula({ no_cycle_validation: validation, effective_nb_of_units_within_root: counts },
                    'Σ over the groups containing it of its count there × their effective_nb_of_units_within_root, once no_cycle_validation passes',
                    () => sum(parents.map((p, i) => multiply(quantity(p.count), valueOf(counts[i])))));
            }
        }
    ]
};
