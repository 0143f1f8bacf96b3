import type { ClassSpec } from '../model/class-spec.js';
import { itemOf, sumOfItems, valueOf } from '../formulas/formula-values.js';
import { ItemMemo } from '../formulas/incremental-items.js';
import { nodeOf, onEach } from '../formulas/operands.js';
import { EMPTY, scalarOf, weightedSum } from '../model/values.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/** The network between devices and servers: energy per byte transferred. */
export const Network: ClassSpec = {
    className: 'Network',
    extends: ['ModelingObject'],
    keyword: 'network',
    article: 'a network',
    description: 'The network the usage pattern\'s data goes through; its energy is proportional to the data.',
    typicalInputs: ['bandwidth_energy_intensity'],
    category: 'Network',
    inputs: [
        {
            type: 'quantity', name: 'bandwidth_energy_intensity', label: 'bandwith energy intensity', unit: 'kWh/GB',
            default: { value: 0.1, unit: 'kWh/GB' }, min: 0,
            description: 'Energy the network uses per unit of data transferred.'
        }
    ],
    calculated: [
        {
            name: 'energy_footprint_per_job',
            label: 'Network energy footprint per job',
            unit: 'kg',
            itemLabel: job => `${job.name} network energy footprint`,
            define(network, model) {
                const jobs = model.relations.jobsOfNetwork(network);
                const intensity = nodeOf(network, 'bandwidth_energy_intensity');
                const uses = jobs.map(job => {
                    const patterns = model.relations.patternsOfJob(job).filter(p => p.ref('network') === network);
                    return {
                        patterns,
                        data: nodeOf(job, 'hourly_data_transferred_per_usage_pattern'),
                        carbon: onEach(patterns.map(p => p.ref('country')!), 'average_carbon_intensity')
                    };
                });
                const items = new ItemMemo(nodeOf(network, 'energy_footprint_per_job'));
                return {
                    operands: {
                        bandwidth_energy_intensity: intensity,
                        hourly_data_transferred_per_usage_pattern: uses.map(u => u.data),
                        average_carbon_intensity: uses.flatMap(u => u.carbon)
                    },
                    operandOrder: [intensity, ...uses.flatMap(u => [u.data, ...u.carbon])],
                    formula: 'Σ over the job\'s usage patterns on this network of bandwidth_energy_intensity × hourly_data_transferred_per_usage_pattern × country.average_carbon_intensity',
                    compute() {
                        const perBit = scalarOf(valueOf(intensity), 'bandwidth_energy_intensity');
                        // after one job changes, the other jobs' items are kept (ItemMemo)
                        return items.map(jobs, (_, j) => [perBit, ...uses[j].patterns.map(p => itemOf(uses[j].data, p)), ...uses[j].carbon.map(c => valueOf(c))], (_, j) => {
                            const use = uses[j];
                            return weightedSum(use.patterns.map((p, i) =>
                                [itemOf(use.data, p), perBit * scalarOf(valueOf(use.carbon[i]), 'average_carbon_intensity')] as const), MASS);
                        });
                    }
                };
            }
        },
        {
            name: 'instances_fabrication_footprint',
            label: 'Network fabrication footprint',
            unit: 'kg',
            emptyBecause: 'e-footprint does not model it',
            define: () => ({ operands: {}, formula: 'not modeled (empty)', compute: () => EMPTY })
        },
        {
            name: 'energy_footprint',
            label: 'Hourly energy footprint',
            unit: 'kg',
            min: 0,
            define: network => sumOfItems(network, 'energy_footprint_per_job', MASS)
        }
    ]
};
