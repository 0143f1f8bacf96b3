import type { ClassSpec } from '../../model/class-spec.js';
import { valueOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { EMPTY, hourly } from '../../model/values.js';
import { localToUtc } from '../../series/to-utc.js';

/** A fleet of edge devices deployed in a country: how many edge journeys start each hour (local time). */
export const EdgeUsagePattern: ClassSpec = {
    className: 'EdgeUsagePattern',
    extends: ['ModelingObject'],
    keyword: 'edge_usage_pattern',
    article: 'an edge usage pattern',
    description: 'How many edge devices are deployed each hour (edge usage journey starts), in which country, on which network.',
    typicalInputs: ['edge_usage_journey', 'network', 'country', 'hourly_edge_usage_journey_starts'],
    inputs: [
        {
            type: 'hourly', name: 'hourly_edge_usage_journey_starts', label: 'Hourly nb of edge usage journey starts', unit: 'occurrence', min: 0,
            description: 'Number of edge usage journeys (device deployments) starting each hour, in the country\'s local time.'
        },
        { type: 'ref', name: 'edge_usage_journey', label: 'Edge usage journey', classes: ['EdgeUsageJourney'], description: 'The journey the deployed devices run.' },
        { type: 'ref', name: 'network', label: 'Network', classes: ['Network'], description: 'Network the devices talk to servers through.' },
        { type: 'ref', name: 'country', label: 'Country', classes: ['Country'], description: 'Country of the deployment (grid intensity, time zone).' }
    ],
    calculated: [
        {
            name: 'utc_hourly_edge_usage_journey_starts', label: 'Hourly nb of edge usage journey starts (UTC)', unit: 'occurrence',
            define(pattern) {
                const starts = nodeOf(pattern, 'hourly_edge_usage_journey_starts');
                const timezone = pattern.ref('country')?.text('timezone') ?? 'Europe/Paris';
                return {
                    operands: { hourly_edge_usage_journey_starts: starts },
                    formula: `hourly_edge_usage_journey_starts shifted from ${timezone} to UTC`,
                    compute() {
                        const local = valueOf(starts);
                        if (local.kind !== 'hourly') return local.kind === 'empty' ? EMPTY : local;
                        return hourly(localToUtc(local.series, timezone), local.dimension);
                    }
                };
            }
        }
    ]
};
