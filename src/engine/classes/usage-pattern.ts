import type { ClassSpec } from '../model/class-spec.js';
import { valueOf } from '../formulas/formula-values.js';
import { nodeOf } from '../formulas/operands.js';
import { hourly, EMPTY } from '../model/values.js';
import { localToUtc } from '../series/to-utc.js';

/** Who runs a usage journey, how often (hourly starts, local time), where, on which devices and network. */
export const UsagePattern: ClassSpec = {
    className: 'UsagePattern',
    extends: ['ModelingObject'],
    keyword: 'usage_pattern',
    article: 'a usage pattern',
    description: 'How many usage journeys start each hour, with which devices, network and country.',
    typicalInputs: ['usage_journey', 'devices', 'network', 'country', 'hourly_usage_journey_starts'],
    inputs: [
        {
            type: 'hourly', name: 'hourly_usage_journey_starts', label: 'Hourly nb of usage journey starts', unit: 'occurrence', min: 0,
            description: 'Number of usage journeys starting each hour, in the country\'s local time.'
        },
        { type: 'ref', name: 'usage_journey', label: 'Usage journey', classes: ['UsageJourney'], description: 'The journey the users follow.' },
        { type: 'refs', name: 'devices', label: 'Devices', classes: ['Device'], description: 'Devices each user uses during the journey.' },
        { type: 'ref', name: 'network', label: 'Network', classes: ['Network'], description: 'Network the journey\'s data goes through.' },
        { type: 'ref', name: 'country', label: 'Country', classes: ['Country'], description: 'Country of the users (grid intensity, time zone).' }
    ],
    calculated: [
        {
            name: 'utc_hourly_usage_journey_starts',
            label: 'Hourly nb of usage journey starts (UTC)',
            unit: 'occurrence',
            define(pattern) {
                const starts = nodeOf(pattern, 'hourly_usage_journey_starts');
                const country = pattern.ref('country');
                const timezone = country?.text('timezone') ?? 'Europe/Paris';
                return {
                    operands: { hourly_usage_journey_starts: starts },
                    formula: `hourly_usage_journey_starts shifted from ${timezone} to UTC`,
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
