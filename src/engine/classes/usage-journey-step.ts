import type { ClassSpec } from '../model/class-spec.js';

/** A step of a usage journey: time the user spends and the jobs it triggers on servers. */
export const UsageJourneyStep: ClassSpec = {
    className: 'UsageJourneyStep',
    extends: ['ModelingObject'],
    keyword: 'usage_journey_step',
    article: 'a usage journey step',
    description: 'One step of a journey: how long the user spends on it and which jobs it runs.',
    typicalInputs: ['user_time_spent', 'jobs'],
    inputs: [
        {
            type: 'quantity', name: 'user_time_spent', label: 'Time spent by user', unit: 'min',
            default: { value: 1, unit: 'min' }, min: 0, withinModelingPeriod: 'user time',
            description: 'How long a user spends on this step.'
        },
        {
            type: 'weighted', name: 'jobs', label: 'Jobs', classes: ['JobBase'], weightLabel: 'Times per step',
            description: 'Jobs the step runs, each as many times as its weight (`[search * 3, render]`).'
        }
    ],
    calculated: []
};
