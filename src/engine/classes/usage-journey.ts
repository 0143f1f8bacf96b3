import type { ClassSpec } from '../model/class-spec.js';
import { mapItems, valueOf, positionsOf } from '../formulas/formula-values.js';
import { nodeOf, onEach } from '../formulas/operands.js';
import { EMPTY, hourly, quantity, scalarOf } from '../model/values.js';
import { Dimension } from '../units/dimension.js';
import { averagedOccurrences } from '../series/averaged-occurrences.js';

const TIME = Dimension.base('time');

/** A sequence of steps a user goes through; steps may repeat (weights). */
export const UsageJourney: ClassSpec = {
    className: 'UsageJourney',
    extends: ['ModelingObject'],
    keyword: 'usage_journey',
    article: 'a usage journey',
    description: 'The steps a user goes through, in order, each as many times as its weight.',
    typicalInputs: ['uj_steps'],
    inputs: [
        {
            type: 'weighted', name: 'uj_steps', label: 'Usage journey steps', classes: ['UsageJourneyStep'], weightLabel: 'Times per journey',
            description: 'Steps of the journey in order, each as many times as its weight (`[watch * 2, capture]`).'
        }
    ],
    calculated: [
        {
            name: 'duration',
            label: 'Duration',
            unit: 'min',
            withinModelingPeriod: 'journey duration',
            define(journey) {
                const steps = journey.weights('uj_steps');
                const times = onEach(steps.map(s => s.object), 'user_time_spent');
                return {
                    operands: { user_time_spent: times },
                    formula: 'Σ over uj_steps of times per journey × user_time_spent',
                    compute() {
                        let total = 0;
                        steps.forEach((s, i) => { total += s.weight * scalarOf(valueOf(times[i]), 'user_time_spent'); });
                        return quantity(total, TIME);
                    }
                };
            }
        },
        {
            name: 'nb_usage_journeys_in_parallel_per_usage_pattern',
            label: 'Hourly nb of user journeys in parallel',
            unit: 'concurrent',
            itemLabel: pattern => `${pattern.name} hourly nb of user journeys in parallel`,
            define(journey, model) {
                const patterns = model.relations.patternsOfJourney(journey);
                const at = positionsOf(patterns);
                const duration = nodeOf(journey, 'duration');
                const starts = onEach(patterns, 'utc_hourly_usage_journey_starts');
                return {
                    operands: { duration, utc_hourly_usage_journey_starts: starts },
                    formula: 'averaged occurrences of utc_hourly_usage_journey_starts over the journey duration',
                    compute() {
                        const hours = scalarOf(valueOf(duration), 'duration') / 3600;
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
