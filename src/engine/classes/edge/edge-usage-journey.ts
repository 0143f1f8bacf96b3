import { MAX_MODELING_YEARS } from '../../series/series-limits.js';
import type { ClassSpec } from '../../model/class-spec.js';
import { mapItems, valueOf, positionsOf } from '../../formulas/formula-values.js';
import { nodeOf, onEach } from '../../formulas/operands.js';
import { EMPTY, hourly, scalarOf } from '../../model/values.js';
import { averagedOccurrences } from '../../series/averaged-occurrences.js';

/** What a deployed edge device runs for its whole time in use: edge functions, over a usage span. */
export const EdgeUsageJourney: ClassSpec = {
    className: 'EdgeUsageJourney',
    extends: ['ModelingObject'],
    keyword: 'edge_usage_journey',
    article: 'an edge usage journey',
    description: 'The edge functions a deployed device runs, for how long it is in use.',
    typicalInputs: ['edge_functions', 'usage_span'],
    inputs: [
        { type: 'refs', name: 'edge_functions', label: 'Edge functions', classes: ['EdgeFunction'], description: 'Functions running during the journey.' },
        {
            // a device lives longer than the period it is modeled over, but not longer than the longest period
            type: 'quantity', name: 'usage_span', label: 'Usage span', unit: 'year', default: { value: 6, unit: 'year' }, min: 0, exclusiveMin: true, max: MAX_MODELING_YEARS,
            description: 'How long one device is in use, from deployment to retirement.'
        }
    ],
    calculated: [
        {
            // a journey lasts usage_span: the devices in use at an hour are the starts of the usage_span before it
            name: 'nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern', label: 'Hourly nb of edge usage journeys in parallel', unit: 'concurrent',
            itemLabel: () => 'Hourly nb of edge usage journeys in parallel',
            define(journey, model) {
                const patterns = model.relations.edge.patternsOfJourney(journey);
                const at = positionsOf(patterns);
                const span = nodeOf(journey, 'usage_span');
                const starts = onEach(patterns, 'utc_hourly_edge_usage_journey_starts');
                return {
                    operands: { usage_span: span, utc_hourly_edge_usage_journey_starts: starts },
                    formula: 'averaged occurrences of utc_hourly_edge_usage_journey_starts over usage_span',
                    compute() {
                        const hours = scalarOf(valueOf(span), 'usage_span') / 3600;
                        return mapItems(patterns, p => {
                            const s = valueOf(starts[at.get(p)!]);
                            if (s.kind !== 'hourly') return EMPTY;
                            const avg = averagedOccurrences(s.series, hours);
                            return avg ? hourly(avg) : EMPTY;
                        });
                    }
                };
            }
        }
    ]
};
